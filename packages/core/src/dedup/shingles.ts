import { combineHash, hashString } from "./hash.ts";

// Typographic variants that copies of one wire story differ in without changing a word.
const APOSTROPHES = /[\u2018\u2019\u02bc`´]/g;
const NON_WORD = /[^\p{L}\p{N}']+/gu;

/**
 * Lower-cased word tokens of a text, punctuation and quote styles ignored.
 * @example dedupWords("Russia’s “costs,” he said.") // ["russia's", "costs", "he", "said"]
 */
export function dedupWords(text: string): string[] {
  const norm = text.normalize("NFKC").toLowerCase().replace(APOSTROPHES, "'");
  const out: string[] = [];
  for (const w of norm.split(NON_WORD)) {
    const t = w.replace(/^'+|'+$/g, "");
    if (t) out.push(t);
  }
  return out;
}

/**
 * The text as dedup sees it: its words joined by single spaces (the exact-duplicate key).
 * @example normalizeForDedup("GENEVA (AP) —  Top") // "geneva ap top"
 */
export function normalizeForDedup(text: string): string {
  return dedupWords(text).join(" ");
}

/**
 * Word shingle size. 3-word shingles: one edited word changes only 3 shingles, yet two
 * independent reports on one event (the seeds) share few 3-grams beyond their quotes. The size
 * is the same for every text, short or long, or a teaser and its full article could share none.
 */
export const SHINGLE_WORDS = 3;

/**
 * Sorted, de-duplicated 32-bit hashes of the word shingles of `words` (a text shorter than a shingle is one shingle).
 * @example shingleSet(["a", "b", "c", "d"]).length // 2: "a b c" and "b c d"
 */
export function shingleSet(words: readonly string[], size = SHINGLE_WORDS): Uint32Array {
  return shinglesOfHashes(
    words.map((w) => hashString(w)),
    size,
  );
}

/**
 * shingleSet of the words whose hashString values are `wordHashes` (as scanText gives them).
 * @example shinglesOfHashes(["a", "b", "c", "d"].map((w) => hashString(w))) // equals shingleSet(["a", "b", "c", "d"])
 */
export function shinglesOfHashes(wordHashes: ArrayLike<number>, size = SHINGLE_WORDS): Uint32Array {
  if (wordHashes.length === 0) return new Uint32Array(0);
  const k = Math.min(size, wordHashes.length);
  const raw = new Uint32Array(wordHashes.length - k + 1);
  for (let i = 0; i + k <= wordHashes.length; i++) {
    let h = 0x2545f491;
    for (let j = 0; j < k; j++) h = combineHash(h, wordHashes[i + j]);
    raw[i] = h;
  }
  raw.sort();
  let n = 0;
  for (let i = 0; i < raw.length; i++) if (i === 0 || raw[i] !== raw[i - 1]) raw[n++] = raw[i];
  return raw.slice(0, n);
}

/**
 * Size of the intersection of two sorted unique arrays.
 * @example intersectionSize(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4)) // 2
 */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/**
 * Jaccard |A∩B|/|A∪B| and containment |A∩B|/min(|A|,|B|) of two shingle sets.
 * @example setSimilarity(Uint32Array.of(1, 2), Uint32Array.of(1, 2, 3, 4)) // { jaccard: 0.5, containment: 1 }
 */
export function setSimilarity(a: Uint32Array, b: Uint32Array): { jaccard: number; containment: number } {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0 };
  const inter = intersectionSize(a, b);
  return { jaccard: inter / (a.length + b.length - inter), containment: inter / Math.min(a.length, b.length) };
}
