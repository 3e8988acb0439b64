import type { StoreEvent } from "@newsfuse/core/schema";
import { describe, expect, it } from "vitest";
import { EventLog } from "./event-log.ts";

function source() {
  const listeners = new Set<(e: StoreEvent) => void>();
  return {
    subscribe(l: (e: StoreEvent) => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    emit(e: StoreEvent) {
      for (const l of listeners) l(e);
    },
  };
}
const updated = (n: number): StoreEvent => ({ type: "story.updated", storyId: `s${n}` });

describe("EventLog", () => {
  it("numbers events in order and gives a listener the same id the replay will", () => {
    const src = source();
    const log = new EventLog(src, "r1", 3);
    const live: string[] = [];
    log.subscribe((e) => live.push(e.id));
    for (let i = 1; i <= 2; i++) src.emit(updated(i));
    expect(live).toEqual(["r1-1", "r1-2"]);
    expect(log.since("r1-0")?.map((e) => e.id)).toEqual(["r1-1", "r1-2"]);
    expect(log.since("r1-2")).toEqual([]);
  });

  it("cannot replay what fell out of the ring, an id of another run, or one not issued", () => {
    const src = source();
    const log = new EventLog(src, "r1", 3);
    for (let i = 1; i <= 5; i++) src.emit(updated(i));
    expect(log.since("r1-2")?.map((e) => e.event)).toEqual([updated(3), updated(4), updated(5)]);
    expect(log.since("r1-1")).toBeNull();
    expect(log.since("r0-4")).toBeNull();
    expect(log.since("r1-9")).toBeNull();
    expect(log.since("garbage")).toBeNull();
  });
});
