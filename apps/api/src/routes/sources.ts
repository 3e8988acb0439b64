import { createRoute, z } from "@hono/zod-openapi";
import { Source, SourceInput } from "@newsfuse/core/schema";
import {
  type Fetcher,
  INITIAL_INTERVAL_SECONDS,
  addressRefusal,
  allowPrivateFromEnv,
  canonicalUrl,
  classify,
  fetcherFromEnv,
  pageRaw,
} from "@newsfuse/fetch";
import type { RawInput } from "@newsfuse/store";
import type { App, Deps } from "../context.ts";
import { ApiFailure, errorResponses } from "../errors.ts";
import { IdParam, json } from "./params.ts";

const SourceList = z.object({ items: z.array(Source) });

export const listSources = createRoute({
  method: "get",
  path: "/v1/sources",
  tags: ["sources"],
  summary: "Subscribed feeds and their health: last fetch, status, items seen, next poll, last error",
  responses: { 200: json(SourceList, "Every subscribed feed."), ...errorResponses(401, 403) },
});

export const postSource = createRoute({
  method: "post",
  path: "/v1/sources",
  tags: ["sources"],
  summary: "Subscribe to a feed (RSS, Atom or JSON Feed); `newsfuse serve --watch` polls it",
  description:
    "The URL is fetched once (robots.txt obeyed) to check that it is a feed. Its host must not be or resolve to a private, loopback or link-local address unless the server runs with NEWSFUSE_FETCH_ALLOW_PRIVATE=1; the check is repeated on every poll and redirect.",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "application/json": { schema: SourceInput } } } },
  responses: {
    201: json(Source, "Subscribed."),
    200: json(Source, "Already subscribed: the existing source."),
    ...errorResponses(401, 403, 404, 413, 415, 422),
  },
});

export const deleteSource = createRoute({
  method: "delete",
  path: "/v1/sources/{id}",
  tags: ["sources"],
  summary: "Unsubscribe",
  security: [{ bearer: [] }],
  request: { params: IdParam("source") },
  responses: { 204: { description: "Removed." }, ...errorResponses(401, 403, 404) },
});

/** One fetcher per app, so robots.txt and per-host delays are shared by all requests. */
const fetchers = new WeakMap<Deps, Fetcher>();
function fetcherOf(deps: Deps): Fetcher {
  let f = fetchers.get(deps);
  if (!f) {
    f = fetcherFromEnv(process.env);
    fetchers.set(deps, f);
  }
  return f;
}

/** An http(s) URL from an API caller, canonical, and refused when it points at a private address. */
async function checkedUrl(raw: string, where: string): Promise<{ url: string; allowPrivate: boolean }> {
  const url = canonicalUrl(raw);
  if (!url)
    throw new ApiFailure("bad_request", `${raw} is not an http(s) URL.`, [
      { path: where, message: "not an http(s) URL" },
    ]);
  const allowPrivate = allowPrivateFromEnv(process.env);
  if (!allowPrivate) {
    const refusal = await addressRefusal(url);
    if (refusal) throw new ApiFailure("forbidden", `Not fetched: ${refusal}.`, [{ path: where, message: refusal }]);
  }
  return { url, allowPrivate };
}

/** Fetches one page for `POST /v1/articles {"url": …}`; fetch failures become API errors. */
export async function fetchPage(deps: Deps, raw: string): Promise<RawInput> {
  const { url, allowPrivate } = await checkedUrl(raw, "body.url");
  const r = await fetcherOf(deps).fetch(url, { allowPrivate });
  if (r.outcome === "ok") return pageRaw(r);
  if (r.outcome === "refused" || r.outcome === "disallowed")
    throw new ApiFailure("forbidden", `Not fetched: ${r.message}.`, [{ path: "body.url", message: r.message }]);
  if (r.outcome === "error")
    throw new ApiFailure(
      r.httpStatus && r.httpStatus < 500 && r.httpStatus !== 429 ? "input_missing" : "unavailable",
      `Could not fetch the page: ${r.message}.`,
      [{ path: "body.url", message: r.message }],
    );
  throw new ApiFailure("unavailable", `Could not fetch the page: ${url} answered 304 to a plain request.`);
}

export function registerSources(app: App, deps: Deps) {
  const { store, clock } = deps;
  app.openapi(listSources, async (c) => c.json({ items: await store.sources.list() }, 200));

  app.openapi(postSource, async (c) => {
    const input = c.req.valid("json");
    const { url, allowPrivate } = await checkedUrl(input.url, "body.url");
    const r = await fetcherOf(deps).fetch(url, { allowPrivate });
    if (r.outcome === "refused" || r.outcome === "disallowed")
      throw new ApiFailure("forbidden", `Not subscribed: ${r.message}.`, [{ path: "body.url", message: r.message }]);
    if (r.outcome === "error")
      throw new ApiFailure(r.httpStatus === 404 ? "not_found" : "unavailable", `Not subscribed: ${r.message}.`, [
        { path: "body.url", message: r.message },
      ]);
    if (r.outcome === "ok") {
      const kind = classify(r.body, r.finalUrl, r.contentType);
      if (kind.kind !== "feed")
        throw new ApiFailure(
          "input_unsupported",
          `Not subscribed: ${url} is ${kind.kind === "opml" ? "an OPML list (subscribe to its feeds one by one)" : kind.kind === "page" ? "a web page" : "not a readable feed"}, not an RSS, Atom or JSON Feed.`,
          [{ path: "body.url", message: "not a feed" }],
        );
      input.title ??= kind.title;
    }
    const { source, created } = await store.sources.add(
      { url, title: input.title ?? null, addedBy: "api" },
      { now: new Date(clock()), intervalSeconds: INITIAL_INTERVAL_SECONDS },
    );
    return c.json(source, created ? 201 : 200);
  });

  app.openapi(deleteSource, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await store.sources.remove(id))) throw new ApiFailure("not_found", `No source "${id}".`);
    return c.body(null, 204);
  });
}
