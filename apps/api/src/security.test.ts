import { beforeAll, describe, expect, it } from "vitest";
import { LOOPBACK, REMOTE, buildApp, fixtureArticles, fromAddress, override, useSeededStore } from "./test-support.ts";

const { store } = useSeededStore();

// Each write gets its own real article, so none is (rightly) answered as a duplicate of another.
let next = 0;
const article = (id: string) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ id, text: fixtureArticles[next++ % 5].text }),
});

describe("writes without a configured key", () => {
  it("are accepted from loopback (IPv4, IPv6 and mapped) and refused from anywhere else", async () => {
    const { api } = buildApp(store);
    expect((await api.request("/v1/articles", article("lb-4"), LOOPBACK)).status).toBe(201);
    expect((await api.request("/v1/articles", article("lb-6"), fromAddress("::1"))).status).toBe(201);
    expect((await api.request("/v1/articles", article("lb-m"), fromAddress("::ffff:127.0.0.1"))).status).toBe(201);
    const remote = await api.request("/v1/articles", article("remote"), REMOTE);
    expect(remote.status).toBe(403);
    expect(remote.body.error.message).toContain("NEWSFUSE_API_KEY");
    expect((await api.request("/v1/articles/remote")).status).toBe(404);
    expect((await api.request("/v1/articles/lb-4", { method: "DELETE" }, REMOTE)).status).toBe(403);
  });

  it("do not trust X-Forwarded-For unless told to", async () => {
    const { api } = buildApp(store);
    const spoofed = {
      ...article("xff"),
      headers: { "content-type": "application/json", "x-forwarded-for": "127.0.0.1" },
    };
    expect((await api.request("/v1/articles", spoofed, REMOTE)).status).toBe(403);
  });

  it("leave reads open to everyone", async () => {
    const { api } = buildApp(store);
    expect((await api.request("/v1/stories", {}, REMOTE)).status).toBe(200);
  });
});

describe("with NEWSFUSE_API_KEY configured", () => {
  let keyed: ReturnType<typeof buildApp>["api"];
  beforeAll(() => {
    keyed = buildApp(store, { apiKey: "s3cret-key" }).api;
  });

  it("401 with a Bearer challenge when the key is missing, even from loopback", async () => {
    const r = await keyed.request("/v1/articles", article("k1"), LOOPBACK);
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("403 for a wrong key or a malformed header", async () => {
    for (const auth of ["Bearer wrong", "Bearer s3cret-key-longer", "Basic czNjcmV0LWtleQ==", "Bearer"]) {
      const init = { ...article("k2"), headers: { "content-type": "application/json", authorization: auth } };
      expect((await keyed.request("/v1/articles", init, REMOTE)).status).toBe(403);
    }
  });

  it("accepts the right key from any address", async () => {
    const init = {
      ...article("k3"),
      headers: { "content-type": "application/json", authorization: "Bearer s3cret-key" },
    };
    expect((await keyed.request("/v1/articles", init, REMOTE)).status).toBe(201);
  });
});

describe("reads closed by config", () => {
  it("need the key, but probes and docs stay open", async () => {
    const { api } = buildApp(store, { apiKey: "k", reads: "key" });
    expect((await api.request("/v1/stories", {}, REMOTE)).status).toBe(401);
    expect((await api.request("/v1/stories", { headers: { authorization: "Bearer k" } }, REMOTE)).status).toBe(200);
    for (const p of ["/healthz", "/readyz", "/openapi.json", "/docs"])
      expect((await api.request(p, {}, REMOTE)).status).toBe(200);
  });

  it("without a key, are served to loopback only", async () => {
    const { api } = buildApp(store, { reads: "key" });
    expect((await api.request("/v1/stories", {}, REMOTE)).status).toBe(403);
    expect((await api.request("/v1/stories", {}, LOOPBACK)).status).toBe(200);
  });
});

describe("headers on every response", () => {
  it("carry a request id (a fresh one, or the caller's when well-formed) and security headers", async () => {
    const { api } = buildApp(store);
    const ok = await api.request("/v1/stories");
    const missing = await api.request("/nowhere");
    for (const r of [ok, missing]) {
      expect(r.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(r.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    }
    const mine = await api.request("/healthz", { headers: { "x-request-id": "trace-42" } });
    expect(mine.headers.get("x-request-id")).toBe("trace-42");
    const evil = await api.request("/healthz", { headers: { "x-request-id": "a\tb<script>" } });
    expect(evil.headers.get("x-request-id")).not.toContain("<");
  });

  it("log one structured line per request with the same request id", async () => {
    const { api, logs } = buildApp(store);
    const r = await api.request("/v1/stories/none");
    const line = logs.find((l) => l.msg === "request" && l.path === "/v1/stories/none");
    expect(line).toMatchObject({ level: "warn", method: "GET", status: 404, requestId: r.headers.get("x-request-id") });
    expect(JSON.parse(JSON.stringify(line))).toEqual(line);
  });

  it("answer CORS for the configured dashboard origin only", async () => {
    const { api } = buildApp(store, { corsOrigins: ["http://localhost:5173"] });
    const pre = await api.request("/v1/articles", {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const other = await api.request("/v1/stories", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const none = buildApp(store).api;
    expect(
      (await none.request("/v1/stories", { headers: { origin: "http://localhost:5173" } })).headers.get(
        "access-control-allow-origin",
      ),
    ).toBeNull();
  });
});

describe("failures never leak internals", () => {
  it("turn a store crash into a 500 with the error shape and no stack, logged with the stack", async () => {
    const broken = override(store, {
      listStories: async () => {
        throw new Error('relation "stories" does not exist at /srv/db.ts:12');
      },
    });
    const { api, logs } = buildApp(broken);
    const r = await api.request("/v1/stories");
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe("internal");
    expect(JSON.stringify(r.body)).not.toMatch(/relation|db\.ts|at /);
    expect(r.body.error.message).toContain(r.headers.get("x-request-id"));
    expect(logs.some((l) => l.level === "error" && String(l.stack).includes("db.ts"))).toBe(true);
  });

  it("map a store's domain error through the code table", async () => {
    const locked = override(store, {
      listStories: async () => {
        throw Object.assign(new Error("locked"), {
          error: { code: "store_locked", message: "store is locked by pid 42" },
        });
      },
    });
    const r = await buildApp(locked).api.request("/v1/stories");
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ code: "store_locked", message: "store is locked by pid 42" });
  });
});
