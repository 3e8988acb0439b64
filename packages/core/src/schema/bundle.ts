import { z } from "zod";
import { Published } from "./article.ts";
import { DuplicateGroup, DuplicateKind } from "./duplicate.ts";
import { EntityRecord, QuoteRecord, Story } from "./story.ts";

/**
 * What an article is within its story's set (docs/contract.md): the lead of a wire or an original
 * report, a copy in a duplicate group, an aggregator's republication, or original reporting that
 * credits agency material.
 */
export const ArticleRole = z.enum(["original", "wire", "copy", "republication", "material"]);
export type ArticleRole = z.infer<typeof ArticleRole>;

export const OriginKind = z.enum(["wire", "original"]);
export type OriginKind = z.infer<typeof OriginKind>;

/** An article's place in its duplicate group. */
export const BundleDuplicate = z.object({
  id: z.string(),
  kind: DuplicateKind,
  original: z.string(),
  /** The group's lowest pairwise similarity. */
  similarity: z.number(),
  /** Jaccard similarity of this article to the group's original (1 for the original itself). */
  similarityToOriginal: z.number().nullable(),
});
export type BundleDuplicate = z.infer<typeof BundleDuplicate>;

/** One article of a story, as a story page lists it. */
export const BundleArticle = z.object({
  id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  agency: z.string().nullable(),
  republishedFrom: z.string().nullable(),
  materialFrom: z.array(z.string()),
  /** The article's URL when it is http(s); null otherwise, so a page can link it as is. */
  url: z.string().nullable(),
  /** The fused date (stated, else inferred); `dateInferred` says which. */
  date: z.string().nullable(),
  dateInferred: z.boolean(),
  published: Published,
  duplicateGroup: BundleDuplicate.nullable(),
  /** Id of the independent origin this article belongs to (an `origins[].id`). */
  origin: z.string(),
  role: ArticleRole,
});
export type BundleArticle = z.infer<typeof BundleArticle>;

/** One independent origin: a wire story or an original report, with every article that goes back to it. */
export const Origin = z.object({
  id: z.string(),
  kind: OriginKind,
  /** The article that stands for the origin: the group's original, else the article itself. */
  lead: z.string(),
  /** The lead's wire agency, when kind is `wire`. */
  agency: z.string().nullable(),
  outlet: z.string().nullable(),
  articles: z.array(z.string()),
});
export type Origin = z.infer<typeof Origin>;

/** Everything a story page shows, in one answer. */
export const StoryBundle = z.object({
  story: Story,
  quotes: z.array(QuoteRecord),
  /** The story's entities, their roles and articles as this story's articles give them. */
  entities: z.array(EntityRecord),
  articles: z.array(BundleArticle),
  duplicateGroups: z.array(DuplicateGroup),
  origins: z.array(Origin),
  originCount: z.number().int(),
});
export type StoryBundle = z.infer<typeof StoryBundle>;
