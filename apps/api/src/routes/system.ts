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
  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "newsfuse API" }));
  app.get("/", (c) => c.json({ name: "newsfuse", docs: "/docs", openapi: "/openapi.json" }));
}
