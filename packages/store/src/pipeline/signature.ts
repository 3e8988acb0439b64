import type { Article } from "@newsfuse/core";

// Candidate retrieval for deduplication, kept in the store so the in-memory index reloads from a table
// instead of re-reading every article. The duplicate decision itself is core's findDuplicates on the
// candidates; these keys only have to make sure no real duplicate is missed.
//   - key 0: hash of the whole normalized text (exact copies);
//   - then a bottom-k sketch of word 4-shingles: two texts with Jaccard J share each of the k smallest
//     hashes of their union with probability J, and a trimmed copy keeps the smallest hashes of the
//     part it kept, so near and syndicated copies share several keys while unrelated texts share none.
export const SHINGLE = 4;
export const SKETCH_SIZE = 16;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Postgres integer[] is signed 32-bit.
  return h | 0;
}

function words(text: string): string[] {
  return text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The dedup candidate keys of an article (signed 32-bit ints, first one the exact-text key). */
export function signatureKeys(a: Pick<Article, "body" | "title">): number[] {
  let w = words(a.body);
  if (w.length < SHINGLE * 2) w = words(`${a.title ?? ""} ${a.body}`);
  if (w.length === 0) return [];
  const keys = new Set<number>();
  const exact = fnv1a(`exact:${w.join(" ")}`);
  if (w.length < SHINGLE) return [exact];
  for (let i = 0; i + SHINGLE <= w.length; i++) keys.add(fnv1a(w.slice(i, i + SHINGLE).join(" ")));
  const sketch = [...keys].sort((x, y) => x - y).slice(0, SKETCH_SIZE);
  return [exact, ...sketch.filter((k) => k !== exact)];
}
