import type {
  ArticleDetail,
  ArticleSummary,
  Discrepancy,
  EntityDetail,
  EntityRecord,
  IngestItemResult,
  Page,
  QuoteRecord,
  SearchResult,
  StoreEvent,
  StoreStats,
  Story,
  StoryBundle,
  StorySort,
  StorySummary,
} from "@newsfuse/core";
import type { SourceStore } from "./sources.ts";

// The read models are core's schemas (types by z.infer); re-exported so the store's users keep one import.
export type {
  ArticleDetail,
  ArticleSummary,
  EntityDetail,
  IngestItemResult,
  Page,
  SearchResult,
  StoreEvent,
  StoreStats,
  StoryBundle,
  StorySort,
  StorySummary,
};

export interface PageQuery {
  cursor?: string;
  /** 1..200, default 50. */
  limit?: number;
}

export interface StoryQuery extends PageQuery {
  q?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  /** Entity id or name. */
  entity?: string;
  /** Outlet or agency name. */
  source?: string;
  /**
   * newest (default): most recently created or rebuilt first; updated: most recently re-fused first;
   * covered: most articles first; disputed: most discrepancies first. Ties: newest first.
   */
  sort?: StorySort;
}

export interface RawInput {
  /** The bytes as received, verbatim. */
  body: Uint8Array;
  contentType: string;
  /** File path, URL or "api". */
  origin: string;
}

export interface IngestOptions {
  onProgress?: (e: StoreEvent) => void;
  /** Items (articles) per transaction; a dump or feed holding more is stored a batch at a time. */
  batchSize?: number;
  /** "now" (default): touched stories are re-fused before ingest returns; "defer": left for fuseDirty(). */
  fuse?: "now" | "defer";
  /**
   * Called after the re-fusion at the end of the call (not with "defer") with the number of stories it
   * fused: those the call touched and those an interrupted ingest left marked dirty.
   */
  onFused?: (stories: number) => void;
}

/** One interface for every app; embedded (PGlite) and server (PostgreSQL) backends implement it. */
export interface Store {
  readonly backend: "embedded" | "server";

  /**
   * Analyze, deduplicate, cluster, re-fuse and persist; each call is one transaction per batch.
   * Stories the call touched are re-fused before it returns, unless `fuse: "defer"`: then they stay
   * marked dirty for a later `fuseDirty()` (a server coalescing many small writes).
   */
  ingest(inputs: RawInput[], opts?: IngestOptions): Promise<IngestItemResult[]>;
  /** Re-fuses every story marked dirty; returns how many. */
  fuseDirty(): Promise<number>;
  deleteArticle(id: string): Promise<boolean>;
  reanalyze(opts?: { onProgress?: (e: StoreEvent) => void }): Promise<{ articles: number }>;

  listStories(q: StoryQuery): Promise<Page<StorySummary>>;
  getStory(id: string): Promise<Story | null>;
  /** The story with its quotes, entities, articles (provenance, duplicate groups) and independent origins. */
  getStoryBundle(id: string): Promise<StoryBundle | null>;
  listArticles(q: PageQuery & { q?: string; source?: string; story?: string }): Promise<Page<ArticleSummary>>;
  getArticle(id: string): Promise<ArticleDetail | null>;
  getRaw(id: string): Promise<RawInput | null>;
  listQuotes(q: PageQuery & { speaker?: string; q?: string; story?: string }): Promise<Page<QuoteRecord>>;
  listEntities(q: PageQuery & { q?: string; type?: string; story?: string }): Promise<Page<EntityRecord>>;
  getEntity(id: string): Promise<EntityDetail | null>;
  listDiscrepancies(q: PageQuery & { story?: string }): Promise<Page<Discrepancy>>;
  search(q: string, limit?: number): Promise<SearchResult>;
  stats(): Promise<StoreStats>;

  /** Subscribe to store events (ingest progress, story created/updated); returns an unsubscribe function. */
  /** Subscribed feeds, the items taken from them, and fetch validators per URL (see sources.ts). */
  readonly sources: SourceStore;

  subscribe(listener: (e: StoreEvent) => void): () => void;
  /** True when migrations are applied and the database answers. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}
