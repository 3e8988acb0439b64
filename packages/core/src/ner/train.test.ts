import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConll, scoreNer } from "./conll.ts";
import { ALL_FEATURES, featurizeDocument } from "./features.ts";
import { packModel, tagFeatures, unpackModel, type NerModel } from "./model.ts";
import { trainTagger, type TrainDoc } from "./train.ts";

const parsed = parseConll(readFileSync(new URL("../../fixtures/ner-sample.conll", import.meta.url), "utf8"));
if (!parsed.ok) throw new Error(parsed.error.message);
const docs: TrainDoc[] = parsed.value.map((d) => ({
  sentences: d.sentences.map((s) => s.tokens),
  tags: d.sentences.map((s) => s.tags),
}));
const opts = { scheme: "IOB2" as const, bits: 16, groups: ALL_FEATURES, epochs: 3, seed: 7 };

function f1(model: NerModel): number {
  const gold: string[][] = [];
  const pred: string[][] = [];
  for (const d of docs) {
    const df = featurizeDocument(d.sentences, (1 << model.bits) - 1, {
      groups: model.groups,
      gazetteer: model.gazetteer,
    });
    const out = new Int32Array(df.offs.length - 1);
    tagFeatures(model, df, out);
    d.sentences.forEach((_, s) => {
      gold.push(d.tags[s]);
      pred.push(Array.from(out.subarray(df.sentStarts[s], df.sentStarts[s + 1]), (t) => model.tagSet.names[t]));
    });
  }
  return scoreNer(gold, pred).overall.f1;
}

describe("trainTagger", () => {
  const model = trainTagger(docs, opts);

  it("rebuilds the same bytes from the same data and seed", () => {
    const again = trainTagger(docs, opts);
    const a = packModel(model, { quantBits: 8, prune: 0 }).bytes;
    const b = packModel(again, { quantBits: 8, prune: 0 }).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = packModel(trainTagger(docs, { ...opts, seed: 8 }), { quantBits: 8, prune: 0 }).bytes;
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });

  it("fits its training sentences, and keeps that fit through int8 packing", () => {
    // Training F1 on 300 sentences is a sanity check of the learner, not a quality claim.
    const trained = f1(model);
    expect(trained).toBeGreaterThan(0.95);
    const shipped = unpackModel(packModel(model, { quantBits: 8, prune: 0 }).bytes);
    expect(shipped.weights).toBeInstanceOf(Int8Array);
    expect(Math.abs(f1(shipped) - trained)).toBeLessThan(0.01);
  });

  it("reads corrupt model bytes as an error, not as garbage weights", () => {
    expect(() => unpackModel(new Uint8Array(64))).toThrow(/corrupt/);
  });
});
