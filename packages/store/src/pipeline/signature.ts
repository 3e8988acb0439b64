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

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

function fnvString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize("NFKC")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The dedup candidate keys of an article (signed 32-bit ints, first one the exact-text key): FNV-1a of
 * "exact:" plus the words joined by spaces, then the SKETCH_SIZE smallest distinct FNV-1a hashes of the
 * space-joined word 4-shingles. Hashed word by word and selected in one pass: no joined strings, no sort
 * of every shingle (this runs on every article at ingest).
 */
export function signatureKeys(a: Pick<Article, "body" | "title">): number[] {
  let w = words(a.body);
  if (w.length < SHINGLE * 2) w = words(`${a.title ?? ""} ${a.body}`);
  if (w.length === 0) return [];
  let e = fnvString(FNV_BASIS, "exact:");
  for (let i = 0; i < w.length; i++) e = fnvString(i ? Math.imul(e ^ SPACE, FNV_PRIME) : e, w[i]!);
  // Postgres integer[] is signed 32-bit.
  const exact = e | 0;
  if (w.length < SHINGLE) return [exact];
  // The smallest distinct shingle hashes so far, ascending.
  const sketch: number[] = [];
  for (let i = 0; i + SHINGLE <= w.length; i++) {
    let h = fnvString(FNV_BASIS, w[i]!);
    for (let k = 1; k < SHINGLE; k++) h = fnvString(Math.imul(h ^ SPACE, FNV_PRIME), w[i + k]!);
    h |= 0;
    const n = sketch.length;
    if (n === SKETCH_SIZE && h >= sketch[n - 1]!) continue;
    let j = n;
    while (j > 0 && sketch[j - 1]! > h) j--;
    if (j > 0 && sketch[j - 1] === h) continue;
    sketch.splice(j, 0, h);
    if (sketch.length > SKETCH_SIZE) sketch.pop();
  }
  return [exact, ...sketch.filter((k) => k !== exact)];
}
