// Seeded 32-bit hashing shared by dedup and clustering. Deterministic across runs and platforms
// (no Math.random, no engine-dependent string hashing), so signatures can be stored and reloaded.

/**
 * murmur3's 32-bit finalizer: a bijective mix, good enough to stand in for a random permutation.
 * @example fmix32(1) // 1364076727
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * FNV-1a over UTF-16 code units, finalized with fmix32; `seed` selects an independent hash.
 * @example hashString("lavrov") !== hashString("lavrov", 1) // true
 */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/**
 * Order-sensitive combination of two 32-bit hashes.
 * @example combineHash(1, 2) !== combineHash(2, 1) // true
 */
export function combineHash(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}

/**
 * A 64-bit hash as 16 hex characters, from two independently seeded 32-bit hashes.
 * @example hash64Hex("blinken met lavrov").length // 16
 */
export function hash64Hex(s: string): string {
  return hashString(s, 0x1b873593).toString(16).padStart(8, "0") + hashString(s, 0x5bd1e995).toString(16).padStart(8, "0");
}

/**
 * splitmix32: a seeded sequence of 32-bit values, used to draw the MinHash permutation keys.
 * @example seededSequence(42, 128).length // 128, the same values on every run
 */
export function seededSequence(seed: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    out[i] = (z ^ (z >>> 15)) >>> 0;
  }
  return out;
}
