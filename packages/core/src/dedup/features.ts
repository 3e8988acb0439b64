import { contentFingerprint } from "./hash.ts";
import { minhashSignature } from "./minhash.ts";
import { scanText } from "./scan.ts";
import { shinglesOfHashes } from "./shingles.ts";

/** What dedup computes from a text alone: kept by DedupFeatureCache, shared by every entry of that text. */
export interface DedupFeatures {
  /** 64-bit hash (hex) of the normalized text. */
  exact: string;
  shingles: Uint32Array;
  /** Length of the text in words. */
  words: number;
  /** MinHash of the shingles; null until first needed (an exact copy never needs one). */
  signature: Uint32Array | null;
}

/**
 * The exact key, shingles and word count of a text (the MinHash is left for `signatureOf`).
 * @example textFeatures("Blinken met Lavrov in Geneva.").words // 5
 */
export function textFeatures(text: string): DedupFeatures {
  const scanned = scanText(text);
  return {
    exact: scanned.exact,
    shingles: shinglesOfHashes(scanned.wordHashes),
    words: scanned.words,
    signature: null,
  };
}

/**
 * The MinHash signature of the features, computed once and kept on them.
 * @example signatureOf(textFeatures("Blinken met Lavrov in Geneva.")).length // 128
 */
export function signatureOf(f: DedupFeatures): Uint32Array {
  return (f.signature ??= minhashSignature(f.shingles));
}

/** Cache options. */
export interface DedupFeatureCacheOptions {
  /** At most this many texts are kept; the least recently used go first. */
  maxEntries?: number;
  /**
   * Ids name texts that never change (a store's articles): hits are served without fingerprinting
   * the text, and `has` tells a caller it may pass an item without its text.
   */
  immutable?: boolean;
}

/** Default size: a batch's pool is a few hundred articles, and candidates come back batch after batch. */
export const DEDUP_FEATURE_CACHE_ENTRIES = 8192;

/**
 * Keeps what dedup computes per article (normalized-text hash, shingles, MinHash) between calls,
 * so an article that is in the pool again (the store re-checks stored candidates and group
 * samples with every batch) is not normalized, shingled and hashed again. Keyed by article id
 * and checked against a fingerprint of the text, so a changed text is recomputed, never served
 * stale. Bounded LRU. The groups found are the same with or without a cache.
 * @example
 * const cache = new DedupFeatureCache();
 * findDuplicates(pool1, { cache });
 * findDuplicates(pool2, { cache }); // articles of pool1 that come again cost a lookup
 */
export class DedupFeatureCache {
  private readonly entries = new Map<string, { fingerprint: string; features: DedupFeatures }>();
  private readonly maxEntries: number;
  /** The most texts held. */
  get capacity(): number {
    return this.maxEntries;
  }
  hits = 0;
  misses = 0;

  private readonly immutable: boolean;

  constructor(options: DedupFeatureCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? DEDUP_FEATURE_CACHE_ENTRIES);
    this.immutable = options.immutable ?? false;
  }

  /**
   * Whether the features of `id` are held (an immutable cache then serves them whatever text comes
   * with the id). Marks the entry as just used, so a caller that checks its pool first keeps it.
   */
  has(id: string): boolean {
    const hit = this.entries.get(id);
    if (!hit) return false;
    this.entries.delete(id);
    this.entries.set(id, hit);
    return true;
  }

  /** Number of texts held. */
  get size(): number {
    return this.entries.size;
  }

  /** The features of item `id` whose text is `text`: cached when the text is unchanged, else computed and kept. */
  features(id: string, text: string): DedupFeatures {
    const hit = this.entries.get(id);
    const fingerprint = this.immutable ? "" : contentFingerprint([text]);
    if (hit && hit.fingerprint === fingerprint) {
      this.hits++;
      // Re-inserting moves the entry to the recent end of the Map's order.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.features;
    }
    this.misses++;
    const features = textFeatures(text);
    this.entries.delete(id);
    this.entries.set(id, { fingerprint, features });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return features;
  }

  clear(): void {
    this.entries.clear();
  }
}
