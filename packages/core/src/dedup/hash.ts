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
  return (
    hashString(s, 0x1b873593).toString(16).padStart(8, "0") + hashString(s, 0x5bd1e995).toString(16).padStart(8, "0")
  );
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

/**
 * A 64-bit fingerprint of a sequence of strings (each one's length is mixed in, so the split between
 * them counts), in one pass: what the feature caches check an item's content against.
 * @example contentFingerprint(["a", "bc"]) !== contentFingerprint(["ab", "c"]) // true
 */
export function contentFingerprint(parts: readonly string[]): string {
  // Two murmur3 lanes with different seeds, fed two UTF-16 units per step (this runs over every
  // article's text on every cache lookup); each part is prefixed by its length, so the split counts.
  let h1 = 0x9747b28c;
  let h2 = 0x1b873593;
  for (const s of parts) {
    for (let i = -2; i < s.length; i += 2) {
      const c = i < 0 ? s.length : s.charCodeAt(i) | ((i + 1 < s.length ? s.charCodeAt(i + 1) : 0) << 16);
      let k = Math.imul(c, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      h1 ^= k;
      h1 = (Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64) | 0;
      h2 ^= Math.imul(k, 0x85ebca6b);
      h2 = (Math.imul((h2 << 17) | (h2 >>> 15), 9) + 0x52dce729) | 0;
    }
  }
  return `${fmix32(h1).toString(36)}.${fmix32(h2).toString(36)}.${parts.length}`;
}
