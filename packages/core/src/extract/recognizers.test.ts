import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recognize as recognizeByModel } from "../ner/index.ts";
import { gazetteerType, recognizeByRules, type MentionSpan } from "./mentions.ts";
import { mergeMentions, RECOGNIZER_WINDOW, recognizeHybrid, windowed } from "./recognizers.ts";

const seedsDir = fileURLToPath(new URL("../../../../seeds/", import.meta.url));
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(seedsDir + f, "utf8"));
const quoteTexts = readFileSync(fileURLToPath(new URL("../../fixtures/quotes-sample.jsonl", import.meta.url)), "utf8")
  .trim()
  .split("\n")
  .map((l) => (JSON.parse(l) as { text: string }).text);

// The merge as its doc states it, one pairwise scan per question: the reference the indexed merge must equal.
function mergeByDefinition(text: string, model: MentionSpan[], rules: MentionSpan[]): MentionSpan[] {
  const overlaps = (a: MentionSpan, b: MentionSpan) => a.start < b.end && b.start < a.end;
  const strong = rules.filter(
    (r) =>
      gazetteerType(text.slice(r.start, r.end)) !== null ||
      (r.type === "ORG" &&
        model.some((m) => overlaps(m, r) && r.start <= m.start && m.end <= r.end && r.end - r.start > m.end - m.start)),
  );
  const out = model.filter((m) => !strong.some((r) => overlaps(m, r)));
  out.push(...strong);
  for (const r of rules) if (!out.some((m) => overlaps(m, r))) out.push(r);
  return out.sort((a, b) => a.start - b.start);
}

const modelSpans = (text: string): MentionSpan[] =>
  recognizeByModel(text).map((m) => ({ start: m.start, end: m.end, type: m.type }));

describe("recognizeHybrid", () => {
  it("gives the spans of the pairwise definition on the seeds and the quotes sample", () => {
    for (const text of [...seeds, ...quoteTexts]) {
      expect(recognizeHybrid(text)).toEqual(mergeByDefinition(text, modelSpans(text), recognizeByRules(text)));
    }
  });

  it("merges the spans of the seeds concatenated hundreds of times without comparing every pair", () => {
    // 400 copies of the seeds hold about 100,000 spans of each kind: the pairwise merge makes ~10^10
    // comparisons there (minutes), the indexed one a few million.
    const one = seeds.join("\n\n");
    const text = Array.from({ length: 400 }, () => one).join("\n\n");
    const model: MentionSpan[] = [];
    const rules: MentionSpan[] = [];
    const m1 = modelSpans(one);
    const r1 = recognizeByRules(one);
    for (let k = 0; k < 400; k++) {
      const shift = k * (one.length + 2);
      for (const s of m1) model.push({ ...s, start: s.start + shift, end: s.end + shift });
      for (const s of r1) rules.push({ ...s, start: s.start + shift, end: s.end + shift });
    }
    const merged = mergeMentions(text, model, rules);
    const once = mergeMentions(one, m1, r1);
    expect(merged.length).toBe(once.length * 400);
    expect(merged.slice(0, once.length)).toEqual(once);
  });

  it("recognizes a text longer than the window one paragraph-aligned window at a time, offsets into the whole", () => {
    const one = seeds.join("\n\n");
    const text = Array.from({ length: Math.ceil((2.5 * RECOGNIZER_WINDOW) / one.length) }, () => one).join("\n\n");
    const parts: string[] = [];
    const spans = windowed(text, (part) => {
      parts.push(part);
      return recognizeHybrid(part);
    });
    expect(parts.join("")).toBe(text);
    expect(parts.length).toBe(3);
    for (const p of parts.slice(0, -1)) expect(p.endsWith("\n\n")).toBe(true);
    expect(recognizeHybrid(text)).toEqual(spans);
    // No span crosses a cut.
    const cuts = parts.slice(0, -1).map((_, k) => parts.slice(0, k + 1).join("").length);
    for (const s of spans) {
      expect(cuts.some((c) => s.start < c && c < s.end)).toBe(false);
    }
  });
});
