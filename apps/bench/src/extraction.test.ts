import { describe, expect, it } from "vitest";
import { aggregate, compare } from "./extraction.ts";

describe("extraction metric", () => {
  it("matches the reference Python scorer (score_extraction.py) on hand-made cases", () => {
    // Expected figures printed by /work/shared/bench/scorers/score_extraction.py's compare/aggregate on the same pairs.
    const rows = [
      compare(
        "The quick brown fox jumps over the lazy dog. Don't stop.",
        "The quick brown fox jumps over the lazy dog. Extra words here.",
      ),
      compare("Short one", ""),
      compare("Exact text, with punctuation!", "Exact   text with punctuation"),
      compare("a b c d e", "a b c d e a b c d e"),
    ];
    expect(rows).toEqual([
      { tp: 6, fp: 3, fn: 3, exact: false },
      { tp: 0, fp: 0, fn: 1, exact: false },
      { tp: 1, fp: 0, fn: 0, exact: true },
      { tp: 2, fp: 5, fn: 0, exact: false },
    ]);
    const m = aggregate(rows);
    expect(m.precision).toBeCloseTo(0.6507936507936507, 12);
    expect(m.recall).toBeCloseTo(0.6666666666666666, 12);
    expect(m.f1).toBeCloseTo(0.6586345381526104, 12);
    expect(m.accuracy).toBe(0.25);
  });
});
