export * from "./types.ts";
export { openStore, defaultDataDir, type OpenStoreOptions } from "./open.ts";
export { SqlStore } from "./sql-store.ts";
export { acquireLock, announceUrl, lockHolder, LOCK_FILE, type LockHolder } from "./lock.ts";
export { createProgress, progressLine, formatDuration, type ProgressOptions } from "./progress.ts";
export { AnalyzePool } from "./pipeline/pool.ts";
export { phaseMs } from "./pipeline/phases.ts";
export {
  createSourceStore,
  sourceId,
  type FetchCacheEntry,
  type PendingItem,
  type PollRecord,
  type SourceItemState,
  type SourceStore,
} from "./sources.ts";
