import { z } from "zod";
import { Article } from "./article.ts";
import { DuplicateGroup } from "./duplicate.ts";
import { EntityRecord, QuoteRecord } from "./story.ts";

/** Articles of a story dated on one day: one point of a coverage sparkline. */
export const CoverageDay = z.object({ date: z.string(), articles: z.number().int().nonnegative() });
export type CoverageDay = z.infer<typeof CoverageDay>;

/** What a story list shows for one story. */
export const StorySummary = z.object({
  id: z.string(),
  title: z.string(),
  span: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  articleCount: z.number().int(),
  eventCount: z.number().int(),
  quoteCount: z.number().int(),
  discrepancyCount: z.number().int(),
  /** Independent origins behind the articles (docs/contract.md): copies and republications count once. */
  originCount: z.number().int(),
  outletCount: z.number().int(),
  /** Outlet (or, without one, agency) names, most articles first, at most OUTLETS_SHOWN. */
  outlets: z.array(z.string()),
  /** Articles with no date, stated or inferred: they are not in `span` nor in `coverage`. */
  undatedCount: z.number().int(),
  /** Dated articles per day, oldest first; days without articles are left out. */
  coverage: z.array(CoverageDay),
  updatedAt: z.string(),
});
export type StorySummary = z.infer<typeof StorySummary>;

/** How many outlet names a StorySummary lists. */
export const OUTLETS_SHOWN = 10;

export const StorySort = z.enum(["newest", "updated", "covered", "disputed"]);
export type StorySort = z.infer<typeof StorySort>;

export const ArticleSummary = z.object({
  id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  agency: z.string().nullable(),
  published: z.string().nullable(),
  storyId: z.string().nullable(),
  duplicateGroupId: z.string().nullable(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleDetail = z.object({
  article: Article,
  storyId: z.string().nullable(),
  duplicateGroup: DuplicateGroup.nullable(),
  /** Where the article came from: file path, URL or API. */
  origin: z.string().nullable(),
  ingestedAt: z.string(),
});
export type ArticleDetail = z.infer<typeof ArticleDetail>;

export const EntityDetail = z.object({
  entity: EntityRecord,
  quotes: z.array(QuoteRecord),
  stories: z.array(StorySummary),
});
export type EntityDetail = z.infer<typeof EntityDetail>;

export const SearchResult = z.object({
  articles: z.array(ArticleSummary),
  quotes: z.array(QuoteRecord),
  entities: z.array(EntityRecord),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const StoreStats = z.object({
  inputs: z.number().int(),
  articles: z.number().int(),
  duplicates: z.number().int(),
  duplicateGroups: z.number().int(),
  stories: z.number().int(),
  events: z.number().int(),
  entities: z.number().int(),
  quotes: z.number().int(),
});
export type StoreStats = z.infer<typeof StoreStats>;
