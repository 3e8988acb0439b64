import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.ts";
import { seededRandom } from "../random.ts";
import type { Article } from "../schema/article.ts";
import { clusterStoriesAndEvents, isHeadlineItem } from "./assign.ts";
import { bcubed } from "./bcubed.ts";

const seedDir = new URL("../../../../seeds/", import.meta.url);
const seeds = readdirSync(seedDir)
  .sort()
  .map((id) => analyze({ id, text: readFileSync(new URL(id, seedDir), "utf8") }));

// 42 articles cut from the ECB+ dev set: two Chargers players arrested for DUI, two Oscars hosts named.
const ecb: { article: Article; cluster: string }[] = readFileSync(
  new URL("./events.fixture.ecb.jsonl", import.meta.url),
  "utf8",
)
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l))
  .map((r: { id: string; title: string; text: string; cluster: string }) => ({
    article: analyze({ id: r.id, title: r.title, text: r.text }),
    cluster: r.cluster,
  }));

function shuffled<T>(xs: T[], seed: number): T[] {
  const rand = seededRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const sortedEntries = (m: Map<string, string>) => [...m].sort((x, y) => (x[0] < y[0] ? -1 : 1));

describe("clusterStoriesAndEvents", () => {
  it("puts the seeds in one story with two events: Stockholm (000, 001, 003) and Geneva (002, 004)", () => {
    const { storyOf, eventOf } = clusterStoriesAndEvents(seeds);
    expect(new Set(storyOf.values()).size).toBe(1);
    const ev = (prefix: string) => eventOf.get(seeds.find((a) => a.id.startsWith(prefix))!.id);
    expect(ev("000")).toBe(ev("001"));
    expect(ev("000")).toBe(ev("003"));
    expect(ev("002")).toBe(ev("004"));
    expect(ev("000")).not.toBe(ev("002"));
  });

  it("gives one story per incident on the ECB+ fixture: two DUI arrests and two Oscars hosts are four stories", () => {
    const articles = ecb.map((r) => r.article);
    const gold = new Map(ecb.map((r) => [r.article.id, r.cluster]));
    const { storyOf, eventOf } = clusterStoriesAndEvents(articles);
    expect(bcubed(gold, storyOf).f1).toBeGreaterThanOrEqual(0.95);
    expect(bcubed(gold, eventOf).f1).toBeGreaterThanOrEqual(0.95);
  });

  it("gives the same stories and events, ids included, for shuffled input orders", () => {
    const articles = [...seeds, ...ecb.map((r) => r.article)];
    const reference = clusterStoriesAndEvents(articles);
    for (const seed of [1, 2, 3, 4, 5]) {
      const again = clusterStoriesAndEvents(shuffled(articles, seed));
      expect(sortedEntries(again.storyOf)).toEqual(sortedEntries(reference.storyOf));
      expect(sortedEntries(again.eventOf)).toEqual(sortedEntries(reference.eventOf));
    }
  });

  it("groups headline items by their words, and attaches a headline that names an event's actors to it", () => {
    const headline = (id: string, text: string) => analyze({ id, text, published: "2009-02-02" });
    const items = [
      headline("h1", "Apple unveils iPhone 6 and a larger iPhone 6 Plus"),
      headline("h2", "iPhone 6 Plus unveiled by Apple in Cupertino"),
      headline("h3", "Chargers lineman Jamal Williams faces DUI charges after arrest"),
    ];
    expect(items.every(isHeadlineItem)).toBe(true);
    const { storyOf } = clusterStoriesAndEvents([...items, ...ecb.map((r) => r.article)]);
    expect(storyOf.get("h1")).toBe(storyOf.get("h2"));
    const williams = ecb.find((r) => r.article.title?.includes("Defensive Tackle Faces DUI"))!.article.id;
    expect(storyOf.get("h3")).toBe(storyOf.get(williams));
  });
});
