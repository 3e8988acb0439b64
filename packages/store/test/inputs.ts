import { readFileSync, readdirSync } from "node:fs";
import type { RawInput } from "../src/types.ts";
import type { SqlStore } from "../src/sql-store.ts";

const SEEDS = new URL("../../../seeds/", import.meta.url).pathname;
const FIXTURE = new URL("./fixtures/ecb-sample.jsonl", import.meta.url).pathname;

const enc = new TextEncoder();

/** The five seed articles as raw inputs. */
export function seedInputs(): RawInput[] {
  return readdirSync(SEEDS)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((n) => ({ body: new Uint8Array(readFileSync(SEEDS + n)), contentType: "text/plain", origin: `seeds/${n}` }));
}

export function seedText(i: number): { name: string; text: string } {
  const name = readdirSync(SEEDS)
    .filter((n) => n.endsWith(".txt"))
    .sort()[i]!;
  return { name, text: readFileSync(SEEDS + name, "utf8") };
}

/** A copy of seed `i` with a couple of sentences dropped and a different footer: a near-duplicate. */
export function seedVariant(i: number, name = `variant-of-${i}.txt`): RawInput {
  const { text } = seedText(i);
  const paras = text.split(/\n\s*\n/);
  const kept = paras.filter((_, j) => j !== 3 && j !== paras.length - 2);
  const body = `${kept.join("\n\n")}\n\nCopyright 2021 Example Wire Service. All rights reserved.\n`;
  return { body: enc.encode(body), contentType: "text/plain", origin: name };
}

/** 51 ECB+ articles about three events (cut from the clustering dev set), one raw input per line. */
export function fixtureInputs(): RawInput[] {
  return readFileSync(FIXTURE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line, i) => ({
      body: enc.encode(`${line}\n`),
      contentType: "application/x-ndjson",
      origin: `ecb-sample.jsonl:${i + 1}`,
    }));
}

/** Everything the crash and concurrency tests ingest, in a fixed order. */
export function allInputs(): RawInput[] {
  return [...seedInputs(), ...fixtureInputs(), seedVariant(2), seedVariant(0)];
}

/**
 * What must come out the same whichever way the inputs went in: the articles, and the stories and
 * duplicate groups as sets of members (ids of derived records may differ with arrival order).
 */
export async function snapshot(store: SqlStore) {
  const arts = await store.db
    .selectFrom("articles")
    .select(["id", "story_id", "duplicate_group_id", "raw_hash"])
    .orderBy("id")
    .execute();
  const partition = (key: "story_id" | "duplicate_group_id") => {
    const by = new Map<string, string[]>();
    for (const a of arts) if (a[key]) by.set(a[key]!, [...(by.get(a[key]!) ?? []), a.id]);
    return [...by.values()].map((m) => m.sort().join(" ")).sort();
  };
  const raws = await store.db.selectFrom("raw_inputs").select("content_hash").orderBy("content_hash").execute();
  const stats = await store.stats();
  const storyRows = await store.db.selectFrom("stories").select(["id", "article_count"]).execute();
  const dirty = (await store.db.selectFrom("dirty_stories").select("story_id").execute()).length;
  return {
    articles: arts.map((a) => a.id),
    raws: raws.map((r) => r.content_hash),
    stories: partition("story_id"),
    groups: partition("duplicate_group_id"),
    storyArticleCounts: storyRows.map((s) => s.article_count).sort((a, b) => a - b),
    dirty,
    counts: {
      inputs: stats.inputs,
      articles: stats.articles,
      stories: stats.stories,
      duplicateGroups: stats.duplicateGroups,
      duplicates: stats.duplicates,
    },
  };
}
