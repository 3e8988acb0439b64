import type { Article } from "../schema/article.ts";

/** STUB: groups articles into concrete events; returns one cluster id per article id. */
export function clusterEvents(articles: Article[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, a.id]));
}
