import { fmix32 } from "./hash.ts";

/** The hashes dedup needs from a text's words, read in one pass without making the words. */
export interface ScannedText {
  /** hashString of each word of dedupWords(text), in order. */
  wordHashes: Uint32Array;
  /** hash64Hex(dedupWords(text).join(" ")): the exact-duplicate key. */
  exact: string;
  /** dedupWords(text).length. */
  words: number;
}

const APOSTROPHE = 39;
// The FNV-1a seeds of hashString(_, 0) and of hash64Hex's two halves (see hash.ts).
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x811c9dc5;
const EXACT_SEED_1 = (0x811c9dc5 ^ 0x1b873593) >>> 0;
const EXACT_SEED_2 = (0x811c9dc5 ^ 0x5bd1e995) >>> 0;

// Per BMP code unit: 0 not yet known, 1 letter or digit, 2 neither. Filled on first sight, so the
// Unicode property test runs once per distinct character rather than once per character read.
const CLASS = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isWordUnit(c: number): boolean {
  let k = CLASS[c];
  if (k === 0) CLASS[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

// The characters dedupWords turns into an apostrophe (after NFKC and lower-casing).
function isApostrophe(c: number): boolean {
  return c === APOSTROPHE || c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x60 || c === 0xb4;
}

/**
 * What dedupEntry needs of dedupWords(text) (word hashes, the exact key, the word count), computed
 * in one scan of the normalized text with no word strings, regex split or join.
 * @example scanText("Russia’s “costs,” he said.").words // 4, as dedupWords gives ["russia's", "costs", "he", "said"]
 */
export function scanText(text: string): ScannedText {
  const s = text.normalize("NFKC").toLowerCase();
  const n = s.length;
  let hashes = new Uint32Array(Math.max(16, n >>> 3));
  let count = 0;
  let e1 = EXACT_SEED_1;
  let e2 = EXACT_SEED_2;
  let i = 0;
  while (i < n) {
    // A token is a run of letters, digits and apostrophes; its word is the run without the
    // apostrophes at either end (dedupWords' split on /[^\p{L}\p{N}']+/u, then its trim).
    const start = i;
    let first = -1;
    let last = -1;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 0x80 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) : !isApostrophe(c) && isLetterAt(s, i, c)) {
        if (first < 0) first = i;
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        last = i;
      } else if (isApostrophe(c)) i++;
      else break;
    }
    if (first >= 0) {
      if (count > 0) {
        e1 = Math.imul(e1 ^ 32, FNV_PRIME);
        e2 = Math.imul(e2 ^ 32, FNV_PRIME);
      }
      let h = WORD_SEED;
      for (let k = first; k < last; k++) {
        let c = s.charCodeAt(k);
        if (c >= 0x60 && isApostrophe(c)) c = APOSTROPHE;
        h = Math.imul(h ^ c, FNV_PRIME);
        e1 = Math.imul(e1 ^ c, FNV_PRIME);
        e2 = Math.imul(e2 ^ c, FNV_PRIME);
      }
      if (count === hashes.length) {
        const grown = new Uint32Array(count * 2);
        grown.set(hashes);
        hashes = grown;
      }
      hashes[count++] = fmix32(h);
    }
    if (i === start) i += isSurrogatePair(s, i) ? 2 : 1;
  }
  return { wordHashes: hashes.subarray(0, count), exact: hex8(fmix32(e1)) + hex8(fmix32(e2)), words: count };
}

// Letter or digit at i (c = its code unit): a surrogate pair is tested as one code point, as the
// u-flagged split does; a lone surrogate is neither.
function isLetterAt(s: string, i: number, c: number): boolean {
  if (c < 0xd800 || c > 0xdfff) return isWordUnit(c);
  if (!isSurrogatePair(s, i)) return false;
  return WORD_CHAR.test(s.slice(i, i + 2));
}

function isSurrogatePair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

function hex8(x: number): string {
  return x.toString(16).padStart(8, "0");
}
