import createFetchClient from "openapi-fetch";
import {
  Article,
  ArticleDetail,
  type ArticleInput,
  ArticleSummary,
  type ApiErrorCode,
  Discrepancy,
  EntityDetail,
  EntityRecord,
  type EntityType,
  ErrorBody,
  type ErrorDetail,
  IngestResponse,
  Page,
  QuoteRecord,
  SearchResult,
  Source,
  type SourceInput,
  StoreStats,
  Story,
  StoryBundle,
  type StorySort,
  StorySummary,
} from "@newsfuse/core/schema";
import type { z } from "zod";
import type { paths } from "./openapi.gen.ts";
import { type StreamItem, streamEvents } from "./events.ts";

export type { StreamItem } from "./events.ts";
export type { paths } from "./openapi.gen.ts";

/** What the client calls to send a request: `fetch` itself, or anything taking a Request to a Response. */
export type FetchLike = (req: Request) => Response | Promise<Response>;

export interface ClientOptions {
  /** The API's origin, e.g. `http://localhost:8080`; any URL will do for an in-process `fetch`. */
  baseUrl: string;
  /** `window.fetch`, Node's fetch, or `(req) => app.fetch(req)` to call an app in process. */
  fetch?: FetchLike;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
}

/** An answer that is not a success: the API's error envelope, or what the client made of a broken answer. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** The HTTP status; 0 when no answer came. */
    readonly status: number,
    readonly details: ErrorDetail[] = [],
    /** The server's X-Request-Id, to find the request in its logs. */
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface PageQuery {
  cursor?: string;
  /** 1..200 (default 50). */
  limit?: number;
}
export interface StoryListQuery extends PageQuery {
  q?: string;
  /** ISO days, inclusive. */
  from?: string;
  to?: string;
  entity?: string;
  source?: string;
  sort?: StorySort;
}

const pageOf = {
  stories: Page(StorySummary),
  articles: Page(ArticleSummary),
  quotes: Page(QuoteRecord),
  entities: Page(EntityRecord),
  discrepancies: Page(Discrepancy),
};
// GET /v1/sources is one list, not paged.
const sourceList = Page(Source).pick({ items: true });

type Answer = { data?: unknown; error?: unknown; response: Response };

/** Builds a client over the newsfuse HTTP API; every answer is checked against core's schemas. */
export function createClient(opts: ClientOptions) {
  const doFetch: FetchLike = opts.fetch ?? ((req) => globalThis.fetch(req));
  const headers: Record<string, string> = opts.apiKey ? { Authorization: `Bearer ${opts.apiKey}` } : {};
  const api = createFetchClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/+$/, ""),
    fetch: async (req: Request) => doFetch(req),
    headers,
  });

  /** The parsed body of a success, or the ApiError of anything else. */
  async function answer<S extends z.ZodType>(call: Promise<Answer>, schema: S): Promise<z.infer<S>> {
    let r: Answer;
    try {
      r = await call;
    } catch (e) {
      throw new ApiError("unavailable", `The API did not answer: ${(e as Error)?.message ?? e}`, 0);
    }
    if (!r.response.ok) throw errorOf(r.response, r.error);
    return parsed(schema, r.data, r.response);
  }

  const text = (body: string, contentType: string) => ({
    body: body as never,
    bodySerializer: (b: unknown) => b as string,
    headers: { "Content-Type": contentType },
  });

  const client = {
    listStories: (query: StoryListQuery = {}) => answer(api.GET("/v1/stories", { params: { query } }), pageOf.stories),
    getStory: (id: string) => answer(api.GET("/v1/stories/{id}", { params: { path: { id } } }), Story),
    getStoryBundle: (id: string) =>
      answer(api.GET("/v1/stories/{id}/bundle", { params: { path: { id } } }), StoryBundle),
    listArticles: (query: PageQuery & { q?: string; source?: string; story?: string } = {}) =>
      answer(api.GET("/v1/articles", { params: { query } }), pageOf.articles),
    getArticle: (id: string) => answer(api.GET("/v1/articles/{id}", { params: { path: { id } } }), ArticleDetail),
    /** The input an article came from, as text, with its original content type. */
    async getRaw(id: string): Promise<{ body: string; contentType: string }> {
      const r = await call(api.GET("/v1/articles/{id}/raw", { params: { path: { id } }, parseAs: "text" }));
      if (!r.response.ok) throw errorOf(r.response, r.error);
      return { body: r.data as string, contentType: r.response.headers.get("content-type") ?? "" };
    },
    /** One article as JSON; several as one NDJSON batch (each gets its own result). */
    addArticles: (input: ArticleInput | ArticleInput[]) =>
      answer(
        Array.isArray(input)
          ? api.POST("/v1/articles", text(input.map((a) => JSON.stringify(a)).join("\n"), "application/x-ndjson"))
          : api.POST("/v1/articles", { body: input }),
        IngestResponse,
      ),
    /** A raw text or HTML page (or any body the API reads), stored byte for byte. */
    addRaw: (body: string | Blob | Uint8Array, contentType: string) =>
      answer(
        api.POST("/v1/articles", {
          body: body as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { "Content-Type": contentType },
        }),
        IngestResponse,
      ),
    async deleteArticle(id: string): Promise<void> {
      const r = await call(api.DELETE("/v1/articles/{id}", { params: { path: { id } } }));
      if (!r.response.ok) throw errorOf(r.response, r.error);
    },
    /** Analyzes one article without storing it: JSON input, or plain text. */
    analyze: (input: ArticleInput | string) =>
      answer(
        typeof input === "string"
          ? api.POST("/v1/analyze", text(input, "text/plain"))
          : api.POST("/v1/analyze", { body: input }),
        Article,
      ),
    listQuotes: (query: PageQuery & { speaker?: string; q?: string; story?: string } = {}) =>
      answer(api.GET("/v1/quotes", { params: { query } }), pageOf.quotes),
    listEntities: (query: PageQuery & { q?: string; type?: EntityType; story?: string } = {}) =>
      answer(api.GET("/v1/entities", { params: { query } }), pageOf.entities),
    getEntity: (id: string) => answer(api.GET("/v1/entities/{id}", { params: { path: { id } } }), EntityDetail),
    listDiscrepancies: (query: PageQuery & { story?: string } = {}) =>
      answer(api.GET("/v1/discrepancies", { params: { query } }), pageOf.discrepancies),
    search: (q: string, opts: { limit?: number } = {}) =>
      answer(api.GET("/v1/search", { params: { query: { q, ...opts } } }), SearchResult),
    stats: () => answer(api.GET("/v1/stats"), StoreStats),
    /** Subscribed feeds with their health (last fetch, status, next poll, failures, last error). */
    listSources: () => answer(api.GET("/v1/sources"), sourceList),
    /** Subscribes to a feed (the server fetches it once to check); an already subscribed URL gives that source. */
    addSource: (input: SourceInput) => answer(api.POST("/v1/sources", { body: input }), Source),
    async removeSource(id: string): Promise<void> {
      const r = await call(api.DELETE("/v1/sources/{id}", { params: { path: { id } } }));
      if (!r.response.ok) throw errorOf(r.response, r.error);
    },
    /**
     * The live events. Reconnects with backoff, sending the last id seen as Last-Event-ID (the server
     * replays what was missed, or sends `reset`: refetch then); ends when `signal` aborts.
     */
    events: (o: { signal?: AbortSignal; lastEventId?: string } = {}): AsyncIterable<StreamItem> =>
      streamEvents({
        url: `${opts.baseUrl.replace(/\/+$/, "")}/v1/events`,
        fetch: doFetch,
        headers,
        signal: o.signal,
        lastEventId: o.lastEventId,
        errorOf,
      }),
  };
  return client;
}

export type NewsfuseClient = ReturnType<typeof createClient>;

async function call(p: Promise<Answer>): Promise<Answer> {
  try {
    return await p;
  } catch (e) {
    throw new ApiError("unavailable", `The API did not answer: ${(e as Error)?.message ?? e}`, 0);
  }
}

function parsed<S extends z.ZodType>(schema: S, data: unknown, res: Response): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new ApiError(
    "schema_violation",
    `The answer to ${new URL(res.url || "http://x/").pathname} does not match its schema: ${details
      .slice(0, 3)
      .map((d) => `${d.path}: ${d.message}`)
      .join("; ")}`,
    res.status,
    details,
    res.headers.get("x-request-id"),
  );
}

/** The ApiError of a non-2xx answer: its error envelope when it has one, else a description of the status. */
export function errorOf(res: Response, body: unknown): ApiError {
  const requestId = res.headers.get("x-request-id");
  const r = ErrorBody.safeParse(body);
  if (r.success)
    return new ApiError(r.data.error.code, r.data.error.message, res.status, r.data.error.details, requestId);
  const code: ApiErrorCode =
    res.status === 404
      ? "not_found"
      : res.status === 429
        ? "rate_limited"
        : res.status >= 500
          ? "unavailable"
          : "bad_request";
  return new ApiError(code, `HTTP ${res.status} ${res.statusText}`.trim(), res.status, [], requestId);
}

export type {
  ArticleDetail,
  ArticleInput,
  ArticleSummary,
  Discrepancy,
  EntityDetail,
  EntityRecord,
  IngestResponse,
  QuoteRecord,
  SearchResult,
  Source,
  SourceInput,
  StoreStats,
  Story,
  StoryBundle,
  StorySummary,
} from "@newsfuse/core/schema";
