import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatScore, nameKey, predictQuotes, readJsonl, scoreQuotes, tokens, type QuoteDoc } from "./quotes.ts";

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const load = (p: string): QuoteDoc[] => {
  const r = readJsonl(path(p));
  if (!r.ok) throw new Error(r.message);
  return r.docs;
};
const gold = load("../../../packages/core/fixtures/quotes-sample.jsonl");
const pred = load("../fixtures/quotes-pred-sample.jsonl");

describe("quote scorer", () => {
  it("prints exactly what score_quotes.py prints for the same files", () => {
    // Output of: python3 score_quotes.py packages/core/fixtures/quotes-sample.jsonl apps/bench/fixtures/quotes-pred-sample.jsonl
    expect(formatScore(scoreQuotes(gold, pred))).toBe(
      [
        "warning: 1 predicted ids not in gold (ignored)",
        "articles=7 gold_quotes=63 pred_quotes=64 matched=63",
        "quote precision=0.984 recall=1.000 f1=0.992",
        "  recall[type=direct]=1.000 (51/51)",
        "  recall[type=partial]=1.000 (12/12)",
        "speaker accuracy on matched quotes with gold speaker: 0.872 (41/47)",
        "  speaker_acc[gold speaker_resolution=anaphor]=0.727 (8/11)",
        "  speaker_acc[gold speaker_resolution=mention]=0.917 (33/36)",
        "end-to-end (quote matched and speaker correct or gold speaker null): precision=0.891 recall=0.905 f1=0.898",
        "quote_f1=0.992 speaker_acc=0.872",
      ].join("\n"),
    );
  });

  it("matches the Python scorer with --type partial", () => {
    const out = formatScore(scoreQuotes(gold, pred, "partial"), "partial").split("\n");
    expect(out).toContain("evaluating gold quotes of type=partial only");
    expect(out).toContain("quote precision=0.923 recall=1.000 f1=0.960");
    expect(out.at(-1)).toBe("quote_f1=0.960 speaker_acc=0.727");
  });

  it("compares speakers by last name, ignoring possessives and suffixes", () => {
    expect(nameKey("Antony J. Blinken")).toBe("blinken");
    expect(nameKey("Trump’s")).toBe("trump");
    expect(nameKey("Harry F. Byrd Sr.")).toBe("byrd");
    expect(nameKey(null)).toBeNull();
    expect(tokens("“Don’t,” he said")).toEqual(["don", "t", "he", "said"]);
  });

  it("reports a bad JSONL line with its file and line number", () => {
    const r = readJsonl(path("../fixtures/does-not-exist.jsonl"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/does-not-exist\.jsonl: cannot read \(ENOENT\)/);
  });
});

describe("quote extraction on the PolNeAR sample", () => {
  it("finds the quotes and most speakers", () => {
    const preds = gold.map((d) => ({ id: d.id, quotes: predictQuotes(d.text as string) }));
    const s = scoreQuotes(gold, preds);
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.speakerAcc).toBeGreaterThanOrEqual(0.85);
  });
});
