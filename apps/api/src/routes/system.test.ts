import { describe, expect, it } from "vitest";
import { LOOPBACK, buildApp, override, useSeededStore } from "../test-support.ts";

const { store } = useSeededStore();

describe("probes", () => {
  it("healthz answers ok and readyz reports the store ready", async () => {
    const { api } = buildApp(store);
    expect((await api.request("/healthz")).body).toEqual({ status: "ok" });
    expect((await api.request("/readyz")).body).toEqual({ status: "ready" });
  });

  it("readyz answers 503 when the store does not answer", async () => {
    const down = override(store, { ready: async () => false });
    const r = await buildApp(down).api.request("/readyz");
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe("not_ready");
  });
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and describes every v1 endpoint with core's schemas as components", async () => {
    const { status, body } = await buildApp(store).api.request("/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const ops = Object.entries(body.paths as Record<string, object>).flatMap(([p, m]) =>
      Object.keys(m).map((x) => `${x.toUpperCase()} ${p}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        "GET /v1/stories",
        "GET /v1/stories/{id}",
        "GET /v1/articles",
        "GET /v1/articles/{id}",
        "GET /v1/articles/{id}/raw",
        "POST /v1/articles",
        "DELETE /v1/articles/{id}",
        "POST /v1/analyze",
        "GET /v1/quotes",
        "GET /v1/entities",
        "GET /v1/entities/{id}",
        "GET /v1/discrepancies",
        "GET /v1/search",
        "GET /v1/events",
        "GET /healthz",
        "GET /readyz",
      ]),
    );
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining([
        "Article",
        "Story",
        "EntityRecord",
        "QuoteRecord",
        "Error",
        "StoryBundle",
        "EventStreamFrame",
      ]),
    );
    // Every operation documents the error shape for a bad request and for rate limiting.
    for (const methods of Object.values(
      body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>,
    ))
      for (const op of Object.values(methods))
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["400", "429", "500"]));
  });

  it("serves interactive docs that load the document", async () => {
    const r = await buildApp(store).api.request("/docs");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/html/);
    expect(r.body).toContain("/openapi.json");
  });
});

describe("unknown paths and methods", () => {
  it("404 with the error shape for a path that does not exist", async () => {
    const r = await buildApp(store).api.request("/v2/stories");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
  });

  it("405 with an Allow header for a known path and a wrong method", async () => {
    const { api } = buildApp(store);
    const put = await api.request("/v1/stories", { method: "PUT" }, LOOPBACK);
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD");
    expect(put.body.error.code).toBe("method_not_allowed");
    const patch = await api.request("/v1/articles/x", { method: "PATCH" }, LOOPBACK);
    expect(patch.status).toBe(405);
    expect(patch.headers.get("allow")).toContain("DELETE");
  });
});
