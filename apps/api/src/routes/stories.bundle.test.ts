import { describe, expect, it } from "vitest";
import { LOOPBACK, fixtureArticles, useSeededApi } from "../test-support.ts";

const { api, fuser } = useSeededApi();

type Summary = {
  id: string;
  articleCount: number;
  discrepancyCount: number;
  updatedAt: string;
  originCount: number;
  outlets: string[];
  coverage: { date: string; articles: number }[];
  undatedCount: number;
};

async function walk(sort: string): Promise<Summary[]> {
  const seen: Summary[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: Summary[]; nextCursor: string | null } } = await api.request(
      `/v1/stories?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    seen.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor && seen.length < 500);
  return seen;
}

describe("GET /v1/stories/{id}/bundle", () => {
  it("returns the story with its quotes, entities, articles and origins in one answer", async () => {
    const [story] = (await api.request("/v1/stories")).body.items;
    const { status, body } = await api.request(`/v1/stories/${encodeURIComponent(story.id)}/bundle`);
    expect(status).toBe(200);
    expect(body.story.id).toBe(story.id);
    expect(body.quotes.length).toBe(story.quoteCount);
    expect(body.entities.length).toBe(body.story.entities.length);
    expect(body.articles).toHaveLength(5);
    expect(body.originCount).toBe(5);
    expect(body.origins.flatMap((o: { articles: string[] }) => o.articles).sort()).toEqual(
      body.articles.map((a: { id: string }) => a.id).sort(),
    );
    for (const a of body.articles) expect(a.url === null || /^https?:\/\//.test(a.url)).toBe(true);
  });

  it("answers 404 with the error shape for an unknown story", async () => {
    const { status, body } = await api.request("/v1/stories/nope/bundle");
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });
});

describe("GET /v1/stories?sort=", () => {
  it("walks every story once in each order, sorted as documented", async () => {
    const lines = fixtureArticles.map((a) => JSON.stringify({ id: a.id, title: a.title, text: a.text })).join("\n");
    const posted = await api.request(
      "/v1/articles",
      { method: "POST", headers: { "content-type": "application/x-ndjson" }, body: lines },
      LOOPBACK,
    );
    expect(posted.status).toBe(201);
    await fuser.idle();
    const newest = await walk("newest");
    expect(newest.length).toBeGreaterThan(2);
    const ids = newest.map((s) => s.id).sort();
    const orders: Record<string, (s: Summary) => number> = {
      covered: (s) => s.articleCount,
      disputed: (s) => s.discrepancyCount,
      updated: (s) => Date.parse(s.updatedAt),
    };
    for (const [sort, key] of Object.entries(orders)) {
      const list = await walk(sort);
      expect(list.map((s) => s.id).sort(), sort).toEqual(ids);
      for (let i = 1; i < list.length; i++) expect(key(list[i - 1]!), sort).toBeGreaterThanOrEqual(key(list[i]!));
    }
    for (const s of newest) {
      expect(s.originCount).toBeLessThanOrEqual(s.articleCount);
      expect(s.undatedCount + s.coverage.reduce((n, d) => n + d.articles, 0)).toBe(s.articleCount);
    }
  });

  it("refuses an unknown order and a cursor issued for another order", async () => {
    expect((await api.request("/v1/stories?sort=oldest")).status).toBe(400);
    const page = (await api.request("/v1/stories?limit=1")).body;
    expect(page.nextCursor).not.toBeNull();
    const { status } = await api.request(`/v1/stories?sort=covered&cursor=${encodeURIComponent(page.nextCursor)}`);
    expect(status).toBe(400);
  });
});

describe("GET /v1/entities?story= and /v1/quotes?story=", () => {
  it("lists only the story's entities and quotes", async () => {
    const stories = (await api.request("/v1/stories?limit=200")).body.items;
    const seedStory = stories.find((s: { articleCount: number }) => s.articleCount >= 5);
    const bundle = (await api.request(`/v1/stories/${encodeURIComponent(seedStory.id)}/bundle`)).body;
    const entities = (await api.request(`/v1/entities?limit=200&story=${encodeURIComponent(seedStory.id)}`)).body;
    expect(entities.items.map((e: { id: string }) => e.id).sort()).toEqual(
      bundle.entities.map((e: { id: string }) => e.id).sort(),
    );
    const all = (await api.request("/v1/entities?limit=200")).body.items;
    expect(all.length).toBeGreaterThan(entities.items.length);
    const quotes = (await api.request(`/v1/quotes?limit=200&story=${encodeURIComponent(seedStory.id)}`)).body;
    expect(quotes.items.length).toBe(bundle.quotes.length);
  });
});
