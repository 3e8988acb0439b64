import { describe, expect, it } from "vitest";
import { filterLines, Lines, lineText, matchLines, seg, wrapSegments } from "./lines.ts";

const text = (ls: ReturnType<typeof wrapSegments>) => ls.map((l) => l.map((s) => s.text).join(""));

describe("wrapSegments", () => {
  it("wraps at word boundaries within the width and indents continuation lines", () => {
    const out = text(wrapSegments([seg("the quick brown fox jumps over the lazy dog")], 16, 2));
    expect(out).toEqual(["the quick brown", "  fox jumps over", "  the lazy dog"]);
    for (const l of out) expect(l.length).toBeLessThanOrEqual(16);
  });

  it("keeps the blanks inside a line, so padded columns stay aligned", () => {
    expect(text(wrapSegments([seg("  a    "), seg("b")], 40))).toEqual(["  a    b"]);
  });

  it("cuts a word longer than the line", () => {
    expect(text(wrapSegments([seg("abcdefghijklmnopqrstuvwxyz")], 10))).toEqual(["abcdefghij", "klmnopqrst", "uvwxyz"]);
  });

  it("keeps each piece's style across the wrap", () => {
    const out = wrapSegments([seg("said "), seg("“minor incursion”", "quote")], 12);
    expect(out[1]?.[0]).toEqual({ text: "incursion”", style: "quote" });
  });

  it("never loops when the indent is wider than the line", () => {
    expect(text(wrapSegments([seg("one two three four")], 8, 30)).length).toBeGreaterThan(1);
  });
});

describe("seg", () => {
  it("drops control characters from article text, so it cannot restyle or move the screen", () => {
    expect(seg("red\u001b[31m alert\u0007\r").text).toBe("red[31m alert");
  });
});

describe("filterLines", () => {
  const b = new Lines(80);
  b.heading("Joe Biden (1 quote)");
  b.item().add(seg("“minor incursion.”")).add(seg("carried by AP"));
  b.heading("Antony Blinken (2 quotes)");
  b.item().add(seg("“critical moment”")).add(seg("carried by AP"));
  b.item().add(seg("“swift, severe”")).add(seg("carried by Reuters"));

  it("keeps a matching item whole, under its heading", () => {
    expect(filterLines(b.lines, "incursion").map(lineText)).toEqual([
      "Joe Biden (1 quote)",
      "“minor incursion.”",
      "carried by AP",
    ]);
  });

  it("keeps a whole section when its heading matches", () => {
    expect(filterLines(b.lines, "blinken").map(lineText)).toHaveLength(5);
  });

  it("is case-insensitive and lists matching lines for n/N", () => {
    expect(filterLines(b.lines, "REUTERS").map(lineText)).toContain("“swift, severe”");
    expect(matchLines(b.lines, "carried by ap")).toEqual([2, 5]);
  });
});
