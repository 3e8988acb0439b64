import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startNewsServer, type NewsServer } from "@newsfuse/fetch/testing";
import { LOOPBACK, REMOTE, useSeededApi } from "../test-support.ts";

const { api } = useSeededApi();
let site: NewsServer;
beforeAll(async () => {
  site = await startNewsServer();
});
afterAll(async () => {
  await site?.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

// The local news site is on loopback: the operator's switch lets the server fetch from it.
const allowLoopback = () => {
  vi.stubEnv("NEWSFUSE_FETCH_ALLOW_PRIVATE", "1");
  vi.stubEnv("NEWSFUSE_FETCH_DELAY_MS", "50");
};
const post = (path: string, body: unknown, env = LOOPBACK) =>
  api.request(
    path,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    env,
  );

describe("/v1/sources", () => {
  it("subscribes to a feed once, lists it with its health, and removes it", { timeout: 60_000 }, async () => {
    allowLoopback();
    const first = await post("/v1/sources", { url: `${site.url}/feed.xml?utm_source=x` });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      url: `${site.url}/feed.xml`,
      title: "Loopback News",
      addedBy: "api",
      state: { lastFetchAt: null, itemsSeen: 0, failures: 0 },
    });
    const again = await post("/v1/sources", { url: `${site.url}/feed.xml` });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const list = await api.request("/v1/sources");
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([first.body.id]);
    const del = await api.request(`/v1/sources/${first.body.id}`, { method: "DELETE" }, LOOPBACK);
    expect(del.status).toBe(204);
    expect((await api.request(`/v1/sources/${first.body.id}`, { method: "DELETE" }, LOOPBACK)).status).toBe(404);
  });

  it("refuses a page that is not a feed, and writes from elsewhere without a key", { timeout: 60_000 }, async () => {
    allowLoopback();
    const page = await post("/v1/sources", { url: `${site.url}/articles/lawan.html` });
    expect(page.status).toBe(415);
    expect(page.body.error.message).toContain("a web page");
    const remote = await post("/v1/sources", { url: `${site.url}/feed.xml` }, REMOTE);
    expect(remote.status).toBe(403);
    const bad = await post("/v1/sources", { url: "ftp://example.org/feed" });
    expect(bad.status).toBe(400);
  });

  it("refuses loopback, private and link-local addresses unless the operator allows them", async () => {
    const before = site.log.length;
    for (const url of [
      `${site.url}/feed.xml`,
      site.url.replace("127.0.0.1", "localhost"),
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/feed",
      "http://[::1]/feed",
    ]) {
      const r = await post("/v1/sources", { url });
      expect(r.status, url).toBe(403);
      expect(r.body.error.message).toMatch(/private, loopback or link-local/);
    }
    const page = await post("/v1/articles", { url: `${site.url}/articles/lawan.html` });
    expect(page.status).toBe(403);
    expect(site.log.length).toBe(before);
  });
});

describe("POST /v1/articles with a URL", () => {
  it("fetches the page and stores it under its URL; robots.txt is obeyed", { timeout: 60_000 }, async () => {
    allowLoopback();
    const r = await post("/v1/articles", { url: `${site.url}/articles/weizsaecker.html` });
    expect(r.status).toBe(201);
    expect(r.body.created).toBe(1);
    const detail = await api.request(`/v1/articles/${encodeURIComponent(r.body.results[0].id)}`);
    expect(detail.body.origin).toBe(`${site.url}/articles/weizsaecker.html`);
    expect(detail.body.article.provenance.url).toBe(`${site.url}/articles/weizsaecker.html`);
    expect(detail.body.article.body).toContain("Richard von Weizsäcker");
    const secret = await post("/v1/articles", { url: `${site.url}/private/lawan.html` });
    expect(secret.status).toBe(403);
    expect(secret.body.error.message).toContain("robots.txt");
    const missing = await post("/v1/articles", { url: `${site.url}/nothing.html` });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("input_missing");
  });
});
