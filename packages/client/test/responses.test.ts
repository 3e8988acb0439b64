import { LOOPBACK, fixtureArticles, useSeededApi } from "@newsfuse/api/test-support";
import { StorySort } from "@newsfuse/core/schema";
import { describe, expect, it } from "vitest";
import { ApiError, createClient } from "../src/index.ts";

const { app, fuser } = useSeededApi();
const client = () => createClient({ baseUrl: "http://newsfuse.test", fetch: (req) => app.fetch(req, LOOPBACK) });

// Every call below parses its answer with core's schema and throws on a mismatch, so reaching the
// assertions means each answer of the seeds store matched.
describe("every answer of the seeds store parses with core's schemas", () => {
  it("reads: stories in every order, articles, raw inputs, quotes, entities, discrepancies, search, stats", async () => {
    const c = client();
    for (const sort of StorySort.options) expect((await c.listStories({ sort, limit: 1 })).items).toHaveLength(1);
    const [story] = (await c.listStories()).items;
    expect(await c.getStory(story.id)).toMatchObject({ id: story.id });
    const bundle = await c.getStoryBundle(story.id);

    const articles = await c.listArticles({ story: story.id });
    expect(articles.items.map((a) => a.id).sort()).toEqual(bundle.articles.map((a) => a.id).sort());
    for (const a of articles.items) {
      const detail = await c.getArticle(a.id);
      expect(detail.storyId).toBe(story.id);
      const raw = await c.getRaw(a.id);
      expect(raw.contentType).toMatch(/^text\/plain/);
      expect(raw.body.length).toBeGreaterThan(1000);
    }
    const quotes = await c.listQuotes({ story: story.id, limit: 200 });
    expect(quotes.items.map((q) => q.id).sort()).toEqual(bundle.quotes.map((q) => q.id).sort());
    const entities = await c.listEntities({ story: story.id, limit: 200 });
    expect(entities.items.map((e) => e.id).sort()).toEqual(bundle.entities.map((e) => e.id).sort());
    expect((await c.listEntities({ story: "no-such-story" })).items).toEqual([]);
    await c.getEntity(entities.items[0].id);
    const disputes = await c.listDiscrepancies({ story: story.id });
    expect(disputes.items.length).toBe(story.discrepancyCount);
    expect((await c.search("Blinken", { limit: 5 })).articles.length).toBeGreaterThan(0);
    expect(await c.stats()).toMatchObject({ articles: 5, stories: 1 });
  });

  it("pages with the cursor it was given until nextCursor is null", async () => {
    const c = client();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await c.listArticles({ limit: 2, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
  });

  it("writes: analyze, an NDJSON batch, a delete", async () => {
    const c = client();
    const article = await c.analyze(fixtureArticles[0].text);
    expect(article.body.length).toBeGreaterThan(100);
    const batch = fixtureArticles.slice(1, 3).map((a) => ({ id: a.id, title: a.title, text: a.text }));
    const added = await c.addArticles(batch);
    expect(added.results).toHaveLength(2);
    expect(added.created).toBe(2);
    expect((await c.addArticles(batch[0])).known).toBe(1);
    await c.deleteArticle(batch[0].id);
    const gone = await c.getArticle(batch[0].id).catch((e: unknown) => e);
    expect(gone).toMatchObject({ code: "not_found", status: 404 });
    await fuser.idle();
  });

  it("reports a refused input with the API's code and details", async () => {
    const err = await client()
      .addArticles({ title: "no text" } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "bad_request", status: 400 });
    expect((err as ApiError).details.length).toBeGreaterThan(0);
  });
});
