import { createRoute, z } from "@hono/zod-openapi";
import { analyze, type AnalyzeInput } from "@newsfuse/core";
import { parseBytes } from "@newsfuse/formats";
import type { App, Deps } from "../context.ts";
import { ApiFailure, errorResponses, isApiErrorCode } from "../errors.ts";
import { ArticleInput, ArticleSchema } from "../schemas.ts";
import { JSON_TYPES, TEXT_TYPES, decodeUtf8, parseArticleJson, readBytes, requireType } from "./body.ts";
import { json } from "./params.ts";

export const postAnalyze = createRoute({
  method: "post",
  path: "/v1/analyze",
  tags: ["articles"],
  summary: "Analyze one article without storing it",
  request: {
    body: {
      required: true,
      content: {
        "application/json": { schema: ArticleInput },
        "text/plain": { schema: z.string() },
        "text/html": { schema: z.string() },
      },
    },
  },
  responses: { 200: json(ArticleSchema, "The analyzed article."), ...errorResponses(401, 403, 413, 415, 422) },
});

/** Reads HTML (or any non-plain bytes) through the formats reader, as ingest would. */
function readPage(bytes: Uint8Array, name: string, contentType: string): AnalyzeInput {
  const results = parseBytes(bytes, { name, contentType });
  const first = results[0];
  if (!first)
    throw new ApiFailure("input_empty", "No article found in the body.", [{ path: "body", message: "no article" }]);
  if (!first.ok) {
    const code =
      isApiErrorCode(first.error.code) && first.error.code !== "internal" ? first.error.code : "input_malformed";
    throw new ApiFailure(code, first.error.message, [{ path: "body", message: first.error.message }]);
  }
  return first.value.input;
}

export function registerAnalyze(app: App, _deps: Deps) {
  app.openAPIRegistry.registerPath(postAnalyze);
  app.post("/v1/analyze", async (c) => {
    const type = requireType(c, [JSON_TYPES, TEXT_TYPES]);
    const bytes = await readBytes(c);
    let input: AnalyzeInput;
    if (type === "text/plain") input = { id: "input", text: decodeUtf8(bytes, "body") };
    else if (type === "text/html")
      input = { ...readPage(bytes, "input.html", c.req.header("content-type")!), id: "input" };
    else {
      const r = parseArticleJson(decodeUtf8(bytes, "body"), "body");
      if (!r.ok)
        throw new ApiFailure(
          "bad_request",
          `Invalid article: ${r.details.map((d) => `${d.path}: ${d.message}`).join("; ")}`,
          r.details,
        );
      const { text, html, source, id, ...meta } = r.value;
      const base =
        html !== undefined
          ? readPage(new TextEncoder().encode(html), "input.html", "text/html; charset=utf-8")
          : { text: text! };
      input = { ...base, ...meta, id: id ?? "input", ...(source ? { outlet: source } : {}) };
    }
    if (!input.text.trim())
      throw new ApiFailure("input_empty", "The article has no text.", [{ path: "body", message: "only white space" }]);
    return c.json(analyze(input), 200);
  });
}
