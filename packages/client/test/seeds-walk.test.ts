import { LOOPBACK, seedRewrite, useSeededApi } from "@newsfuse/api/test-support";
import { describe, expect, it } from "vitest";
import { ApiError, createClient, type StreamItem } from "../src/index.ts";

const { app, fuser } = useSeededApi();
/** The client over the app in process: no port; the app sees a loopback peer, so writes need no key. */
const client = () => createClient({ baseUrl: "http://newsfuse.test", fetch: (req) => app.fetch(req, LOOPBACK) });

describe("the client walks the seeds in process", () => {
  it("lists the story, opens its bundle and follows a quote to the span of its article", async () => {
    const c = client();
    const page = await c.listStories();
    expect(page.items).toHaveLength(1);
    const [summary] = page.items;
    expect(summary.articleCount).toBe(5);
    expect(summary.originCount).toBe(5);

    const bundle = await c.getStoryBundle(summary.id);
    expect(bundle.story.id).toBe(summary.id);
    expect(bundle.articles.map((a) => a.id).sort()).toEqual(bundle.story.articles.map((a) => a.id).sort());
    expect(bundle.quotes.length).toBe(summary.quoteCount);

    const quote = bundle.quotes.find((q) => q.text.includes("high-impact economic measures"))!;
    expect(quote).toBeDefined();
    for (const occ of quote.occurrences) {
      const { article } = await c.getArticle(occ.article);
      expect(article.body.slice(occ.start, occ.end)).toBe(occ.text);
    }
  });

  it("reads an entity of the bundle and finds it by search", async () => {
    const c = client();
    const [story] = (await c.listStories()).items;
    const bundle = await c.getStoryBundle(story.id);
    const lavrov = bundle.entities.find((e) => e.name.includes("Lavrov"))!;
    expect(lavrov.type).toBe("person");
    const detail = await c.getEntity(lavrov.id);
    expect(detail.entity.id).toBe(lavrov.id);
    expect(detail.stories.map((s) => s.id)).toContain(story.id);
    const hits = await c.search("Lavrov");
    expect(hits.entities.map((e) => e.id)).toContain(lavrov.id);
    expect(hits.articles.length).toBeGreaterThan(0);
  });

  it("receives story.updated over SSE after a POST", async () => {
    const c = client();
    const [story] = (await c.listStories()).items;
    const controller = new AbortController();
    const seen: StreamItem[] = [];
    const events = c.events({ signal: controller.signal })[Symbol.asyncIterator]();
    const first = await events.next();
    expect(first.value?.event).toEqual({ type: "ready" });
    const posted = await c.addRaw(seedRewrite(1), "text/plain");
    expect(posted.created + posted.duplicates).toBe(1);
    for (;;) {
      const { value, done } = await events.next();
      if (done) break;
      seen.push(value);
      if (value.event.type === "story.updated" || value.event.type === "story.created") break;
    }
    const last = seen[seen.length - 1]!;
    expect(last.event).toEqual({ type: "story.updated", storyId: story.id });
    expect(last.id).toMatch(/^[0-9a-z]+-\d+$/);
    controller.abort();
    await events.return?.(undefined);
    await fuser.idle();
    expect((await c.getStory(story.id)).articles).toHaveLength(6);
  });

  it("turns the API's error envelope into an ApiError with its code, status and request id", async () => {
    const err = await client()
      .getStory("no-such-story")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "not_found", status: 404 });
    expect((err as ApiError).requestId).toBeTruthy();
  });
});
