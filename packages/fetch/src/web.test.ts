import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type SqlStore } from "@newsfuse/store";
import { Fetcher } from "./fetcher.ts";
import { startNewsServer, type NewsServer } from "./testing/server.ts";
import { ingestUrls } from "./web.ts";

let site: NewsServer;
let store: SqlStore;
let dir: string;
beforeAll(async () => {
  site = await startNewsServer();
  dir = mkdtempSync(join(tmpdir(), "newsfuse-web-"));
  store = await openStore({ dataDir: dir, workers: 0 });
}, 120_000);
afterAll(async () => {
  await store?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const fetcher = () => new Fetcher({ allowPrivate: true, minDelayMs: 100, backoffBaseMs: 20 });

async function urls(): Promise<Array<string | null>> {
  const out: Array<string | null> = [];
  for await (const a of store.exportArticles()) out.push(a.article.provenance.url);
  return out.sort();
}

describe("ingestUrls", () => {
  it("stores a feed's articles by their canonical URLs, skips the disallowed one, takes full text from the feed", {
    timeout: 120_000,
  }, async () => {
    const r = await ingestUrls(store, [`${site.url}/feed.xml`], { fetcher: fetcher(), allowPrivate: true });
    const by = Object.fromEntries(r.outcomes.map((o) => [o.url.replace(site.url, ""), o]));
    expect(by["/articles/weizsaecker.html"].outcome).toBe("stored");
    expect(by["/articles/assange.html"].outcome).toBe("stored"); // utm_* stripped
    expect(by["/private/lawan.html"]).toMatchObject({
      outcome: "skipped",
      detail: expect.stringContaining("robots.txt"),
    });
    expect(by["/old/stadia"].outcome).toBe("stored");
    expect(by["/articles/stadia-full.html"]).toMatchObject({ outcome: "stored", detail: "the feed's own text" });
    expect(site.hits("/private/lawan.html")).toHaveLength(0);
    expect(site.hits("/articles/stadia-full.html")).toHaveLength(0);
    expect(r.results.filter((x) => x.status === "created" || x.status === "duplicate")).toHaveLength(4);
    expect(await urls()).toEqual(
      [
        "/articles/assange.html",
        "/articles/stadia-full.html",
        "/articles/stadia.html",
        "/articles/weizsaecker.html",
      ].map((p) => site.url + p),
    );
  });

  it("sends conditional requests on the second run and stores nothing new", { timeout: 60_000 }, async () => {
    const from = site.log.length;
    const r = await ingestUrls(store, [`${site.url}/feed.xml`], { fetcher: fetcher(), allowPrivate: true });
    expect(r.outcomes).toEqual([expect.objectContaining({ outcome: "unchanged" })]);
    expect(r.results).toEqual([]);
    const second = site.log.slice(from);
    expect(second.map((e) => `${e.path} ${e.status} ${e.ifNoneMatch}`)).toEqual([
      "/robots.txt 200 null",
      '/feed.xml 304 "feed-0"',
    ]);
  });

  it("takes a page reached through another link, or naming a stored page canonical, as the same input", {
    timeout: 60_000,
  }, async () => {
    const r = await ingestUrls(
      store,
      [`${site.url}/amp/assange.html`, `${site.url}/articles/stadia.html?utm_campaign=x`],
      {
        fetcher: fetcher(),
        allowPrivate: true,
      },
    );
    expect(r.outcomes.map((o) => o.outcome).sort()).toEqual(["known", "known"]);
    expect(r.results).toEqual([]);
  });

  it("adds every feed of an OPML list; a JSON Feed's items are fetched like RSS ones", {
    timeout: 60_000,
  }, async () => {
    const r = await ingestUrls(store, [`${site.url}/subs.opml`, `${site.url}/feed.json`], {
      fetcher: fetcher(),
      allowPrivate: true,
    });
    const atomItem = r.outcomes.find((o) => o.url === `${site.url}/articles/lawan.html`);
    expect(atomItem?.outcome).toBe("stored");
    expect(r.outcomes.find((o) => o.url === `${site.url}/feed.xml`)?.outcome).toBe("unchanged");
    expect(r.outcomes.find((o) => o.url === `${site.url}/articles/weizsaecker.html`)?.outcome).toBe("known");
  });

  it("refuses a loopback URL when private addresses are not allowed", async () => {
    const r = await ingestUrls(store, [`${site.url}/articles/lawan.html`], {
      fetcher: new Fetcher({ minDelayMs: 0 }),
      allowPrivate: false,
    });
    expect(r.outcomes).toEqual([
      expect.objectContaining({ outcome: "skipped", detail: expect.stringContaining("private") }),
    ]);
  });
});
