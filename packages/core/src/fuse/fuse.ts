import type { Article } from "../schema/article.ts";
import type { FuseResult } from "../schema/story.ts";
import { findDuplicates } from "../dedup/index.ts";
import { clusterStoriesAndEvents, representatives } from "../cluster/assign.ts";
import { resolveEntities } from "./entities.ts";
import { fuseStory } from "./story.ts";

/**
 * Deduplicates, clusters and fuses a batch of analyzed articles: duplicate groups (every copy
 * kept), stories, and per story one sourced account (events, entities, quotes, numbers,
 * discrepancies). Entities are resolved over the whole batch, so one person is one record in
 * every story. Returned articles carry inferred dates and date conflicts found by fusion; their
 * order is the input order.
 * @example
 * const result = fuse(seeds.map((s) => analyze(s)));
 * result.stories.length // 1
 * result.discrepancies.map((d) => d.about) // ["Russian troops", "spelling of Lavrov's first name", ...]
 */
export function fuse(articles: Article[]): FuseResult {
  const duplicates = findDuplicates(articles);
  const { storyOf, eventOf } = clusterStoriesAndEvents(articles, { representativeOf: representatives(duplicates) });
  const entities = resolveEntities(articles, { groupOf: (id) => storyOf.get(id) });
  const byStory = new Map<string, Article[]>();
  for (const a of articles) {
    const s = storyOf.get(a.id) ?? `story-${a.id}`;
    const members = byStory.get(s);
    if (members) members.push(a);
    else byStory.set(s, [a]);
  }
  const fused = [...byStory].map(([id, members]) => fuseStory(id, members, { entities, eventOf }));
  const updated = new Map(fused.flatMap((f) => f.articles.map((a) => [a.id, a] as const)));
  return {
    articles: articles.map((a) => updated.get(a.id) ?? a),
    stories: fused.map((f) => f.story),
    entities: entities.records,
    quotes: fused.flatMap((f) => f.quotes),
    duplicates,
    discrepancies: fused.flatMap((f) => f.story.discrepancies),
  };
}
