import { describe, expect, it } from "vitest";
import { fixAllCapsName, foldQuotes, matchKey, normalizeText, wordCount } from "./normalize.ts";

describe("normalizeText", () => {
  it("turns the non-breaking spaces after a seed sentence into nothing and keeps the line", () => {
    // 004 ends its first paragraph with two NBSPs and has an NBSP-only paragraph.
    expect(normalizeText("in direct talks.\u00a0\u00a0\n\n\u00a0\n\nIn remarks")).toBe(
      "in direct talks.\n\n\n\nIn remarks",
    );
  });
  it("unifies line breaks, removes zero-width characters and collapses runs of spaces", () => {
    expect(normalizeText("Blin\u200bken  said\r\nLavrov\u2028replied")).toBe("Blinken said\nLavrov\nreplied");
  });
  it("keeps curly quotes in the text", () => {
    expect(normalizeText("“critical moment,”")).toBe("“critical moment,”");
  });
});

describe("foldQuotes", () => {
  it("folds curly quotes and apostrophes one character for one, so offsets stay valid", () => {
    const s = "Russia’s “swift, severe” response";
    const f = foldQuotes(s);
    expect(f).toBe(`Russia's "swift, severe" response`);
    expect(f.length).toBe(s.length);
  });
});

describe("matchKey", () => {
  it("compares lines loosely: quotes, dashes, case and spacing folded", () => {
    expect(matchKey("Blinken confronts Russia’s Lavrov  over Ukraine")).toBe(
      matchKey("blinken confronts russia's lavrov over ukraine"),
    );
    expect(matchKey("a – b")).toBe("a - b");
  });
});

describe("wordCount / fixAllCapsName", () => {
  it("counts words", () => expect(wordCount("  Back to top  button ")).toBe(4));
  it("title-cases names printed in capitals only", () => {
    expect(fixAllCapsName("HUMEYRA PAMUK")).toBe("Humeyra Pamuk");
    expect(fixAllCapsName("Johan Ahlander")).toBe("Johan Ahlander");
  });
});
