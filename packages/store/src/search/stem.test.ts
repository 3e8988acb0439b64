import { PGlite } from "@electric-sql/pglite";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stem } from "./stem.ts";
import { ENGLISH_STOP_WORDS } from "./stop-words.ts";

const FIXTURE = new URL("../../fixtures/tsvector-docs.jsonl", import.meta.url);

// Words whose stems hinge on a single rule of the algorithm: exceptions, region prefixes, y handling, undoubling.
const RULES = [
  "skis",
  "skies",
  "dying",
  "lying",
  "tying",
  "idly",
  "gently",
  "ugly",
  "early",
  "only",
  "singly",
  "sky",
  "news",
  "howe",
  "atlas",
  "cosmos",
  "bias",
  "andes",
  "inning",
  "innings",
  "outing",
  "canning",
  "herring",
  "earring",
  "proceed",
  "exceed",
  "succeed",
  "succeeded",
  "generous",
  "generate",
  "communism",
  "community",
  "arsenal",
  "arsenic",
  "youth",
  "sayyid",
  "playing",
  "crying",
  "cry",
  "by",
  "say",
  "added",
  "adding",
  "ebbing",
  "egged",
  "erring",
  "odder",
  "upped",
  "hopped",
  "hoped",
  "hopping",
  "filing",
  "agreed",
  "feed",
  "bled",
  "ties",
  "cries",
  "gas",
  "this",
  "kiwis",
  "caress",
  "us",
  "bus",
  "abbey",
  "controlling",
  "rational",
  "conditional",
  "happiness",
  "hopefulness",
  "electrical",
  "formality",
  "logically",
  "geology",
  "apology",
  "adoption",
  "revision",
  "controller",
  "effective",
  "rolling",
  "fullness",
  "'quoted",
  "naïve",
];

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
});
afterAll(() => pg.close());

async function lexize(words: string[]): Promise<Map<string, string | null>> {
  const rows = await pg.query<{ w: string; l: string[] }>(
    "select w, ts_lexize('english_stem', w) l from unnest($1::text[]) w",
    [words],
  );
  return new Map(rows.rows.map((r) => [r.w, r.l[0] ?? null]));
}

describe("stem", () => {
  it("stems every word of the dev fixture and the rule-by-rule list as english_stem does", async () => {
    const text = readFileSync(FIXTURE, "utf8").toLowerCase();
    const words = [...new Set([...(text.match(/[a-z]+/g) ?? []), ...RULES])];
    expect(words.length).toBeGreaterThan(9_000);
    const want = await lexize(words);
    const wrong = words
      .filter((w) => (ENGLISH_STOP_WORDS.has(w) ? null : stem(w)) !== want.get(w))
      .map((w) => `${w}: ${stem(w)} != ${want.get(w)}`);
    expect(wrong).toEqual([]);
  });

  it("holds exactly PostgreSQL's english stop words", async () => {
    const want = await lexize([...ENGLISH_STOP_WORDS]);
    expect([...want.values()].every((l) => l === null)).toBe(true);
    expect(ENGLISH_STOP_WORDS.size).toBe(127);
  });
});
