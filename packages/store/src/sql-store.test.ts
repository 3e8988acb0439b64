import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { NewsfuseFailure } from "@newsfuse/core";
import { openStore } from "./open.ts";
import type { SqlStore } from "./sql-store.ts";
import { createDatabase } from "./harness/postgres.ts";
import { fixtureInputs, seedInputs, seedVariant, snapshot } from "../test/inputs.ts";

const enc = new TextEncoder();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// Creating a PGlite cluster (initdb) costs seconds; tests copy one migrated, empty data directory instead.
let template = "";
beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), "newsfuse-template-"));
  dirs.push(template);
  await (await openStore({ dataDir: template, databaseUrl: "", skipIndexes: true })).close();
});
function freshDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  cpSync(join(template, "pgdata"), join(dir, "pgdata"), { recursive: true });
  return dir;
}

let dbCounter = 0;
// Analysis in-thread (workers: 0) keeps these tests quick; the worker pool has its own test below.
const backends: Array<[string, (workers?: number) => Promise<SqlStore>]> = [
  ["embedded", async (workers = 0) => openStore({ dataDir: freshDir("newsfuse-store-"), databaseUrl: "", workers })],
  [
    "server",
    async (workers = 0) =>
      openStore({ databaseUrl: await createDatabase(inject("pgUrl"), `store_${process.pid}_${dbCounter++}`), workers }),
  ],
];

describe.each(backends)("%s store", (backend, open) => {
  it("ingests the seeds into one story with entities, quotes and searchable text", async () => {
    const store = await open();
    try {
      expect(store.backend).toBe(backend);
      const results = await store.ingest(seedInputs());
      expect(results.map((r) => r.status)).toEqual(["created", "created", "created", "created", "created"]);
      const stats = await store.stats();
      expect(stats).toMatchObject({ inputs: 5, articles: 5, duplicates: 0, duplicateGroups: 0, stories: 1 });
      expect(stats.entities).toBeGreaterThan(5);
      expect(stats.quotes).toBeGreaterThan(5);
      const { items } = await store.listStories({});
      expect(items).toHaveLength(1);
      expect(items[0]!.articleCount).toBe(5);
      const story = await store.getStory(items[0]!.id);
      expect(story?.articles.map((a) => a.id).sort()).toEqual(results.map((r) => (r as { id: string }).id).sort());
      const found = await store.search("Lavrov");
      expect(found.articles.length).toBe(5);
      expect(found.entities.some((e) => /lavrov/i.test(e.name))).toBe(true);
      expect((await store.listStories({ q: "Stockholm" })).items).toHaveLength(1);
      expect((await store.listStories({ q: "zebra giraffe" })).items).toHaveLength(0);
      expect(await store.ready()).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("reports the same input twice as already known and changes nothing", async () => {
    const store = await open();
    try {
      await store.ingest(seedInputs());
      const before = await snapshot(store);
      const again = await store.ingest([...seedInputs(), seedInputs()[0]!]);
      expect(again.map((r) => r.status)).toEqual(["known", "known", "known", "known", "known", "known"]);
      expect(await snapshot(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it("stores a near-duplicate of a seed and links it to the seed's group and story", async () => {
    const store = await open();
    try {
      const seeds = await store.ingest(seedInputs());
      const [r] = await store.ingest([seedVariant(2, "trimmed-copy.txt")]);
      expect(r).toMatchObject({ status: "duplicate", id: "trimmed-copy.txt", duplicateOf: "002_b662277d12457799.txt" });
      const detail = await store.getArticle("trimmed-copy.txt");
      expect(detail?.duplicateGroup?.articles.sort()).toEqual(["002_b662277d12457799.txt", "trimmed-copy.txt"]);
      expect(detail?.storyId).toBe((seeds[2] as { storyId: string }).storyId);
      expect((await store.stats()).duplicates).toBe(1);
    } finally {
      await store.close();
    }
  });

  it("lists failed inputs with their reason and stores the rest", async () => {
    const store = await open();
    try {
      const results = await store.ingest([
        { body: new Uint8Array(), contentType: "text/plain", origin: "empty.txt" },
        { body: new Uint8Array([0x47, 0, 1, 2]), contentType: "text/plain", origin: "image.txt" },
        seedInputs()[1]!,
      ]);
      expect(results).toEqual([
        expect.objectContaining({ status: "error", input: "empty.txt", code: "input_empty" }),
        expect.objectContaining({ status: "error", input: "image.txt", code: "input_binary" }),
        expect.objectContaining({ status: "created", id: "001_57e72f795a792d39.txt" }),
      ]);
      expect((await store.stats()).inputs).toBe(1);
    } finally {
      await store.close();
    }
  });

  it("pages through articles with a cursor and keeps raw inputs verbatim", async () => {
    const store = await open();
    try {
      const inputs = [...seedInputs(), ...fixtureInputs().slice(0, 6)];
      await store.ingest(inputs, { batchSize: 4 });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listArticles({ limit: 4, cursor });
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(11);
      expect(new Set(seen).size).toBe(11);
      const raw = await store.getRaw("003_6c04b11d307fba50.txt");
      expect(raw?.body).toEqual(inputs[3]!.body);
      expect(raw?.origin).toBe("seeds/003_6c04b11d307fba50.txt");
      await expect(store.listArticles({ cursor: "not a cursor" })).rejects.toMatchObject({
        error: { code: "input_malformed" },
      });
    } finally {
      await store.close();
    }
  });

  it("reanalyze rebuilds the same articles, stories and groups from the raw inputs", async () => {
    const store = await open();
    try {
      await store.ingest([...seedInputs(), seedVariant(0), ...fixtureInputs().slice(0, 8)], { batchSize: 3 });
      const before = await snapshot(store);
      expect(before.groups.length).toBe(1);
      const r = await store.reanalyze();
      expect(r.articles).toBe(before.articles.length);
      expect(await snapshot(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it("deletes an article, its group membership and re-fuses its story", async () => {
    const store = await open();
    try {
      await store.ingest([...seedInputs(), seedVariant(2, "copy.txt")]);
      expect(await store.deleteArticle("copy.txt")).toBe(true);
      expect(await store.deleteArticle("copy.txt")).toBe(false);
      const s = await store.stats();
      expect(s).toMatchObject({ inputs: 5, articles: 5, duplicateGroups: 0 });
      const story = (await store.listStories({})).items[0]!;
      expect(story.articleCount).toBe(5);
      // The deleted input is not "known" any more: it can come back.
      expect((await store.ingest([seedVariant(2, "copy.txt")]))[0]!.status).toBe("duplicate");
    } finally {
      await store.close();
    }
  });

  it("analyzes on worker threads with the same outcome as in-thread", async () => {
    const inThread = await open(0);
    const pooled = await open(2);
    try {
      const inputs = [...seedInputs(), ...fixtureInputs().slice(0, 5)];
      const a = await inThread.ingest(inputs, { batchSize: 4 });
      const b = await pooled.ingest(inputs, { batchSize: 4 });
      expect(b.map((r) => r.status)).toEqual(a.map((r) => r.status));
      const sa = await snapshot(inThread);
      const sb = await snapshot(pooled);
      expect(sb.articles).toEqual(sa.articles);
      expect(sb.stories).toEqual(sa.stories);
    } finally {
      await inThread.close();
      await pooled.close();
    }
  });

  it("emits progress and story events to subscribers", async () => {
    const store = await open();
    try {
      const events: string[] = [];
      const off = store.subscribe((e) => events.push(e.type));
      await store.ingest(seedInputs().slice(0, 2), { batchSize: 1 });
      off();
      await store.ingest(seedInputs().slice(2, 3));
      // Story events follow the call's settled stories: the two seeds' one story, created once.
      expect(events).toEqual(["ingest.progress", "ingest.progress", "story.created"]);
    } finally {
      await store.close();
    }
  });
});

describe("embedded store", () => {
  it("refuses a second opener of the same directory, naming the holder", async () => {
    const dir = freshDir("newsfuse-lock-");
    const first = await openStore({
      dataDir: dir,
      databaseUrl: "",
      command: "newsfuse ingest big-feed.xml",
      skipIndexes: true,
    });
    try {
      const second = openStore({ dataDir: dir, databaseUrl: "" });
      await expect(second).rejects.toBeInstanceOf(NewsfuseFailure);
      await expect(second).rejects.toMatchObject({ error: { code: "store_locked" } });
    } finally {
      await first.close();
    }
    const reopened = await openStore({ dataDir: dir, databaseUrl: "", skipIndexes: true });
    await reopened.close();
  });

  it("reloads its indexes on reopen: a copy of an article stored earlier is still found", async () => {
    const dir = freshDir("newsfuse-reopen-");
    const a = await openStore({ dataDir: dir, databaseUrl: "", workers: 0 });
    await a.ingest(seedInputs());
    await a.close();
    const b = await openStore({ dataDir: dir, databaseUrl: "", workers: 0 });
    try {
      const [r] = await b.ingest([
        { body: enc.encode(seedVariantText()), contentType: "text/plain", origin: "again.txt" },
      ]);
      expect(r).toMatchObject({ status: "duplicate", duplicateOf: "004_96b30b9797db3545.txt" });
    } finally {
      await b.close();
    }
  });
});

function seedVariantText(): string {
  return new TextDecoder().decode(seedVariant(4).body);
}
