import { createHash } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import type { IngestItemResult, RawInput } from "@newsfuse/store";
import type { App, Deps } from "../context.ts";
import { ApiFailure, errorResponses, isApiErrorCode, type ErrorDetail } from "../errors.ts";
import { ArticleDetail, ArticleInput, ArticleSummary, IngestResponse, Page } from "../schemas.ts";
import { JSON_TYPES, NDJSON_TYPES, TEXT_TYPES, decodeUtf8, parseArticleJson, readBytes, requireType } from "./body.ts";
import { IdParam, json, pageParams, pageQuery, text, toPage } from "./params.ts";
import { fetchPage } from "./sources.ts";

export const listArticles = createRoute({
  method: "get",
  path: "/v1/articles",
  tags: ["articles"],
  summary: "List articles",
  request: {
    query: z
      .object({
        ...pageParams,
        q: text("Full-text query."),
        source: text("Outlet or agency."),
        story: text("Story id."),
      })
      .strict(),
  },
  responses: { 200: json(Page(ArticleSummary, "ArticlePage"), "One page of articles."), ...errorResponses(401, 403) },
});

export const getArticle = createRoute({
  method: "get",
  path: "/v1/articles/{id}",
  tags: ["articles"],
  summary: "One article: its extraction and its duplicate group with similarities",
  request: { params: IdParam("article") },
  responses: { 200: json(ArticleDetail, "The article."), ...errorResponses(401, 403, 404) },
});

export const getRaw = createRoute({
  method: "get",
  path: "/v1/articles/{id}/raw",
  tags: ["articles"],
  summary: "The input the article came from, byte for byte, with its original content type",
  request: { params: IdParam("article") },
  responses: {
    200: {
      description: "The raw input.",
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses(401, 403, 404),
  },
});

export const postArticles = createRoute({
  method: "post",
  path: "/v1/articles",
  tags: ["articles"],
  summary: "Add articles: one JSON article, a raw text/HTML body, or an NDJSON batch",
  description:
    "Each item is analyzed, deduplicated, clustered and stored. The answer lists one result per item: `created`, `duplicate` (with `duplicateOf`), `known` (this exact input was stored before) or `error`. NDJSON lines that are not valid articles are reported as errors by line and not stored; when no line is valid the whole request is refused with 400.",
  security: [{ bearer: [] }],
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.union([
            ArticleInput,
            z
              .object({ url: z.string().openapi({ description: "An http(s) page to fetch (robots.txt obeyed)." }) })
              .strict(),
          ]),
        },
        "text/plain": { schema: z.string().openapi({ description: "The article text." }) },
        "text/html": { schema: z.string().openapi({ description: "A web page; the article is extracted from it." }) },
        "application/x-ndjson": {
          schema: z.string().openapi({ description: "One ArticleInput JSON object per line." }),
        },
      },
    },
  },
  responses: {
    201: json(IngestResponse, "At least one item was created."),
    200: json(IngestResponse, "Nothing new was created (duplicates, known inputs or item errors)."),
    ...errorResponses(401, 403, 409, 413, 415, 422),
  },
});

export const deleteArticle = createRoute({
  method: "delete",
  path: "/v1/articles/{id}",
  tags: ["articles"],
  summary: "Delete an article and re-fuse its story",
  security: [{ bearer: [] }],
  request: { params: IdParam("article") },
  responses: { 204: { description: "Deleted." }, ...errorResponses(401, 403, 404, 409, 413) },
});

const utf8 = new TextEncoder();

/**
 * Where an API input came from. The reader names an article without an id after its origin, so each
 * input gets its own ("api:3f2a9c01d4e6"), derived from its bytes so a re-post is recognised.
 */
function apiOrigin(body: Uint8Array): string {
  return `api:${createHash("sha256").update(body).digest("hex").slice(0, 12)}`;
}

/** One JSON article as the one-line JSON Lines record the formats reader understands (`source` included). */
function jsonRaw(a: ArticleInput): RawInput {
  const body = utf8.encode(`${JSON.stringify(a)}\n`);
  return { body, contentType: "application/x-ndjson", origin: apiOrigin(body) };
}

/** The URL of a `{"url": …}` body (a page to fetch), or null for an article. */
function pageUrl(bytes: Uint8Array): string | null {
  try {
    const v = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (
      v &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      Object.keys(v).length === 1 &&
      typeof (v as { url?: unknown }).url === "string"
    )
      return (v as { url: string }).url;
  } catch {}
  return null;
}

export function registerArticles(app: App, deps: Deps) {
  const { store, config } = deps;
  app.openapi(listArticles, async (c) =>
    c.json(toPage(await store.listArticles(pageQuery(c.req.valid("query")))), 200),
  );
  app.openapi(getArticle, async (c) => {
    const { id } = c.req.valid("param");
    const detail = await store.getArticle(id);
    if (!detail) throw new ApiFailure("not_found", `No article "${id}".`);
    return c.json(detail, 200);
  });
  app.openapi(getRaw, async (c) => {
    const { id } = c.req.valid("param");
    const raw = await store.getRaw(id);
    if (!raw) throw new ApiFailure("not_found", `No article "${id}".`);
    // Stored HTML is somebody else's page: never let it run as ours.
    c.header("Content-Security-Policy", "default-src 'none'; sandbox");
    c.header("Content-Disposition", "inline");
    return c.body(raw.body as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": raw.contentType || "application/octet-stream",
    }) as never;
  });

  app.openAPIRegistry.registerPath(postArticles);
  app.post("/v1/articles", async (c) => {
    const type = requireType(c, [JSON_TYPES, NDJSON_TYPES, TEXT_TYPES]);
    const bytes = await readBytes(c);
    // Pre-validated items go to the store; items refused here keep their position in the answer.
    const slots: Array<{ raw: RawInput } | { error: IngestItemResult }> = [];
    if (TEXT_TYPES.has(type)) {
      slots.push({ raw: { body: bytes, contentType: c.req.header("content-type")!, origin: apiOrigin(bytes) } });
    } else if (JSON_TYPES.has(type) && pageUrl(bytes)) {
      slots.push({ raw: await fetchPage(deps, pageUrl(bytes)!) });
    } else if (JSON_TYPES.has(type)) {
      const r = parseArticleJson(decodeUtf8(bytes, "body"), "body");
      if (!r.ok)
        throw new ApiFailure(
          "bad_request",
          `Invalid article: ${r.details.map((d) => `${d.path}: ${d.message}`).join("; ")}`,
          r.details,
        );
      slots.push({ raw: jsonRaw(r.value) });
    } else {
      const lines = decodeUtf8(bytes, "body").split(/\r?\n/);
      const problems: ErrorDetail[] = [];
      let items = 0;
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        if (++items > config.maxBatchItems)
          throw new ApiFailure("payload_too_large", `A batch holds at most ${config.maxBatchItems} items; split it.`, [
            { path: `line ${i + 1}`, message: "over the item limit" },
          ]);
        const r = parseArticleJson(line, `line ${i + 1}`);
        if (r.ok) slots.push({ raw: jsonRaw(r.value) });
        else {
          problems.push(...r.details);
          slots.push({
            error: {
              status: "error",
              input: `line ${i + 1}`,
              code: "input_malformed",
              message: r.details.map((d) => `${d.path}: ${d.message}`).join("; "),
            },
          });
        }
      });
      if (items === 0)
        throw new ApiFailure("input_empty", "The batch holds no lines.", [
          { path: "body", message: "no NDJSON lines" },
        ]);
      if (problems.length === items)
        throw new ApiFailure("bad_request", `No valid article in the batch (${items} lines).`, problems);
    }

    const raws = slots.flatMap((s) => ("raw" in s ? [s.raw] : []));
    const stored = await deps.ingest.ingest(raws, !TEXT_TYPES.has(type));
    // The store answers per article; when one input yields several (an HTML page holding a feed), the
    // per-input positions are lost, so the refused lines are then listed after the stored results.
    let results: IngestItemResult[];
    if (stored.length === raws.length) {
      let k = 0;
      results = slots.map((s) => ("raw" in s ? stored[k++] : s.error));
    } else results = [...stored, ...slots.flatMap((s) => ("error" in s ? [s.error] : []))];
    // A request of one item that failed answers with its error's status (random bytes as text/plain: 415),
    // in the error envelope; a batch answers 200 or 201 and lists each item's outcome.
    const only = results.length === 1 && slots.length === 1 ? results[0]! : null;
    if (only?.status === "error")
      throw new ApiFailure(isApiErrorCode(only.code) ? only.code : "internal", only.message, [
        { path: "body", message: only.message },
      ]);
    const count = (st: IngestItemResult["status"]) => results.filter((r) => r.status === st).length;
    const body = {
      results,
      created: count("created"),
      duplicates: count("duplicate"),
      known: count("known"),
      errors: count("error"),
    };
    return c.json(body, body.created > 0 ? 201 : 200);
  });

  app.openapi(deleteArticle, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await store.deleteArticle(id))) throw new ApiFailure("not_found", `No article "${id}".`);
    return c.body(null, 204);
  });
}
