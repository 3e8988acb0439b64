import { describe, expect, it } from "vitest";
import { loadDeriveSample } from "./derive-sample.fixture.ts";
import { clusterStories } from "./stories.ts";
import { StoryFeatureCache } from "./story-features.ts";

const sample = loadDeriveSample();
// Two overlapping sets, as two ingest batches re-clustering the same candidate stories.
const set1 = [...sample.slice(0, 120), ...sample.slice(150, 700)];
const set2 = [...sample.slice(60, 150), ...sample.slice(400, 1000)];

describe("StoryFeatureCache", () => {
  it("gives the same stories with a cache as without, across calls whose articles overlap", () => {
    const cache = new StoryFeatureCache();
    expect(clusterStories(set1, { cache })).toEqual(clusterStories(set1));
    const stories2 = clusterStories(set2, { cache });
    expect(stories2).toEqual(clusterStories(set2));
    expect(new Set(stories2.values()).size).toBeGreaterThan(50);
    expect(cache.hits).toBe(set2.filter((a) => set1.includes(a)).length);
  });

  it("gives the same stories with a cache when the options leave fields out", () => {
    const cache = new StoryFeatureCache();
    clusterStories(set1, { cache });
    const options = { entityWeight: 0, bodyWords: 50 };
    expect(clusterStories(set1, { ...options, cache })).toEqual(clusterStories(set1, options));
  });

  it("recomputes an article whose content changed instead of serving the old features", () => {
    const cache = new StoryFeatureCache();
    const articles = sample.slice(0, 40);
    clusterStories(articles, { cache });
    const changed = articles.map((a, i) => (i === 0 ? { ...a, title: articles[1].title, body: articles[1].body } : a));
    const stories = clusterStories(changed, { cache });
    expect(stories).toEqual(clusterStories(changed));
    expect(stories.get(articles[0].id)).toBe(stories.get(articles[1].id));
  });

  it("keeps at most maxEntries articles, dropping the least recently used", () => {
    const cache = new StoryFeatureCache({ maxEntries: 100 });
    const [a, b] = [sample.slice(0, 100), sample.slice(100, 200)];
    clusterStories(a, { cache });
    clusterStories(b, { cache });
    expect(cache.size).toBe(100);
    clusterStories(b, { cache });
    expect(cache.hits).toBe(100);
    clusterStories(a, { cache });
    expect(cache.hits).toBe(100);
  });
});
