import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Article } from "../schema/article.ts";
import type { EntityRecord } from "../schema/story.ts";
import { resolveEntities } from "./entities.ts";
import { fuseStory, type FusedStory } from "./story.ts";

// 100 analyzed dev articles (two ECB+ topics, quote-rich political reports, perturbed copies of
// some), written by `npm run bench -- fuse --fixture`. Fusion of them is pinned byte for byte: speed
// work on fusion must not change a single output field.
const fixture = JSON.parse(readFileSync(new URL("../../fixtures/fuse-golden.json", import.meta.url), "utf8")) as {
  stories: Record<string, string[]>;
  articles: Article[];
};
const byId = new Map(fixture.articles.map((a) => [a.id, a]));
const story = (name: string) => fixture.stories[name].map((id) => byId.get(id)!);

const sha1 = (x: unknown) => createHash("sha1").update(JSON.stringify(x)).digest("hex");
const brief = (r: EntityRecord) => ({ ...r, mentions: `${r.mentions.length} ${sha1(r.mentions).slice(0, 12)}` });

/**
 * The fused output as compared: a hash of all of it (byte for byte), and a readable digest for the
 * diff when it fails (mention spans and echoed article bodies only by count and hash, to keep the
 * expected files small).
 */
function summary(f: FusedStory) {
  return {
    sha1: sha1(f),
    story: f.story,
    entities: f.entities.map(brief),
    quotes: f.quotes.map(({ occurrences, ...q }) => ({
      ...q,
      occurrences: occurrences.map((o) => `${o.article} ${o.start}-${o.end}`),
    })),
    published: f.articles.map((a) => `${a.id} ${JSON.stringify(a.published)}`),
  };
}

/** One array element per line: diffs point at the record that changed. */
function lines(x: unknown): string {
  if (Array.isArray(x)) return x.length ? `[\n${x.map((v) => JSON.stringify(v)).join(",\n")}\n]` : "[]";
  if (x && typeof x === "object")
    return `{\n${Object.entries(x)
      .map(([k, v]) => `${JSON.stringify(k)}: ${lines(v)}`)
      .join(",\n")}\n}`;
  return JSON.stringify(x);
}

describe("fuseStory on the golden fixture", () => {
  it("fuses each topic-sized story exactly as recorded", async () => {
    const out = Object.fromEntries(
      Object.keys(fixture.stories).map((name) => [name, summary(fuseStory(`story-${name}`, story(name)))]),
    );
    await expect(lines(out)).toMatchFileSnapshot("../../fixtures/fuse-golden.per-story.expected.json");
  });

  it("fuses all 100 articles as one huge story exactly as recorded", async () => {
    const out = summary(fuseStory("story-all", fixture.articles));
    await expect(lines(out)).toMatchFileSnapshot("../../fixtures/fuse-golden.one-story.expected.json");
  });

  it("fuses stories against entities resolved over the whole batch exactly as recorded", async () => {
    const groupOf = new Map(
      Object.entries(fixture.stories).flatMap(([name, ids]) => ids.map((id) => [id, name] as const)),
    );
    const entities = resolveEntities(fixture.articles, { groupOf: (id) => groupOf.get(id) });
    const out = Object.fromEntries(
      Object.keys(fixture.stories).map((name) => [name, { sha1: sha1(fuseStory(name, story(name), { entities })) }]),
    );
    await expect(
      lines({ records: entities.records.map(brief), spellings: entities.spellings, stories: out }),
    ).toMatchFileSnapshot("../../fixtures/fuse-golden.batch.expected.json");
  });

  it("leaves its input articles untouched", () => {
    const before = JSON.stringify(fixture.articles);
    fuseStory("story-all", fixture.articles);
    expect(JSON.stringify(fixture.articles)).toBe(before);
  });
});
