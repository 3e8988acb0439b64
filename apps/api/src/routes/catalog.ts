import { createRoute, z } from "@hono/zod-openapi";
import { EntityType } from "@newsfuse/core";
import type { App, Deps } from "../context.ts";
import { ApiFailure, errorResponses } from "../errors.ts";
import {
  DiscrepancySchema,
  EntityDetail,
  EntityRecordSchema,
  Page,
  QuoteRecordSchema,
  SearchResult,
  StoreStats,
} from "../schemas.ts";
import { IdParam, json, pageParams, pageQuery, text, toPage } from "./params.ts";

export const listQuotes = createRoute({
  method: "get",
  path: "/v1/quotes",
  tags: ["quotes"],
  summary: "Grouped quotes, each with every article that carries it",
  request: {
    query: z
      .object({
        ...pageParams,
        speaker: text(
          "Speaker entity id, or words of the speaker's name or of an alias: `Lavrov` (whole words, any case).",
        ),
        q: text("Words in the quote."),
        story: text("Story id."),
      })
      .strict(),
  },
  responses: { 200: json(Page(QuoteRecordSchema, "QuotePage"), "One page of quotes."), ...errorResponses(401, 403) },
});

export const listEntities = createRoute({
  method: "get",
  path: "/v1/entities",
  tags: ["entities"],
  summary: "People, organizations and places across all articles",
  request: {
    query: z
      .object({ ...pageParams, q: text("Name or alias."), type: EntityType.optional(), story: text("Story id.") })
      .strict(),
  },
  responses: {
    200: json(Page(EntityRecordSchema, "EntityPage"), "One page of entities."),
    ...errorResponses(401, 403),
  },
});

export const getEntity = createRoute({
  method: "get",
  path: "/v1/entities/{id}",
  tags: ["entities"],
  summary: "One entity: aliases, roles, mentions, quotes, stories",
  request: { params: IdParam("entity") },
  responses: { 200: json(EntityDetail, "The entity."), ...errorResponses(401, 403, 404) },
});

export const listDiscrepancies = createRoute({
  method: "get",
  path: "/v1/discrepancies",
  tags: ["discrepancies"],
  summary: "Facts the sources disagree on, side by side",
  request: { query: z.object({ ...pageParams, story: text("Story id.") }).strict() },
  responses: {
    200: json(Page(DiscrepancySchema, "DiscrepancyPage"), "One page of discrepancies."),
    ...errorResponses(401, 403),
  },
});

export const search = createRoute({
  method: "get",
  path: "/v1/search",
  tags: ["search"],
  summary: "Full-text search over articles, quotes and entities",
  request: {
    query: z
      .object({
        q: z
          .string()
          .trim()
          .min(1, "give a search query")
          .max(500)
          .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters")
          .openapi({ description: "The query.", example: "Lavrov" }),
        limit: z.coerce
          .number()
          .int()
          .min(1)
          .max(100)
          .optional()
          .openapi({ description: "Per kind, 1..100 (default 20)." }),
      })
      .strict(),
  },
  responses: { 200: json(SearchResult, "Matches of each kind."), ...errorResponses(401, 403) },
});

export const stats = createRoute({
  method: "get",
  path: "/v1/stats",
  tags: ["system"],
  summary: "Counts of what the store holds",
  responses: { 200: json(StoreStats, "Counts."), ...errorResponses(401, 403) },
});

export function registerCatalog(app: App, { store }: Deps) {
  app.openapi(listQuotes, async (c) => c.json(toPage(await store.listQuotes(pageQuery(c.req.valid("query")))), 200));
  app.openapi(listEntities, async (c) =>
    c.json(toPage(await store.listEntities(pageQuery(c.req.valid("query")))), 200),
  );
  app.openapi(getEntity, async (c) => {
    const { id } = c.req.valid("param");
    const entity = await store.getEntity(id);
    if (!entity) throw new ApiFailure("not_found", `No entity "${id}".`);
    return c.json(entity, 200);
  });
  app.openapi(listDiscrepancies, async (c) =>
    c.json(toPage(await store.listDiscrepancies(pageQuery(c.req.valid("query")))), 200),
  );
  app.openapi(search, async (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json(await store.search(q, limit ?? 20), 200);
  });
  app.openapi(stats, async (c) => c.json(await store.stats(), 200));
}
