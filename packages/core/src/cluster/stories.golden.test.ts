import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeriveSample } from "./derive-sample.fixture.ts";
import { parseClusterRecord, storyItemFromRecord } from "./records.ts";
import { clusterStories, StoryIndex, type StoryItem } from "./stories.ts";

// Snapshots of the reference clustering's output: a faster implementation must give the same stories.
// UPDATE_GOLDEN=1 rewrites them, for a change that means to alter clustering (say so in the commit).
const goldenFile = join(import.meta.dirname, "../../fixtures/derive-sample.stories.expected.json");
const update = process.env.UPDATE_GOLDEN === "1";
// Per case, the story id of each item, in the order of `ids` (the input or arrival order).
const golden: Record<string, string[]> = update ? {} : JSON.parse(readFileSync(goldenFile, "utf8"));
const results: Record<string, string[]> = {};

function matchesGolden(name: string, ids: string[], assignment: Map<string, string>): void {
  expect([...assignment.keys()]).toEqual(ids);
  results[name] = [...assignment.values()];
  if (update) writeFileSync(goldenFile, `${JSON.stringify(results)}\n`);
  else expect(results[name]).toEqual(golden[name]);
}

const articles = loadDeriveSample();
const streamFile = join(import.meta.dirname, "../../fixtures/stream-sample.jsonl");
const streamItems: StoryItem[] = readFileSync(streamFile, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line, i) => {
    const r = parseClusterRecord(line, streamFile, i + 1);
    if (!r.ok) throw new Error(r.error.message);
    return storyItemFromRecord(r.value);
  });

const articleIds = articles.map((a) => a.id);
// The stream sample and the derive sample share a few headlines; each id is added once.
const inStream = new Set(streamItems.map((i) => i.id));
const stream: StoryItem[] = [
  ...streamItems,
  ...articles
    .filter((a) => !inStream.has(a.id))
    .map((a) => ({
      id: a.id,
      title: a.title,
      text: a.body,
      time: a.published.stated ? Date.parse(a.published.stated) : null,
    })),
];
const streamIds = stream.map((i) => i.id);

describe("clusterStories golden output on the derive sample", () => {
  it("assigns the 1,350 sample articles to the same stories as the snapshot", () => {
    const out = clusterStories(articles);
    expect(new Set(out.values()).size).toBeGreaterThan(100);
    matchesGolden("default", articleIds, out);
  });

  it("gives the same stories with every open story compared (exhaustive) and without merging", () => {
    matchesGolden("exhaustive", articleIds, clusterStories(articles, { exhaustive: true }));
    matchesGolden("noMerge", articleIds, clusterStories(articles, { mergeThreshold: 0 }));
  });

  it("streams 2,418 headlines and articles through StoryIndex, closing expired stories, to the snapshot", () => {
    // Past 2,048 items the index closes expired stories; two weeks of headlines give it some to close.
    const index = new StoryIndex({ mergeEvery: 500 });
    const returned = new Map<string, string>();
    for (const item of stream) {
      returned.set(item.id, index.add(item));
    }
    index.flush();
    matchesGolden("streamReturned", streamIds, returned);
    matchesGolden("streamFinal", streamIds, index.assignments());
  });
});
