import type { Store } from "@newsfuse/store";
import { describe, expect, it } from "vitest";
import { LOOPBACK, buildApp, fixtureArticles, override, useSeededStore } from "../test-support.ts";

const { store } = useSeededStore();

describe("read cache", () => {
  it("answers a repeated read from memory, with fresh request ids; on a shared server only within the TTL", async () => {
    const { api } = buildApp(store, { cacheTtlMs: 1000 });
    const a = await api.request("/v1/stories");
    const b = await api.request("/v1/stories");
    expect(a.headers.get("x-cache")).toBeNull();
    expect(b.headers.get("x-cache")).toBe("hit");
    expect(b.body).toEqual(a.body);
    expect(b.headers.get("x-request-id")).not.toBe(a.headers.get("x-request-id"));
    expect(b.headers.get("content-security-policy")).toContain("default-src 'none'");
    const shared = buildApp(override(store, { backend: "server" } as Partial<Store>), { cacheTtlMs: 1000 });
    await shared.api.request("/v1/stories");
    expect((await shared.api.request("/v1/stories")).headers.get("x-cache")).toBe("hit");
    shared.clock.advance(1000);
    expect((await shared.api.request("/v1/stories")).headers.get("x-cache")).toBeNull();
  });

  it("never serves a read stale after a write through the API", async () => {
    const { api } = buildApp(store, { cacheTtlMs: 60_000 });
    const before = (await api.request("/v1/articles?limit=200")).body.items.length;
    await api.request("/v1/articles?limit=200"); // cached now
    const post = await api.request(
      "/v1/articles",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: "cache-1", text: fixtureArticles[13].text }),
      },
      LOOPBACK,
    );
    expect(post.status).toBe(201);
    const after = await api.request("/v1/articles?limit=200");
    expect(after.headers.get("x-cache")).toBeNull();
    expect(after.body.items.length).toBe(before + 1);
  });

  it("does not cache errors or when turned off", async () => {
    const { api } = buildApp(store, { cacheTtlMs: 1000 });
    await api.request("/v1/stories/none");
    expect((await api.request("/v1/stories/none")).headers.get("x-cache")).toBeNull();
    const off = buildApp(store, { cacheTtlMs: 0 }).api;
    await off.request("/v1/stories");
    expect((await off.request("/v1/stories")).headers.get("x-cache")).toBeNull();
  });
});
