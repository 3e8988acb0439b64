import { z } from "@hono/zod-openapi";
import { Article, Discrepancy, DuplicateGroup, EntityRecord, QuoteRecord, Story } from "@newsfuse/core";
import type * as S from "@newsfuse/store";

// Core's schemas get component names here so the OpenAPI document references them instead of inlining.
export const ArticleSchema = Article.meta({ id: "Article" });
export const StorySchema = Story.meta({ id: "Story" });
export const EntityRecordSchema = EntityRecord.meta({ id: "EntityRecord" });
export const QuoteRecordSchema = QuoteRecord.meta({ id: "QuoteRecord" });
export const DiscrepancySchema = Discrepancy.meta({ id: "Discrepancy" });
export const DuplicateGroupSchema = DuplicateGroup.meta({ id: "DuplicateGroup" });

// The store's list/detail shapes are TypeScript interfaces (owned by @newsfuse/store); these schemas
// describe them for HTTP, and the `Same` checks below fail to compile the moment the two drift apart.
export const StorySummary = z
  .object({
    id: z.string(),
    title: z.string(),
    span: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    articleCount: z.number().int(),
    eventCount: z.number().int(),
    quoteCount: z.number().int(),
    discrepancyCount: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: "StorySummary" });

export const ArticleSummary = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    agency: z.string().nullable(),
    published: z.string().nullable(),
    storyId: z.string().nullable(),
    duplicateGroupId: z.string().nullable(),
  })
  .meta({ id: "ArticleSummary" });

export const ArticleDetail = z
  .object({
    article: ArticleSchema,
    storyId: z.string().nullable(),
    duplicateGroup: DuplicateGroupSchema.nullable(),
    origin: z.string().nullable(),
    ingestedAt: z.string(),
  })
  .meta({ id: "ArticleDetail" });

export const EntityDetail = z
  .object({ entity: EntityRecordSchema, quotes: z.array(QuoteRecordSchema), stories: z.array(StorySummary) })
  .meta({ id: "EntityDetail" });

export const SearchResult = z
  .object({
    articles: z.array(ArticleSummary),
    quotes: z.array(QuoteRecordSchema),
    entities: z.array(EntityRecordSchema),
  })
  .meta({ id: "SearchResult" });

export const IngestItemResult = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("created"), id: z.string(), storyId: z.string().nullable() }),
    z.object({
      status: z.literal("duplicate"),
      id: z.string(),
      duplicateOf: z.string(),
      kind: DuplicateGroup.shape.kind,
      storyId: z.string().nullable(),
    }),
    z.object({ status: z.literal("known"), id: z.string() }),
    z.object({ status: z.literal("error"), input: z.string(), code: z.string(), message: z.string() }),
  ])
  .meta({ id: "IngestItemResult" });

export const IngestResponse = z
  .object({
    results: z.array(IngestItemResult),
    created: z.number().int(),
    duplicates: z.number().int(),
    known: z.number().int(),
    errors: z.number().int(),
  })
  .meta({ id: "IngestResponse" });

export const StoreStats = z
  .object({
    inputs: z.number().int(),
    articles: z.number().int(),
    duplicates: z.number().int(),
    duplicateGroups: z.number().int(),
    stories: z.number().int(),
    events: z.number().int(),
    entities: z.number().int(),
    quotes: z.number().int(),
  })
  .meta({ id: "StoreStats" });

export function Page<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .openapi({ description: "Pass as `cursor` to get the next page; null on the last page." }),
    })
    .meta({ id: name });
}

const nonBlank = z.string().refine((s) => s.trim().length > 0, "must not be empty or only white space");

/** POST /v1/articles and /v1/analyze, as JSON. */
export const ArticleInput = z
  .object({
    text: nonBlank.optional(),
    html: nonBlank.optional(),
    id: z.string().min(1).max(200).optional(),
    title: z.string().max(1000).optional(),
    url: z.string().max(4000).optional(),
    published: z.string().max(40).optional(),
    source: z.string().max(200).optional(),
  })
  .strict()
  .refine((v) => (v.text === undefined) !== (v.html === undefined), { message: "give exactly one of `text` or `html`" })
  .meta({ id: "ArticleInput" });
export type ArticleInput = z.infer<typeof ArticleInput>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const check = <T extends true>() => undefined as unknown as T;
check<Same<z.infer<typeof StorySummary>, S.StorySummary>>();
check<Same<z.infer<typeof ArticleSummary>, S.ArticleSummary>>();
check<Same<z.infer<typeof StoreStats>, S.StoreStats>>();
check<Same<z.infer<typeof IngestItemResult>, S.IngestItemResult>>();
check<Same<z.infer<typeof SearchResult>, S.SearchResult>>();
check<Same<z.infer<typeof EntityDetail>, S.EntityDetail>>();
check<Same<z.infer<typeof ArticleDetail>, S.ArticleDetail>>();
