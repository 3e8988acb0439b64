import type {
  ArticleDetail,
  EntityDetail,
  Page,
  SearchResult,
  StoryBundle,
  StorySort,
  StorySummary,
} from "@newsfuse/core/schema";

/** The calls of `@newsfuse/client` the TUI makes; any object with them works (tests pass the real client). */
export interface TuiClient {
  listStories(q: { sort?: StorySort; cursor?: string; limit?: number; q?: string }): Promise<Page<StorySummary>>;
  getStoryBundle(id: string): Promise<StoryBundle>;
  getArticle(id: string): Promise<ArticleDetail>;
  getEntity(id: string): Promise<EntityDetail>;
  search(q: string): Promise<SearchResult>;
  events(opts: { signal?: AbortSignal }): AsyncIterable<{ type: string; storyId?: string }>;
}
