// Test helpers shared by this package's tests (not exported from the package).
import { readFileSync } from "node:fs";

export const fixture = (rel: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${rel}`, import.meta.url)));
export const fixturePath = (rel: string): string => new URL(`../fixtures/${rel}`, import.meta.url).pathname;

/** The extraction benchmark's body score (4-token shingles of \w+ tokens): tp/(tp+fp) and tp/(tp+fn). */
export function shingleScore(truth: string, pred: string): { precision: number; recall: number } {
  const grams = (s: string) => {
    const t = s.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const m = new Map<string, number>();
    if (t.length && t.length <= 4) m.set(t.join(" "), 1);
    for (let i = 0; i + 4 <= t.length; i++)
      m.set(t.slice(i, i + 4).join(" "), (m.get(t.slice(i, i + 4).join(" ")) ?? 0) + 1);
    return m;
  };
  const T = grams(truth);
  const P = grams(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, v] of P) {
    tp += Math.min(v, T.get(k) ?? 0);
    fp += Math.max(0, v - (T.get(k) ?? 0));
  }
  for (const [k, v] of T) fn += Math.max(0, v - (P.get(k) ?? 0));
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
}
