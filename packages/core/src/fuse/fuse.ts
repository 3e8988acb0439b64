import type { Article } from "../schema/article.ts";
import type { FuseResult } from "../schema/story.ts";

/** STUB: deduplicates, clusters and fuses a batch of analyzed articles. */
export function fuse(articles: Article[]): FuseResult {
  return { articles, stories: [], entities: [], quotes: [], duplicates: [], discrepancies: [] };
}
