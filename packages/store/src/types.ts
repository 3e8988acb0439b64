import type { Article, DuplicateGroup, Discrepancy, EntityRecord, QuoteRecord, Story } from "@newsfuse/core";
import type { SourceStore } from "./sources.ts";

/** A cursor-paginated list. `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

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
}

export interface StorySummary {
  id: string;
  title: string;
  span: { from: string | null; to: string | null };
  articleCount: number;
  eventCount: number;
  quoteCount: number;
  discrepancyCount: number;
  updatedAt: string;
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  agency: string | null;
  published: string | null;
  storyId: string | null;
  duplicateGroupId: string | null;
}

export interface ArticleDetail {
  article: Article;
  storyId: string | null;
  duplicateGroup: DuplicateGroup | null;
  /** Where the article came from: file path, URL or API. */
  origin: string | null;
  ingestedAt: string;
}

export interface RawInput {
  /** The bytes as received, verbatim. */
  body: Uint8Array;
  contentType: string;
  /** File path, URL or "api". */
  origin: string;
}

export interface EntityDetail {
  entity: EntityRecord;
  quotes: QuoteRecord[];
  stories: StorySummary[];
}

export interface SearchResult {
  articles: ArticleSummary[];
  quotes: QuoteRecord[];
  entities: EntityRecord[];
}

export interface StoreStats {
  inputs: number;
  articles: number;
  duplicates: number;
  duplicateGroups: number;
  stories: number;
  events: number;
  entities: number;
  quotes: number;
}

/** The outcome of adding one input. */
export type IngestItemResult =
  | { status: "created"; id: string; storyId: string | null }
  | { status: "duplicate"; id: string; duplicateOf: string; kind: DuplicateGroup["kind"]; storyId: string | null }
  | { status: "known"; id: string }
  | { status: "error"; input: string; code: string; message: string };

export type StoreEvent =
  | { type: "ingest.progress"; done: number; total: number; failed: number }
  | { type: "story.created"; storyId: string }
  | { type: "story.updated"; storyId: string };

export interface IngestOptions {
  onProgress?: (e: StoreEvent) => void;
  /** Raw inputs per transaction. */
  batchSize?: number;
  /** "now" (default): touched stories are re-fused before ingest returns; "defer": left for fuseDirty(). */
  fuse?: "now" | "defer";
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
  listArticles(q: PageQuery & { q?: string; source?: string; story?: string }): Promise<Page<ArticleSummary>>;
  getArticle(id: string): Promise<ArticleDetail | null>;
  getRaw(id: string): Promise<RawInput | null>;
  listQuotes(q: PageQuery & { speaker?: string; q?: string; story?: string }): Promise<Page<QuoteRecord>>;
  listEntities(q: PageQuery & { q?: string; type?: string }): Promise<Page<EntityRecord>>;
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
