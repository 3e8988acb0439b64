import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StoryIndex, storyItem, type Article } from "@newsfuse/core";
import { freshStores } from "../../test/backends.ts";
import { analyzeRaw } from "./analyze-raw.ts";
import { articleOfLight, lightOf } from "./state.ts";
import { dateOf, placementOrder } from "./derive.ts";

// 1,099 headlines of 16 gold stories, cut from the stream dev set (core's fixture).
const SAMPLE = new URL("../../../core/fixtures/stream-sample.jsonl", import.meta.url).pathname;
const enc = new TextEncoder();
const inputs = readFileSync(SAMPLE, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line, i) => {
    const h = JSON.parse(line) as { id: string; title: string; url: string; published: string };
    const body = JSON.stringify({ id: h.id, title: h.title, text: h.title, published: h.published, url: h.url });
    return { body: enc.encode(`${body}\n`), contentType: "application/x-ndjson", origin: `stream-sample:${i + 1}` };
  });

const partition = (pairs: Iterable<[string, string | null]>) => {
  const by = new Map<string, string[]>();
  for (const [id, s] of pairs) if (s) by.set(s, [...(by.get(s) ?? []), id]);
  return [...by.values()].map((m) => m.sort().join(" ")).sort();
};

describe.each(freshStores("placer").slice(0, 1))("story assignment on the %s backend", (_name, open) => {
  it("stores the stories of core's incremental clustering, merges included, batch after batch", { timeout: 120_000 }, async () => {
    const batch = 64;
    // What core's StoryIndex makes of the same articles in the same order (each batch by date, then id,
    // fragments merged at the end of each batch).
    const index = new StoryIndex();
    const articles: Article[] = inputs.flatMap((r) => analyzeRaw(r.body, r.contentType, r.origin).articles.map((a) => a.article));
    for (let i = 0; i < articles.length; i += batch) {
      for (const a of placementOrder(articles.slice(i, i + batch).map((a) => ({ id: a.id, published: dateOf(a), a }))))
        index.add(storyItem(articleOfLight(lightOf(a.a, []))));
      index.flush();
    }
    expect(index.takeMerges().length).toBeGreaterThan(0);
    const expected = partition(index.assignments());

    const store = await open();
    try {
      await store.ingest(inputs, { batchSize: batch });
      const rows = await store.db.selectFrom("articles").select(["id", "story_id"]).execute();
      expect(rows).toHaveLength(articles.length);
      expect(partition(rows.map((r) => [r.id, r.story_id]))).toEqual(expected);
      // Every stored story is one that has articles (merged-away stories are gone after fusion).
      expect((await store.stats()).stories).toBe(expected.length);
    } finally {
      await store.close();
    }
  });
});
