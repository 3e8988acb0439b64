import type {
  Article,
  BundleArticle,
  DuplicateGroup,
  EntityRecord,
  QuoteRecord,
  Story,
  StoryBundle,
} from "@newsfuse/core";
import { originsOf } from "./origins.ts";

export interface BundleInput {
  story: Story;
  quotes: QuoteRecord[];
  entities: EntityRecord[];
  /** The story's stored articles: the analysis, the fused dates and the duplicate group id. */
  articles: Array<{
    id: string;
    url: string | null;
    duplicateGroupId: string | null;
    article: Article;
    published: Article["published"];
  }>;
  groups: DuplicateGroup[];
}

/** Only http(s) links leave the API as links: a `javascript:` or `file:` URL in an input stays unlinked. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** Assembles a story page's bundle from what the store holds about the story. */
export function storyBundle({ story, quotes, entities, articles, groups }: BundleInput): StoryBundle {
  const fused = new Map(story.articles.map((a) => [a.id, a]));
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const stored = new Map(articles.map((a) => [a.id, a]));
  // The story's order (its fused article list) first; any stored member it does not list yet after it.
  const ids = [...story.articles.map((a) => a.id).filter((id) => stored.has(id))];
  for (const a of articles) if (!fused.has(a.id)) ids.push(a.id);

  const view = ids.map((id) => {
    const s = stored.get(id)!;
    const f = fused.get(id);
    const p = s.article.provenance;
    return {
      id,
      title: f?.title ?? s.article.title,
      outlet: f?.outlet ?? p.outlet,
      agency: f?.agency ?? p.agency,
      republishedFrom: f?.republishedFrom ?? p.republishedFrom,
      materialFrom: p.materialFrom,
      url: safeUrl(s.url ?? p.url),
      date: f ? f.date : (s.published.stated ?? s.published.inferred),
      dateInferred: f ? f.dateInferred : !s.published.stated && !!s.published.inferred,
      published: s.published,
      duplicateGroupId: s.duplicateGroupId,
    };
  });
  const { origins, of } = originsOf(view, groups);
  const bundled: BundleArticle[] = view.map(({ duplicateGroupId, ...a }) => {
    const g = duplicateGroupId ? groupById.get(duplicateGroupId) : undefined;
    const o = of.get(a.id)!;
    return {
      ...a,
      duplicateGroup: g
        ? {
            id: g.id,
            kind: g.kind,
            original: g.original,
            similarity: g.similarity,
            similarityToOriginal: a.id === g.original ? 1 : pairSimilarity(g, a.id, g.original),
          }
        : null,
      origin: o.origin,
      role: o.role,
    };
  });
  return {
    story,
    quotes,
    entities,
    articles: bundled,
    duplicateGroups: groups,
    origins,
    originCount: origins.length,
  };
}

function pairSimilarity(g: DuplicateGroup, a: string, b: string): number | null {
  const p = g.pairs.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
  return p ? p.jaccard : null;
}
