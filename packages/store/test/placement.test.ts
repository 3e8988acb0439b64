import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "@newsfuse/core";
import { openStore } from "../src/open.ts";
import type { SqlStore } from "../src/sql-store.ts";
import type { RawInput } from "../src/types.ts";
import { fixtureInputs, seedInputs, seedVariant, snapshot } from "./inputs.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
let template = "";
beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), "newsfuse-template-"));
  dirs.push(template);
  await (await openStore({ dataDir: template, databaseUrl: "", skipIndexes: true })).close();
});
async function open(): Promise<SqlStore> {
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-placement-"));
  dirs.push(dir);
  cpSync(join(template, "pgdata"), join(dir, "pgdata"), { recursive: true });
  return openStore({ dataDir: dir, databaseUrl: "", workers: 0 });
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const rand = seededRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const enc = new TextEncoder();
const headline = (text: string, date: string, n: number): RawInput => ({
  body: enc.encode(`${JSON.stringify({ id: `headline-${n}`, text, published: date })}\n`),
  contentType: "application/x-ndjson",
  origin: `headlines.jsonl:${n}`,
});
// A few dated headlines (one line each) next to the reports: they take the StoryIndex path.
const headlines = [
  headline("Apple unveils iPhone 6 and a larger iPhone 6 Plus", "2014-09-09T00:00:00Z", 1),
  headline("iPhone 6 Plus unveiled by Apple at Cupertino event", "2014-09-09T00:00:00Z", 2),
  headline("Apple Watch announced alongside new iPhones", "2014-09-10T00:00:00Z", 3),
  headline("Malaysia Airlines flight MH370 missing over South China Sea", "2014-03-08T00:00:00Z", 4),
  headline("Search for missing Malaysia Airlines MH370 widens", "2014-03-09T00:00:00Z", 5),
];
const inputs = (): RawInput[] => [...seedInputs(), ...fixtureInputs().slice(0, 12), seedVariant(2), ...headlines];

async function placed(list: RawInput[], calls: number[]): Promise<Awaited<ReturnType<typeof snapshot>>> {
  const store = await open();
  try {
    let at = 0;
    for (const [k, n] of calls.entries()) {
      await store.ingest(list.slice(at, at + n), { batchSize: 1 + (k % 3) * 2 });
      at += n;
    }
    if (at < list.length) await store.ingest(list.slice(at));
    return await snapshot(store);
  } finally {
    await store.close();
  }
}

describe("story placement", () => {
  it("gives the same stories and groups for shuffled orders, call splits and batch sizes", {
    timeout: 300_000,
  }, async () => {
    const all = inputs();
    const expected = await placed(all, [all.length]);
    expect(expected.stories.some((s) => s.split(" ").filter((id) => /^00[0-4]_/.test(id)).length === 5)).toBe(true);
    for (const [seed, calls] of [
      [11, [7, 9, 4]],
      [12, [1, 1, 30]],
      [13, [20]],
    ] as const) {
      const got = await placed(shuffled(all, seed), [...calls]);
      expect(got.stories).toEqual(expected.stories);
      expect(got.groups).toEqual(expected.groups);
      expect(got.counts).toEqual(expected.counts);
    }
  });

  it("puts a late dated report of the Geneva meeting in the seeds' story and dates that event", {
    timeout: 120_000,
  }, async () => {
    const store = await open();
    try {
      const seeds = await store.ingest(seedInputs());
      const storyId = (seeds[0] as { storyId: string }).storyId;
      const text = readFileSync(new URL("./fixtures/geneva-late-report.txt", import.meta.url), "utf8");
      const [late] = await store.ingest([
        { body: enc.encode(text), contentType: "text/plain", origin: "geneva-late.txt" },
      ]);
      expect(late).toMatchObject({ status: "created" });
      const lateId = (late as { id: string }).id;
      const story = await store.getStory((late as { storyId: string }).storyId);
      expect(story).not.toBeNull();
      const ids = story!.articles.map((a) => a.id);
      for (const s of seeds) expect(ids).toContain((s as { id: string }).id);
      expect((await store.stats()).stories).toBe(1);
      expect(storyId.length).toBeGreaterThan(0);
      const geneva = story!.events.find((e) => e.articles.includes(lateId))!;
      expect(geneva.date).toBe("2022-01-21");
      const gen = ids.filter((id) => /^00[24]_/.test(id));
      expect(geneva.articles).toEqual(expect.arrayContaining(gen));
      for (const id of gen) {
        expect(story!.articles.find((a) => a.id === id)).toMatchObject({ date: "2022-01-21", dateInferred: true });
      }
    } finally {
      await store.close();
    }
  });
});
