export {
  DedupIndex,
  dedupEntry,
  dedupItem,
  findDuplicates,
  NEAR_CONTAINMENT,
  NEAR_JACCARD,
  CONTAINMENT_MIN_SHINGLES,
} from "./dedup.ts";
export type { DedupEntry, DedupItem, DedupOptions, SerializedDedupIndex } from "./dedup.ts";
export { DedupFeatureCache, DEDUP_FEATURE_CACHE_ENTRIES } from "./features.ts";
export type { DedupFeatureCacheOptions, DedupFeatures } from "./features.ts";
export { minhashSignature, estimateJaccard, MINHASH_SIZE } from "./minhash.ts";
export { dedupWords, normalizeForDedup, shingleSet, setSimilarity } from "./shingles.ts";
export { LshIndex } from "./lsh.ts";
export { UnionFind } from "./unionfind.ts";
