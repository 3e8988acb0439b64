import { describe, expect, it } from "vitest";
import { splitParagraphs, splitSentences } from "./split.ts";

describe("splitParagraphs", () => {
  it("treats every line as a paragraph, with or without blank lines between (002 uses single newlines)", () => {
    const text = "GENEVA (AP) — Blinken warned Friday.\nBlinken and Lavrov lowered expectations.\n\nRELATED";
    const ps = splitParagraphs(text);
    expect(ps.map((p) => p.text)).toEqual([
      "GENEVA (AP) — Blinken warned Friday.",
      "Blinken and Lavrov lowered expectations.",
      "RELATED",
    ]);
    for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
  it("joins hard-wrapped prose lines into one paragraph", () => {
    const wrapped = [
      "Secretary of State Antony J. Blinken said on Thursday that President",
      "Biden would likely speak directly with President Vladimir V. Putin of",
      "Russia in the near future, as part of a frantic diplomatic effort to",
      "defuse the crisis.",
    ].join("\n");
    expect(splitParagraphs(wrapped)).toHaveLength(1);
    expect(splitParagraphs(wrapped)[0].text).toMatch(/President Biden would/);
  });
});

describe("splitSentences", () => {
  it("does not break after titles, initials or U.S.", () => {
    const s = "Mr. Blinken met Sergey V. Lavrov in Stockholm. The U.S. and Russia disagree. “It’s serious,” he said.";
    expect(splitSentences(s).map((x) => x.text)).toEqual([
      "Mr. Blinken met Sergey V. Lavrov in Stockholm.",
      "The U.S. and Russia disagree.",
      "“It’s serious,” he said.",
    ]);
  });
  it("returns offsets into the paragraph plus the given offset", () => {
    const [, second] = splitSentences("One. Two.", 10);
    expect(second).toEqual({ text: "Two.", start: 15, end: 19 });
  });
});
