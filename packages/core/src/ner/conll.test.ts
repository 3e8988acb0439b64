import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isIob1, parseConll, scoreNer, spansToTags, tagsToSpans } from "./conll.ts";

const sample = readFileSync(new URL("../../fixtures/ner-sample.conll", import.meta.url), "utf8");

describe("parseConll", () => {
  it("reads documents, sentences, tokens and IOB1 tags from the dev sample", () => {
    const r = parseConll(sample, "ner-sample.conll");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.length).toBe(21);
    const first = r.value[0].sentences[0];
    expect(first.tokens.slice(0, 3)).toEqual(["CRICKET", "-", "LEICESTERSHIRE"]);
    expect(first.tags[2]).toBe("I-ORG");
    expect(isIob1(r.value.flatMap((d) => d.sentences.map((s) => s.tags)))).toBe(true);
  });

  it("names the line of a malformed tag", () => {
    const r = parseConll("EU NNP I-NP I-ORG\nrejects VBZ I-VP ???\n", "bad.conll");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("input_malformed");
    expect(r.error.message).toContain("bad.conll line 2");
  });

  it("rejects a file with no tokens", () => {
    const r = parseConll("\n\n", "empty.conll");
    expect(!r.ok && r.error.code).toBe("input_empty");
  });
});

describe("tagsToSpans", () => {
  it("reads IOB1, IOB2 and BILOU chunks the way conlleval does", () => {
    const want = [
      { start: 0, end: 2, type: "PER" },
      { start: 2, end: 3, type: "PER" },
      { start: 4, end: 5, type: "LOC" },
    ];
    expect(tagsToSpans(["I-PER", "I-PER", "B-PER", "O", "I-LOC"])).toEqual(want);
    expect(tagsToSpans(["B-PER", "I-PER", "B-PER", "O", "B-LOC"])).toEqual(want);
    expect(tagsToSpans(["B-PER", "L-PER", "U-PER", "O", "U-LOC"])).toEqual(want);
    // A type change inside a run starts a new chunk.
    expect(tagsToSpans(["I-ORG", "I-LOC"])).toEqual([
      { start: 0, end: 1, type: "ORG" },
      { start: 1, end: 2, type: "LOC" },
    ]);
  });

  it("round-trips through every scheme", () => {
    const spans = [
      { start: 0, end: 2, type: "PER" },
      { start: 2, end: 3, type: "PER" },
      { start: 5, end: 8, type: "MISC" },
    ];
    for (const scheme of ["IOB1", "IOB2", "BILOU"] as const)
      expect(tagsToSpans(spansToTags(spans, 9, scheme))).toEqual(spans);
    expect(spansToTags(spans, 9, "IOB1").slice(0, 4)).toEqual(["I-PER", "I-PER", "B-PER", "O"]);
  });
});

describe("scoreNer", () => {
  it("counts exact span and type matches per type", () => {
    const s = scoreNer([["I-PER", "I-PER", "O", "I-LOC", "I-ORG"]], [["B-PER", "I-PER", "O", "B-ORG", "B-ORG"]]);
    expect(s.overall).toMatchObject({ gold: 3, predicted: 3, correct: 2 });
    expect(s.byType.LOC).toMatchObject({ gold: 1, predicted: 0, correct: 0, recall: 0 });
    expect(s.byType.ORG.precision).toBe(0.5);
    expect(s.overall.f1).toBeCloseTo(2 / 3, 10);
  });
});
