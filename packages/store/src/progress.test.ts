import { describe, expect, it } from "vitest";
import { createProgress, progressLine } from "./progress.ts";

describe("ingest progress", () => {
  it("shows count, rate and ETA", () => {
    expect(progressLine(50, 200, 0, 10_000)).toBe("ingest 50/200 (25%) 5.0/s ETA 30s");
    expect(progressLine(200, 200, 3, 20_000, 10)).toBe("ingest [##########] 200/200 (100%) 10.0/s ETA 0s, 3 failed");
  });

  it("prints plain periodic lines when not on a terminal", () => {
    let t = 0;
    const out: string[] = [];
    const p = createProgress({ total: 100, tty: false, write: (s) => out.push(s), now: () => t, every: 5 });
    t = 1000;
    p.update(10);
    t = 6000;
    p.update(30);
    t = 7000;
    p.update(40);
    t = 9000;
    p.update(100);
    expect(out).toEqual(["ingest 30/100 (30%) 5.0/s ETA 14s\n", "ingest 100/100 (100%) 11.1/s ETA 0s\n"]);
  });

  it("redraws one bar line on a terminal", () => {
    const out: string[] = [];
    const p = createProgress({ total: 4, tty: true, write: (s) => out.push(s), now: () => 2000 });
    p.update(2);
    p.end();
    expect(out[0]).toMatch(/^\r.*\[#{15}\.{15}\] 2\/4/);
    expect(out[1]).toBe("\n");
  });
});
