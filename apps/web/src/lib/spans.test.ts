import { describe, expect, it } from "vitest";
import { paragraphs, sentenceAround, slice } from "./spans.ts";

describe("slice", () => {
  const text = "Blinken said “serious costs” would follow.";
  it("cuts at the marks' offsets exactly, and the pieces give the text back", () => {
    const pieces = slice(text, [{ start: 14, end: 27, kind: "quote", index: 0 }]);
    expect(pieces.map((p) => p.text)).toEqual(["Blinken said “", "serious costs", "” would follow."]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
  });
  it("drops a mark that overlaps an earlier one rather than duplicating text", () => {
    const pieces = slice(text, [
      { start: 0, end: 7, kind: "entity", index: 0 },
      { start: 5, end: 12, kind: "entity", index: 1 },
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces.filter((p) => p.mark)).toHaveLength(1);
  });
  it("keeps to the range it is given", () => {
    expect(slice(text, [{ start: 0, end: 7, kind: "e", index: 0 }], 8, 12).map((p) => p.text)).toEqual(["said"]);
  });
});

describe("paragraphs and sentences", () => {
  it("splits at blank lines and finds the sentence around a span", () => {
    const body = "One. Two has 90,000 troops.\n\nThree.";
    expect(paragraphs(body)).toEqual([
      { start: 0, end: 27 },
      { start: 29, end: 35 },
    ]);
    expect(sentenceAround(body, 13, 19)).toBe("Two has 90,000 troops.");
  });
});
