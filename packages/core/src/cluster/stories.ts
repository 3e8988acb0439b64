import type { Article } from "../schema/article.ts";

/** STUB: groups articles into stories (incremental, time-aware); returns article id -> story id. */
export function clusterStories(articles: Article[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, "story-0"]));
}
