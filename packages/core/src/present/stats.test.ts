import { describe, expect, it } from "vitest";
import { formatStats } from "./stats.ts";

describe("formatStats", () => {
  it("prints where the store is, then one aligned count per line in the given order", () => {
    expect(formatStats("embedded store at /d", { inputs: 5, duplicateGroups: 0 })).toBe(
      "embedded store at /d\n  inputs           5\n  duplicateGroups  0",
    );
  });
});
