import { timingSafeEqual, createHash } from "node:crypto";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { methodNotAllowed } from "hono/method-not-allowed";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { ZodError } from "zod";
import type { Store } from "@newsfuse/store";
import { ApiConfig, type ApiConfigInput } from "./config.ts";
import type { AppEnv, Deps, Logger } from "./context.ts";
import { ApiFailure, isApiErrorCode, type ErrorDetail } from "./errors.ts";
import { clientAddress, isLoopback } from "./middleware/client.ts";
import { StoryFuser, type FuserOptions } from "./fuser.ts";
import { serveDashboard } from "./dashboard.ts";
import { IngestQueue } from "./ingest-queue.ts";
import { responseCache } from "./middleware/cache.ts";
import { TokenBuckets } from "./middleware/rate-limit.ts";
import { registerAnalyze } from "./routes/analyze.ts";
import { registerArticles } from "./routes/articles.ts";
import { registerCatalog } from "./routes/catalog.ts";
import { registerEvents } from "./routes/events.ts";
import { registerStories } from "./routes/stories.ts";
import { registerSources } from "./routes/sources.ts";
import { DOCS_SCRIPT_PATH, registerSystem } from "./routes/system.ts";

export interface CreateAppOptions {
  store: Store;
  /** Milliseconds since the epoch; the rate limiter and logs read time only through it. */
  clock: () => number;
  config?: ApiConfigInput;
  logger?: Logger;
  /** Abort to end open event streams (graceful shutdown). */
  shutdown?: AbortSignal;
  /** Pass one to wait for queued writes on shutdown; created when omitted. */
  ingestQueue?: IngestQueue;
  /** Pass one to run a final fusion on shutdown (`close()` it after the ingest queue); created when omitted. */
  fuser?: StoryFuser;
  /** The web dashboard served to browsers at `/` (dashboard.ts); `false` for the API alone. */
  dashboard?: { dir?: string } | false;
}

/** Paths anyone may read even when reads are closed: probes and the API's own description. */
const PROBES = new Set(["/healthz", "/readyz"]);
const PUBLIC_PATHS = new Set(["/", "/healthz", "/readyz", "/openapi.json", "/docs", DOCS_SCRIPT_PATH]);
// JSON never needs to load anything; the docs page loads Scalar's script from this server (it works
// offline) and no other host.
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "font-src 'self' data:; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Builds the newsfuse HTTP API over a store. It never listens: `startServer` (or a test's
 * `app.request`) drives it.
 */
export function createApp(opts: CreateAppOptions) {
  const parsed = ApiConfig.safeParse(opts.config ?? {});
  if (!parsed.success)
    throw new Error(
      `invalid API config: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const logger = opts.logger ?? (() => {});
  const ingest = opts.ingestQueue ?? new IngestQueue(opts.store, logger);
  const deps: Deps = {
    store: opts.store,
    clock: opts.clock,
    config: parsed.data,
    logger,
    shutdown: opts.shutdown ?? new AbortController().signal,
    ingest,
    fuser: opts.fuser ?? new StoryFuser(opts.store, logger, fuserOptions(parsed.data, ingest)),
  };
  const { config, clock } = deps;

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailure(result.error, result.target);
    },
  });

  app.use("*", requestId());
  app.use("*", async (c, next) => {
    const started = clock();
    c.set("client", clientAddress(c, config.trustProxy));
    await next();
    const status = c.res.status;
    logger({
      level: status >= 500 ? "error" : status >= 400 ? "warn" : "info",
      msg: "request",
      time: new Date(clock()).toISOString(),
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status,
      ms: clock() - started,
      client: c.get("client"),
    });
  });
  // CSP is set per response: routes that need their own (the docs page, raw inputs) set it first.
  app.use("*", secureHeaders({ contentSecurityPolicy: undefined }));
  app.use("*", async (c, next) => {
    await next();
    if (!c.res.headers.has("content-security-policy"))
      c.res.headers.set("Content-Security-Policy", c.req.path === "/docs" ? DOCS_CSP : API_CSP);
  });
  if (config.corsOrigins.length) {
    app.use(
      "*",
      cors({
        origin: config.corsOrigins,
        allowMethods: ["GET", "HEAD", "POST", "DELETE", "OPTIONS"],
        allowHeaders: ["Authorization", "Content-Type", "X-Request-Id", "Last-Event-ID"],
        exposeHeaders: ["X-Request-Id", "Retry-After", "RateLimit-Remaining"],
        maxAge: 600,
      }),
    );
  }
  app.use(
    "*",
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        failureResponse(
          c,
          new ApiFailure(
            "method_not_allowed",
            `${c.req.method} is not allowed on ${c.req.path}; use ${methods.join(", ")}.`,
            [],
            { Allow: methods.join(", ") },
          ),
        ),
    }),
  );
  if (config.rateLimit) {
    const buckets = new TokenBuckets(config.rateLimit, clock);
    app.use("*", async (c, next) => {
      // A rate-limited probe would get a healthy server restarted by its orchestrator.
      if (PROBES.has(c.req.path)) return next();
      const r = buckets.take(c.get("client"));
      if (!r.allowed)
        throw new ApiFailure("rate_limited", `Too many requests; retry in ${r.retryAfter} s.`, [], {
          "Retry-After": String(r.retryAfter),
        });
      c.header("RateLimit-Remaining", String(r.remaining));
      await next();
    });
  }
  // Before the key check: the dashboard's files are public, the data it then asks for is not.
  if (opts.dashboard !== false) app.use("*", serveDashboard(opts.dashboard || {}));
  app.use("*", access(config));
  if (config.cacheTtlMs > 0)
    app.use("*", responseCache({ ttlMs: config.cacheTtlMs, clock, store: deps.store, fuser: deps.fuser }));
  app.use(
    "*",
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) =>
        failureResponse(
          c,
          new ApiFailure("payload_too_large", `The body is over the limit of ${config.bodyLimitBytes} bytes.`),
        ),
    }),
  );

  registerSystem(app, deps);
  registerStories(app, deps);
  registerArticles(app, deps);
  registerCatalog(app, deps);
  registerAnalyze(app, deps);
  registerEvents(app, deps);
  registerSources(app, deps);

  app.notFound((c) =>
    failureResponse(c, new ApiFailure("not_found", `Nothing at ${c.req.path}; see /docs for the endpoints.`)),
  );
  app.onError((e, c) => {
    const failure = toFailure(e);
    if (!failure) {
      logger({
        level: "error",
        msg: "unhandled error",
        requestId: c.get("requestId"),
        path: c.req.path,
        error: String(e),
        stack: (e as Error)?.stack,
      });
      return failureResponse(c, new ApiFailure("internal", `Unexpected error (request id ${c.get("requestId")}).`));
    }
    return failureResponse(c, failure);
  });
  return app;
}

/** The fuser's timing from the config; it waits for a pause in the queue's writes. */
export function fuserOptions(
  config: Pick<ApiConfig, "fuseDelayMs" | "fuseMaxDelayMs">,
  ingest: IngestQueue,
): FuserOptions {
  return { delayMs: config.fuseDelayMs, maxDelayMs: config.fuseMaxDelayMs, writing: () => ingest.busy };
}

export function failureResponse(c: Context, f: ApiFailure): Response {
  return c.json(f.body(), f.status, f.headers);
}

/** Known error shapes to ApiFailure; null for a genuine bug. */
function toFailure(e: unknown): ApiFailure | null {
  if (e instanceof ApiFailure) return e;
  if (e instanceof HTTPException) {
    // Hono's own validators throw these, e.g. for a JSON body that does not parse.
    const code =
      e.status === 413
        ? "payload_too_large"
        : e.status === 415
          ? "unsupported_media_type"
          : e.status < 500
            ? "bad_request"
            : "internal";
    return new ApiFailure(
      code,
      e.message || "Bad request.",
      code === "bad_request" ? [{ path: "body", message: e.message }] : [],
    );
  }
  // A domain error from core or the store (NewsfuseFailure carries `.error`).
  const ne = (e as { error?: { code?: unknown; message?: unknown; input?: unknown } } | null)?.error;
  if (ne && isApiErrorCode(ne.code) && ne.code !== "internal")
    return new ApiFailure(
      ne.code,
      String(ne.message ?? ne.code),
      ne.input ? [{ path: String(ne.input), message: String(ne.message) }] : [],
    );
  return null;
}

export function validationFailure(error: ZodError, target: string): ApiFailure {
  const details: ErrorDetail[] = error.issues.map((i) => ({
    path: [target, ...i.path.map(String)].join("."),
    message:
      i.code === "unrecognized_keys"
        ? `unknown ${target === "query" ? "parameter" : "field"}: ${i.keys.join(", ")}`
        : i.message,
  }));
  return new ApiFailure(
    "bad_request",
    `Invalid ${target}: ${details.map((d) => `${d.path}: ${d.message}`).join("; ")}`,
    details,
  );
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Writes need the API key (or loopback when none is configured); reads too when closed by config. */
function access(config: ApiConfig): MiddlewareHandler<AppEnv> {
  const keyDigest = config.apiKey ? digest(config.apiKey) : null;
  return async (c, next) => {
    const write = !READ_METHODS.has(c.req.method);
    if (!write && (config.reads === "open" || PUBLIC_PATHS.has(c.req.path))) return next();
    if (!keyDigest) {
      if (!isLoopback(c.get("client")))
        throw new ApiFailure(
          "forbidden",
          `${write ? "Writes" : "Reads"} are accepted only from loopback when no API key is configured (set NEWSFUSE_API_KEY).`,
        );
      return next();
    }
    const header = c.req.header("authorization");
    if (!header)
      throw new ApiFailure("unauthorized", "This request needs an API key: send Authorization: Bearer <key>.", [], {
        "WWW-Authenticate": 'Bearer realm="newsfuse"',
      });
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // Compare digests so the check takes the same time whatever the length or prefix of the guess.
    if (!m || !timingSafeEqual(digest(m[1]), keyDigest)) throw new ApiFailure("forbidden", "The API key is not valid.");
    return next();
  };
}

export type { ApiConfig };
