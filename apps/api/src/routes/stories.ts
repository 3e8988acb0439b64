import { createRoute, z } from "@hono/zod-openapi";
import type { App, Deps } from "../context.ts";
import { ApiFailure, errorResponses } from "../errors.ts";
import { StorySort } from "@newsfuse/core/schema";
import { Page, StoryBundle, StorySchema, StorySummary } from "../schemas.ts";
import { IdParam, IsoDay, json, pageParams, pageQuery, text, toPage } from "./params.ts";

const StoryListQuery = z
  .object({
    ...pageParams,
    q: text("Full-text query over the stories' articles."),
    from: IsoDay.optional().openapi({ description: "Stories whose span ends on or after this day." }),
    to: IsoDay.optional().openapi({ description: "Stories whose span starts on or before this day." }),
    entity: text("Entity id, or words of its name or of an alias: `Blinken`, `sergei lavrov` (whole words, any case)."),
    source: text("Outlet or agency name."),
    sort: StorySort.optional().openapi({
      description:
        "`newest` (default): most recently created or rebuilt first; `updated`: most recently re-fused first; `covered`: most articles first; `disputed`: most discrepancies first. Ties go newest first.",
    }),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "`from` is after `to`", path: ["from"] });

export const listStories = createRoute({
  method: "get",
  path: "/v1/stories",
  tags: ["stories"],
  summary: "List stories (newest first by default)",
  request: { query: StoryListQuery },
  responses: { 200: json(Page(StorySummary, "StoryPage"), "One page of stories."), ...errorResponses(401, 403) },
});

export const getStory = createRoute({
  method: "get",
  path: "/v1/stories/{id}",
  tags: ["stories"],
  summary: "The fused record of one story",
  description: "Events timeline, grouped quotes with outlets, numeric claims by subject, discrepancies and articles.",
  request: { params: IdParam("story") },
  responses: { 200: json(StorySchema, "The fused story."), ...errorResponses(401, 403, 404) },
});

export const getStoryBundle = createRoute({
  method: "get",
  path: "/v1/stories/{id}/bundle",
  tags: ["stories"],
  summary: "Everything a story page shows, in one answer",
  description:
    "The fused story with its quotes, entities (roles and articles as this story gives them), articles (outlet, agency, provenance, http(s) URL, dates, duplicate group with similarity, origin and role) and the independent origins behind them (see docs/contract.md).",
  request: { params: IdParam("story") },
  responses: { 200: json(StoryBundle, "The story bundle."), ...errorResponses(401, 403, 404) },
});

export function registerStories(app: App, { store }: Deps) {
  app.openapi(listStories, async (c) => c.json(toPage(await store.listStories(pageQuery(c.req.valid("query")))), 200));
  app.openapi(getStory, async (c) => {
    const { id } = c.req.valid("param");
    const story = await store.getStory(id);
    if (!story) throw new ApiFailure("not_found", `No story "${id}".`);
    return c.json(story, 200);
  });
  app.openapi(getStoryBundle, async (c) => {
    const { id } = c.req.valid("param");
    const bundle = await store.getStoryBundle(id);
    if (!bundle) throw new ApiFailure("not_found", `No story "${id}".`);
    return c.json(bundle, 200);
  });
}
