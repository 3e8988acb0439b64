// 32-bit hashing for feature names. Features are never materialized as strings: each token's
// word, lowercase form, shape and affixes are hashed once, and templates combine those integers.

/** FNV-1a over the UTF-16 code units of `s`, seeded so different fields never share a space. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Lowercases ASCII and folds the common non-ASCII letters through toLowerCase, hashing as it goes. */
export function hashLower(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) c = s[i].toLowerCase().charCodeAt(0);
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Combines two hashes (murmur3 round); order matters. */
export function mix(a: number, b: number): number {
  let k = Math.imul(b, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = a ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche so the low bits used as a table index are well spread: murmur3's finalizer, as dedup uses. */
export { fmix32 as finalize } from "../dedup/hash.ts";
