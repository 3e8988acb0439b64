import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type SqlStore } from "@newsfuse/store";
import { Fetcher } from "./fetcher.ts";
import { Poller, failureDelaySeconds, nextInterval } from "./poller.ts";
import { startNewsServer, type NewsServer } from "./testing/server.ts";

let site: NewsServer;
let store: SqlStore;
let dir: string;
beforeAll(async () => {
  site = await startNewsServer();
  dir = mkdtempSync(join(tmpdir(), "newsfuse-poll-"));
  store = await openStore({ dataDir: dir, workers: 0 });
}, 120_000);
afterAll(async () => {
  await store?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const bounds = { minIntervalSeconds: 60, maxIntervalSeconds: 3600 };

describe("Poller", () => {
  it("takes each new item once, polls conditionally, and adapts the interval to how often the feed changes", {
    timeout: 120_000,
  }, async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const poller = new Poller(store, {
      fetcher: new Fetcher({ allowPrivate: true, minDelayMs: 50 }),
      bounds,
      now: () => now,
    });
    const { source } = await store.sources.add(
      { url: `${site.url}/feed.xml`, addedBy: "cli" },
      { now: new Date(now), intervalSeconds: 600 },
    );
    const first = await poller.poll(source);
    expect(first).toMatchObject({ status: "ok", newItems: 5 });
    let s = (await store.sources.get(source.id))!;
    expect(s.state).toMatchObject({ lastStatus: "ok", itemsSeen: 5, intervalSeconds: 300, failures: 0 });
    expect(s.title).toBe("Loopback News");
    expect(Date.parse(s.state.nextPollAt) - now).toBe(300_000);

    now += 300_000;
    const from = site.log.length;
    const second = await poller.poll(s);
    expect(second).toMatchObject({ status: "unchanged", newItems: 0 });
    expect(site.log.slice(from).map((e) => `${e.path} ${e.status} ${e.ifNoneMatch}`)).toEqual([
      '/feed.xml 304 "feed-0"',
    ]);
    s = (await store.sources.get(source.id))!;
    expect(s.state.intervalSeconds).toBe(450);

    site.publish("lawan-public");
    now += 450_000;
    const third = await poller.poll(s);
    expect(third).toMatchObject({ status: "ok", newItems: 1 });
    // Only the new item's page was fetched; the others are known from the first poll.
    expect(site.log.slice(from + 1).map((e) => e.path)).toEqual(["/feed.xml", "/articles/lawan.html"]);
    s = (await store.sources.get(source.id))!;
    expect(s.state).toMatchObject({ itemsSeen: 6, intervalSeconds: 225 });
  });

  it("backs off a failing source and records why", { timeout: 60_000 }, async () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const poller = new Poller(store, {
      fetcher: new Fetcher({ allowPrivate: true, minDelayMs: 0, retries: 0 }),
      bounds,
      now: () => now,
    });
    const { source } = await store.sources.add(
      { url: `${site.url}/broken.html`, addedBy: "cli" },
      { now: new Date(now), intervalSeconds: 600 },
    );
    await poller.poll(source);
    await poller.poll((await store.sources.get(source.id))!);
    const s = (await store.sources.get(source.id))!;
    expect(s.state).toMatchObject({ lastStatus: "error", httpStatus: 503, failures: 2, intervalSeconds: 600 });
    expect(s.state.lastError).toContain("HTTP 503");
    expect(Date.parse(s.state.nextPollAt) - now).toBe(2400_000);
  });

  it("records a poll whose store write failed as a failure of that source, and goes on", {
    timeout: 60_000,
  }, async () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    const broken = {
      sources: store.sources,
      ingest: async () => {
        throw new Error("disk full");
      },
    };
    const { source } = await store.sources.add(
      { url: `${site.url}/feed.json`, addedBy: "cli" },
      { now: new Date(now), intervalSeconds: 600 },
    );
    const poller = new Poller(broken, {
      fetcher: new Fetcher({ allowPrivate: true, minDelayMs: 0 }),
      bounds,
      now: () => now,
    });
    const results = await poller.pollDue();
    expect(results.find((r) => r.source === source.id)).toMatchObject({ status: "error", error: "disk full" });
    expect((await store.sources.get(source.id))!.state).toMatchObject({ failures: 1, lastError: "disk full" });
  });

  it("does not let a source added through the API reach a loopback address", async () => {
    const now = Date.now();
    const poller = new Poller(store, { fetcher: new Fetcher({ minDelayMs: 0 }), bounds, now: () => now });
    const { source } = await store.sources.add(
      { url: `${site.url}/atom.xml`, addedBy: "api" },
      { now: new Date(now), intervalSeconds: 600 },
    );
    const r = await poller.poll(source);
    expect(r).toMatchObject({ status: "refused", error: expect.stringContaining("private") });
  });
});

describe("polling intervals", () => {
  it("halve after a change, grow by half without one, stay within bounds", () => {
    expect(nextInterval(600, true, bounds)).toBe(300);
    expect(nextInterval(100, true, bounds)).toBe(60);
    expect(nextInterval(3000, false, bounds)).toBe(3600);
    expect(failureDelaySeconds(600, 1, bounds)).toBe(1200);
    expect(failureDelaySeconds(600, 5, bounds)).toBe(3600);
  });
});
