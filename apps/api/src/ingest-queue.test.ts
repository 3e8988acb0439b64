import type { IngestItemResult, RawInput, Store } from "@newsfuse/store";
import { describe, expect, it } from "vitest";
import { fixtureArticles, override, useSeededStore } from "./test-support.ts";
import { GROUP_COMMIT_MAX, IngestQueue } from "./ingest-queue.ts";

const { store } = useSeededStore();

const enc = new TextEncoder();
const line = (i: number): RawInput => ({
  body: enc.encode(`${JSON.stringify({ id: `gq-${i}`, text: fixtureArticles[i].text })}\n`),
  contentType: "application/x-ndjson",
  origin: `api:gq-${i}`,
});

/** A store whose ingest waits for `until()`, then answers every input as known; `calls` records call sizes. */
function knownAfter(until: () => Promise<unknown>, calls: number[] = []): Store {
  return override(store, {
    ingest: async (raws: RawInput[]) => {
      calls.push(raws.length);
      await until();
      return raws.map((_, i) => ({ status: "known" as const, id: `k${i}` }));
    },
  });
}

describe("IngestQueue", () => {
  it("merges requests that arrive while the store is busy and gives each its own results", async () => {
    const calls: number[] = [];
    const counted = override(store, {
      ingest: (raws: RawInput[], o?: Parameters<Store["ingest"]>[1]) => {
        calls.push(raws.length);
        return store.ingest(raws, o);
      },
    });
    const q = new IngestQueue(counted, () => {});
    const answers = await Promise.all([
      q.ingest([line(0)], true),
      q.ingest([line(1), line(2)], true),
      q.ingest([line(3)], true),
    ]);
    // The first request runs alone; the two that queued behind it share the next call.
    expect(calls).toEqual([1, 3]);
    expect(answers.map((a) => a.map((r) => (r as Extract<IngestItemResult, { id: string }>).id))).toEqual([
      ["gq-0"],
      ["gq-1", "gq-2"],
      ["gq-3"],
    ]);
  });

  it("on close refuses what has not started and waits for what has", async () => {
    let release!: () => void;
    const slow = knownAfter(() => new Promise<void>((r) => (release = r)));
    const q = new IngestQueue(slow, () => {});
    const running = q.ingest([line(6)], true);
    const queued = q.ingest([line(7)], true);
    await new Promise((r) => setTimeout(r, 10));
    let closed = false;
    const closing = q.close().then(() => (closed = true));
    await expect(queued).rejects.toMatchObject({ code: "unavailable" });
    await new Promise((r) => setTimeout(r, 30));
    expect(closed).toBe(false);
    release();
    expect(await running).toEqual([{ status: "known", id: "k0" }]);
    await closing;
  });

  it("lingers after a store call so the writer it answered joins the next one; a close meanwhile refuses cleanly", async () => {
    const calls: number[] = [];
    const fast = knownAfter(() => new Promise((r) => setTimeout(r, 5)), calls);
    const q = new IngestQueue(fast, () => {}, GROUP_COMMIT_MAX, 50);
    const first = q.ingest([line(8)], true);
    const second = q.ingest([line(9)], true);
    await first;
    const again = q.ingest([line(10)], true); // the first writer's next request
    await Promise.all([second, again]);
    expect(calls).toEqual([1, 2]);
    const a = q.ingest([line(11)], true);
    const b = q.ingest([line(12)], true);
    await a; // b now waits out the linger
    const refused = expect(b).rejects.toMatchObject({ code: "unavailable" });
    await q.close();
    await refused;
  });

  it("never merges raw bodies, and passes store failures to every waiting request", async () => {
    const calls: number[] = [];
    const failing = override(store, {
      ingest: async (raws: RawInput[]) => {
        calls.push(raws.length);
        await new Promise((r) => setTimeout(r, 10));
        throw new Error("disk full");
      },
    });
    const q = new IngestQueue(failing, () => {});
    const raw: RawInput = { body: enc.encode("text"), contentType: "text/plain", origin: "api:x" };
    const all = await Promise.allSettled([
      q.ingest([raw], false),
      q.ingest([raw], false),
      q.ingest([line(4)], true),
      q.ingest([line(5)], true),
    ]);
    expect(all.every((s) => s.status === "rejected")).toBe(true);
    expect(calls).toEqual([1, 1, 2]);
  });
});
