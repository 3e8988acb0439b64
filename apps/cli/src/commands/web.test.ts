import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNewsServer, type NewsServer } from "@newsfuse/fetch/testing";
import type { Source } from "@newsfuse/core";
import { openStore } from "@newsfuse/store";
import { formatSource } from "./sources.ts";

// The sources, not a build in dist/ that may predate them.
const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const dirs: string[] = [];
let site: NewsServer;
beforeAll(async () => {
  site = await startNewsServer();
});
afterAll(async () => {
  await site?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

function env(dataDir: string, delayMs = 200): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    NEWSFUSE_DATA: dataDir,
    NEWSFUSE_FETCH_DELAY_MS: String(delayMs),
    NEWSFUSE_FETCH_BACKOFF_MS: "50",
  };
  delete e.DATABASE_URL;
  return e;
}

function start(args: string[], dataDir: string, delayMs?: number): ChildProcess & { out: () => string } {
  const p = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
    env: env(dataDir, delayMs),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  p.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
  p.stderr!.setEncoding("utf8").on("data", (d: string) => (out += d));
  return Object.assign(p, { out: () => out });
}

function cli(args: string[], dataDir: string, delayMs?: number): Promise<{ code: number | null; out: string }> {
  const p = start(args, dataDir, delayMs);
  return new Promise((resolve, reject) => {
    p.on("error", reject);
    p.on("close", (code) => resolve({ code, out: p.out() }));
  });
}

async function storedUrls(dataDir: string): Promise<string[]> {
  const store = await openStore({ dataDir, workers: 0, skipIndexes: true });
  try {
    const out: string[] = [];
    for await (const a of store.exportArticles()) out.push(a.article.provenance.url ?? "(none)");
    return out.map((u) => u.replace(site.url, "")).sort();
  } finally {
    await store.close();
  }
}

const STORED = [
  "/articles/assange.html",
  "/articles/stadia-full.html",
  "/articles/stadia.html",
  "/articles/weizsaecker.html",
];

describe("newsfuse ingest <url>", () => {
  it("stores a feed's articles with their URLs, skips the disallowed one; a second run is conditional and stores nothing", {
    timeout: 600_000,
  }, async () => {
    const data = tmp("newsfuse-web-cli-");
    const from = site.log.length;
    const first = await cli(["ingest", `${site.url}/feed.xml`, "--workers", "0"], data);
    const firstLog = site.log.slice(from);
    expect(first.out).toMatch(/3 new articles, 1 duplicates/); // the feed's full text of the Stadia review duplicates its page
    expect(first.out).toContain(`${site.url}/private/lawan.html: disallowed by ${site.url}/robots.txt`);
    expect(first.code).toBe(0);
    expect(await storedUrls(data)).toEqual(STORED);
    expect(firstLog.map((e) => e.path)).not.toContain("/private/lawan.html");

    const mid = site.log.length;
    const second = await cli(["ingest", `${site.url}/feed.xml`, "--workers", "0"], data);
    const secondLog = site.log.slice(mid);
    expect(second.out).toMatch(/0 new articles/);
    expect(second.out).toContain("not modified since the last fetch");
    expect(secondLog.map((e) => `${e.path} ${e.status} ${e.ifNoneMatch}`)).toEqual([
      "/robots.txt 200 null",
      '/feed.xml 304 "feed-0"',
    ]);
    expect(await storedUrls(data)).toEqual(STORED);
    // The request logs of both runs, for the record (docs/sources.md quotes them).
    console.log(`first run:\n${site.format(firstLog)}\nsecond run:\n${site.format(secondLog)}`);
    // One request at a time per host, at least the configured delay apart.
    for (let i = 1; i < firstLog.length; i++) expect(firstLog[i].t - firstLog[i - 1].t).toBeGreaterThanOrEqual(190);
  });
});

describe("newsfuse sources and watch", () => {
  it("subscribes from an OPML file, lists the sources' health, removes one", { timeout: 600_000 }, async () => {
    const data = tmp("newsfuse-sources-");
    const opml = join(tmp("newsfuse-opml-"), "subs.opml");
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><body><outline text="x" xmlUrl="${site.url}/feed.xml"/><outline text="y" xmlUrl="${site.url}/atom.xml"/></body></opml>`,
    );
    const added = await cli(["sources", "add", opml, `${site.url}/feed.json`], data);
    expect(added.code).toBe(0);
    expect(added.out.match(/^added src_/gm)).toHaveLength(3);
    const page = await cli(["sources", "add", `${site.url}/articles/lawan.html`], data);
    expect(page.code).toBe(1);
    expect(page.out).toContain("a web page, not an RSS, Atom or JSON Feed");
    const polled = await cli(["watch", "--once", "--workers", "0"], data);
    expect(polled.code).toBe(0);
    const list = await cli(["sources", "list", "--json"], data);
    const sources = JSON.parse(list.out) as Source[];
    expect(sources.map((s) => [s.url.replace(site.url, ""), s.state.lastStatus, s.state.itemsSeen])).toEqual([
      ["/feed.xml", "ok", 5],
      ["/atom.xml", "ok", 1],
      ["/feed.json", "ok", 1],
    ]);
    expect(formatSource(sources[0], Date.parse(sources[0].state.lastFetchAt!) + 5000)).toMatch(
      /last fetch 5s ago, ok \(200\); 5 items seen; next poll in \d+m \(every 1800s\)/,
    );
    const removed = await cli(["sources", "remove", sources[1].id], data);
    expect(removed.out).toContain(`removed ${sources[1].id}`);
  });

  it("serve --watch polls the subscribed feeds and GET /v1/sources shows their health", {
    timeout: 600_000,
  }, async () => {
    const data = tmp("newsfuse-serve-watch-");
    expect((await cli(["sources", "add", `${site.url}/feed.json`], data)).code).toBe(0);
    const s = start(["serve", "--watch", "--port", "0", "--quiet"], data);
    try {
      let url: string | undefined;
      for (let i = 0; i < 1200 && !url; i++) {
        url = /newsfuse API on (http:\/\/\S+)/.exec(s.out())?.[1];
        if (!url) await new Promise((r) => setTimeout(r, 100));
      }
      expect(url, s.out()).toBeDefined();
      let sources: Array<{ state: { lastStatus: string | null; itemsSeen: number } }> = [];
      for (let i = 0; i < 600; i++) {
        sources = ((await (await fetch(`${url}/v1/sources`)).json()) as { items: typeof sources }).items;
        if (sources[0]?.state.lastStatus) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(sources[0].state).toMatchObject({ lastStatus: "ok", itemsSeen: 1 });
      const articles = (await (await fetch(`${url}/v1/articles`)).json()) as { items: unknown[] };
      expect(articles.items).toHaveLength(1);
    } finally {
      s.kill("SIGTERM");
      await new Promise((r) => s.once("close", r));
    }
  });

  it("resumes after kill -9 without fetching an item twice", { timeout: 600_000 }, async () => {
    const data = tmp("newsfuse-watch-");
    expect((await cli(["sources", "add", `${site.url}/feed.xml`], data)).code).toBe(0);
    const from = site.log.length;
    // 1.5 s between requests to the host: the watcher is killed in such a pause, after two pages arrived.
    const w = start(["watch", "--workers", "0", "--min-interval", "60"], data, 1500);
    const pages = () => site.log.slice(from).filter((e) => e.path.startsWith("/articles/") || e.path === "/old/stadia");
    for (let i = 0; i < 600 && pages().filter((e) => e.status === 200).length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 700));
    w.kill("SIGKILL");
    await new Promise((r) => w.once("close", r));
    const before = pages().length;
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(4);

    const again = await cli(["watch", "--once", "--workers", "0"], data, 200);
    expect(again.code).toBe(0);
    const all = site.log.slice(from).filter((e) => e.path !== "/robots.txt" && e.path !== "/feed.xml");
    const counts = new Map<string, number>();
    for (const e of all) counts.set(e.path, (counts.get(e.path) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect([...counts.keys()].sort()).toEqual([
      "/articles/assange.html",
      "/articles/stadia.html",
      "/articles/weizsaecker.html",
      "/old/stadia",
    ]);
    expect(await storedUrls(data)).toEqual(STORED);
  });
});
