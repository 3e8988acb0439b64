import { seededSequence } from "./hash.ts";
import { minhashSimd } from "./minhash-simd.ts";

/** Number of MinHash values per signature (LSH reads 42 bands of 3 rows from it). */
export const MINHASH_SIZE = 128;
/** Fixed seed for the permutation keys: signatures stored by one run must match the next. */
export const MINHASH_SEED = 0x6e657773; // "news"

const keyCache = new Map<string, Uint32Array>();
function permutationKeys(size: number, seed: number): Uint32Array {
  const k = `${size}:${seed}`;
  let keys = keyCache.get(k);
  if (!keys) {
    keys = seededSequence(seed, size);
    keyCache.set(k, keys);
  }
  return keys;
}

/**
 * MinHash signature of a shingle set: for each of `size` seeded hash functions, the minimum
 * hash over the set. P(sig_a[i] == sig_b[i]) estimates the Jaccard similarity of the sets.
 * @example minhashSignature(shingleSet(dedupWords("the quick brown fox jumps"))).length // 128
 */
export function minhashSignature(shingles: Uint32Array, size = MINHASH_SIZE, seed = MINHASH_SEED): Uint32Array {
  const keys = permutationKeys(size, seed);
  return minhashSimd(shingles, keys) ?? minhashScalar(shingles, keys);
}

/**
 * minhashSignature in plain JavaScript, for engines without WebAssembly SIMD (and to test it against).
 * @example minhashScalar(shingles, keys) // equals minhashSignature(shingles) for the default keys
 */
export function minhashScalar(shingles: Uint32Array, keys: Uint32Array): Uint32Array {
  const size = keys.length;
  const sig = new Uint32Array(size).fill(0xffffffff);
  const n = shingles.length;
  if (n === 0) return sig;
  // One hash function at a time over all shingles, fmix32 written out: the minimum stays in a
  // register. Values are compared with the sign bit flipped, so unsigned order becomes int32 order.
  for (let i = 0; i < size; i++) {
    const key = keys[i];
    let min = 0x7fffffff;
    for (let s = 0; s < n; s++) {
      let h = shingles[s] ^ key;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h ^= 0x80000000;
      if (h < min) min = h;
    }
    sig[i] = (min ^ 0x80000000) >>> 0;
  }
  return sig;
}

/**
 * Fraction of equal positions: the MinHash estimate of Jaccard similarity.
 * @example estimateJaccard(sigA, sigA) // 1
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let eq = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) eq++;
  return eq / n;
}
