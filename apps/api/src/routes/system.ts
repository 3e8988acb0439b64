import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createRoute, z } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { App, Deps } from "../context.ts";
import { ApiFailure, errorResponses } from "../errors.ts";
import { json } from "./params.ts";

export const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "newsfuse API",
    version: "1.0.0",
    description:
      "Many noisy news reports fused into one clean, deduplicated, sourced account per story. Errors are always `{ error: { code, message, details } }`.",
  },
} as const;

/** Where the docs page loads Scalar's browser bundle from: this server, so /docs works offline. */
export const DOCS_SCRIPT_PATH = "/docs/scalar.js";

// The browser bundle of the installed @scalar/api-reference, read on first request.
let scalarScript: Buffer | null = null;
function scalarBundle(): Buffer {
  const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
  scalarScript ??= readFileSync(join(dirname(entry), "browser", "standalone.js"));
  return scalarScript;
}

export const healthz = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["system"],
  summary: "Liveness: the process answers",
  responses: { 200: json(z.object({ status: z.literal("ok") }), "Alive."), ...errorResponses() },
});

export const readyz = createRoute({
  method: "get",
  path: "/readyz",
  tags: ["system"],
  summary: "Readiness: the store answers and its migrations are applied",
  responses: { 200: json(z.object({ status: z.literal("ready") }), "Ready."), ...errorResponses() },
});

export function registerSystem(app: App, { store }: Deps) {
  app.openapi(healthz, (c) => c.json({ status: "ok" as const }, 200));
  app.openapi(readyz, async (c) => {
    const ready = await store.ready().catch(() => false);
    if (!ready) throw new ApiFailure("not_ready", "The store is not ready.");
    return c.json({ status: "ready" as const }, 200);
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "NEWSFUSE_API_KEY. Without a configured key, writes are accepted from loopback only.",
  });
  app.doc31("/openapi.json", OPENAPI_INFO);
  // Scalar's script from the installed package and no web fonts (they live on Scalar's font host):
  // the page names no third-party host.
  app.get(
    "/docs",
    Scalar({ url: "/openapi.json", pageTitle: "newsfuse API", cdn: DOCS_SCRIPT_PATH, withDefaultFonts: false }),
  );
  app.get(DOCS_SCRIPT_PATH, (c) =>
    c.body(new Uint8Array(scalarBundle()), 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
    }),
  );
  app.get("/", (c) => c.json({ name: "newsfuse", docs: "/docs", openapi: "/openapi.json" }));
}
