import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { DASHBOARD_CSP, dashboardStatus } from "./dashboard.ts";
import { manualClock, useSeededStore } from "./test-support.ts";

const { store } = useSeededStore();
const BROWSER = { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head></html>';

let dist: string;
let missing: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), "newsfuse-web-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), INDEX);
  writeFileSync(join(dist, "assets/index-abc123.js"), "console.log('dashboard');\n");
  writeFileSync(join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  missing = mkdtempSync(join(tmpdir(), "newsfuse-web-none-"));
});
afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(missing, { recursive: true, force: true });
});

const app = (dir: string, config = {}) =>
  createApp({ store, clock: manualClock(), config: { rateLimit: null, ...config }, dashboard: { dir } });

describe("the dashboard served by the API", () => {
  it("serves index.html to a browser at / with its own CSP: scripts only from this server", async () => {
    const res = await app(dist).request("/", { headers: BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toBe(INDEX);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toBe(DASHBOARD_CSP);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers the client routes with index.html (the HTML fallback), so every view can be linked", async () => {
    for (const path of ["/stories/story-1", "/articles/000_05ad74a82993dd5c.txt", "/search", "/add"]) {
      const res = await app(dist).request(path, { headers: BROWSER });
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(INDEX);
    }
  });

  it("serves the hashed assets as immutable, with their media type", async () => {
    const res = await app(dist).request("/assets/index-abc123.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("cache-control")).toContain("immutable");
    const svg = await app(dist).request("/favicon.svg");
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("leaves the API unchanged: JSON at / for non-browsers, /v1, /openapi.json and /docs as before", async () => {
    const a = app(dist);
    const root = await a.request("/");
    expect(await root.json()).toMatchObject({ name: "newsfuse", docs: "/docs" });
    const stories = await a.request("/v1/stories", { headers: BROWSER });
    expect(stories.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await stories.json()).items).toHaveLength(1);
    const missingStory = await a.request("/v1/stories/nope", { headers: BROWSER });
    expect(missingStory.status).toBe(404);
    expect((await missingStory.json()).error.code).toBe("not_found");
    const doc = await a.request("/openapi.json", { headers: BROWSER });
    expect((await doc.json()).openapi).toBe("3.1.0");
    const docs = await a.request("/docs", { headers: BROWSER });
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-security-policy")).not.toBe(DASHBOARD_CSP);
    const unknown = await a.request("/nothing.json");
    expect(unknown.status).toBe(404);
  });

  it("never serves a file outside the build directory", async () => {
    for (const path of [
      "/../package.json",
      "/..%2f..%2fpackage.json",
      "/%2e%2e/%2e%2e/package.json",
      "/assets/..%5c..%5cx",
    ]) {
      const res = await app(dist).request(path);
      expect(res.status, path).toBe(404);
      const page = await app(dist).request(path, { headers: BROWSER });
      expect(await page.text(), path).toBe(INDEX);
    }
  });

  it("serves the page shell without a key when reads are closed; the data still needs it", async () => {
    const a = app(dist, { apiKey: "k".repeat(32), reads: "key" });
    expect((await a.request("/stories/x", { headers: BROWSER })).status).toBe(200);
    expect((await a.request("/assets/index-abc123.js")).status).toBe(200);
    expect((await a.request("/v1/stories", { headers: BROWSER })).status).toBe(401);
  });

  it("says how to build the dashboard when it is missing, in the page and in dashboardStatus", async () => {
    const res = await app(missing).request("/", { headers: BROWSER });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build -w apps/web");
    expect(dashboardStatus(missing)).toMatchObject({ built: false });
    expect((dashboardStatus(missing) as { message: string }).message).toContain("npm run build -w apps/web");
    expect(dashboardStatus(dist)).toEqual({ built: true, dir: dist });
    // The API itself is unaffected.
    expect((await app(missing).request("/v1/stats")).status).toBe(200);
  });

  it("can be turned off: the API alone", async () => {
    const a = createApp({ store, clock: manualClock(), config: { rateLimit: null }, dashboard: false });
    const res = await a.request("/stories/x", { headers: BROWSER });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});
