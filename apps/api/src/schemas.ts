import { zodToOpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { z } from "@hono/zod-openapi";
import {
  Article,
  ArticleDetail,
  ArticleInput,
  ArticleSummary,
  BundleArticle,
  CoverageDay,
  Discrepancy,
  DuplicateGroup,
  EntityDetail,
  EntityRecord,
  ErrorBody,
  ErrorDetail,
  IngestItemResult,
  IngestProgressEvent,
  IngestResponse,
  Origin,
  Page as CorePage,
  QuoteRecord,
  ReadyEvent,
  ResetEvent,
  SearchResult,
  StoreStats,
  Story,
  StoryBundle,
  StoryCreatedEvent,
  StorySummary,
  StoryUpdatedEvent,
} from "@newsfuse/core/schema";

/**
 * Gives one of core's schemas its OpenAPI component name. The name is attached to core's own schema
 * object (not a copy), so every schema that nests it (EntityDetail's StorySummary, StoryBundle's
 * Story) references the component instead of inlining it.
 */
function named<T extends z.ZodType>(schema: T, id: string, description?: string): T {
  // `.meta({ id })` or `.openapi(id)` would name a copy, and the schemas nesting the original would inline it.
  zodToOpenAPIRegistry.add(schema, { _internal: { refId: id }, ...(description ? { description } : {}) } as never);
  return schema;
}

export const ArticleSchema = named(Article, "Article");
export const StorySchema = named(Story, "Story");
export const EntityRecordSchema = named(EntityRecord, "EntityRecord");
export const QuoteRecordSchema = named(QuoteRecord, "QuoteRecord");
export const DiscrepancySchema = named(Discrepancy, "Discrepancy");
// Left unnamed (inlined): the generator drops `null` from a nullable reference to a named schema, and
// ArticleDetail.duplicateGroup and BundleArticle.duplicateGroup are nullable.
export const DuplicateGroupSchema = DuplicateGroup;
named(CoverageDay, "CoverageDay");
export const StorySummarySchema = named(StorySummary, "StorySummary");
export const ArticleSummarySchema = named(ArticleSummary, "ArticleSummary");
export const ArticleDetailSchema = named(ArticleDetail, "ArticleDetail");
export const EntityDetailSchema = named(EntityDetail, "EntityDetail");
export const SearchResultSchema = named(SearchResult, "SearchResult");
export const StoreStatsSchema = named(StoreStats, "StoreStats");
export const IngestItemResultSchema = named(IngestItemResult, "IngestItemResult");
export const IngestResponseSchema = named(IngestResponse, "IngestResponse");
export const ArticleInputSchema = named(ArticleInput, "ArticleInput");
named(BundleArticle, "BundleArticle");
named(Origin, "Origin");
export const StoryBundleSchema = named(StoryBundle, "StoryBundle");
export const ErrorDetailSchema = named(
  ErrorDetail,
  "ErrorDetail",
  "One problem with the request: where (`query.limit`, `body.text`, `line 3`) and what.",
);
export const ErrorBodySchema = named(ErrorBody, "Error", "Every non-2xx answer has this shape.");

// The data of each SSE event, by event name.
export const SseEvents = {
  ready: named(ReadyEvent, "ReadyEvent", 'First event of every connection (data `{}` or `{"type":"ready"}`).'),
  reset: named(ResetEvent, "ResetEvent", "The events after Last-Event-ID are gone: refetch what you show."),
  "ingest.progress": named(IngestProgressEvent, "IngestProgressEvent", "Articles committed so far in a write."),
  "story.created": named(StoryCreatedEvent, "StoryCreatedEvent", "A story got its first fused record."),
  "story.updated": named(StoryUpdatedEvent, "StoryUpdatedEvent", "A story's fused record changed."),
} as const;

/** A named page of `item`s: `{ items, nextCursor }`. */
export function Page<T extends z.ZodType>(item: T, name: string) {
  return named(CorePage(item), name);
}

// The routes use core's names directly; the calls above have named them for the document.
export {
  ArticleDetail,
  ArticleInput,
  ArticleSummary,
  EntityDetail,
  IngestResponse,
  SearchResult,
  StoreStats,
  StoryBundle,
  StorySummary,
};
