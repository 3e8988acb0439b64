import { readFileSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeBatch } from "./analyze.ts";
import { fuse } from "./fuse/fuse.ts";
import type { FuseResult } from "./schema/story.ts";
import expected from "../fixtures/seeds.expected.json" with { type: "json" };

// The acceptance checks "across" articles from fixtures/seeds.expected.json, run on real `analyzeBatch`
// + `fuse` output for the five seed files.
const SEEDS = new URL("../../../seeds/", import.meta.url);
const across = expected.across;
let result: FuseResult;

/** The comparison the fixture prescribes: straight quotes, folded white space, case ignored. */
const norm = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();
const matchesPrefix = (text: string, prefix: string) =>
  norm(text).startsWith(norm(prefix)) || norm(prefix).startsWith(norm(text));

beforeAll(() => {
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  result = fuse(analyzeBatch(files.map((f) => ({ id: f, text: readFileSync(new URL(f, SEEDS), "utf8") }))));
});

/** The event an article reports or announces. */
function eventOf(article: string): string | undefined {
  for (const s of result.stories)
    for (const e of s.events) if (e.articles.includes(article) || e.announcedBy.includes(article)) return e.id;
  return undefined;
}

describe("fuse on the five seeds: across articles", () => {
  it("puts all five seeds in one story", () => {
    for (const group of across.stories) {
      const story = result.stories.find((s) => s.articles.some((a) => a.id === group[0]));
      expect(story?.articles.map((a) => a.id).sort()).toEqual([...group].sort());
    }
  });

  it("puts the Stockholm reports in one event and the Geneva reports in another", () => {
    for (const [a, b] of across.events_must_share) expect(eventOf(a), `${a} / ${b}`).toBe(eventOf(b));
    for (const [a, b] of across.events_must_not_share) expect(eventOf(a), `${a} / ${b}`).not.toBe(eventOf(b));
    expect(eventOf("000_05ad74a82993dd5c.txt")).toBeDefined();
  });

  it("links 001 to the Stockholm meeting it announces", () => {
    const stockholm = result.stories
      .flatMap((s) => s.events)
      .find((e) => e.articles.includes("003_6c04b11d307fba50.txt"));
    expect(stockholm?.place).toBe("Stockholm");
    expect(stockholm?.date).toBe("2021-12-02");
    expect(stockholm?.announcedBy).toContain("001_57e72f795a792d39.txt");
  });

  it("finds no near-duplicates among separate reports", () => {
    const pairs = result.duplicates.filter((d) => d.articles.length >= 2).map((d) => d.articles);
    expect(pairs).toEqual(across.near_duplicate_pairs);
  });

  it("resolves every name form of one person to one entity", () => {
    for (const forms of across.same_entity) {
      const owners = new Set(
        forms.map(
          (f) =>
            result.entities.find((e) => e.type === "person" && [e.name, ...e.aliases].some((n) => norm(n) === norm(f)))
              ?.id,
        ),
      );
      expect([...owners], forms.join(" / ")).toHaveLength(1);
      expect([...owners][0], forms.join(" / ")).toBeDefined();
    }
    const zakharova = result.entities.find((e) => e.name === "Maria Zakharova");
    expect(zakharova?.articles.sort()).toEqual(["001_57e72f795a792d39.txt", "004_96b30b9797db3545.txt"]);
  });

  it("never merges two different people", () => {
    const persons = result.entities.filter((e) => e.type === "person").map((e) => e.name);
    expect(persons).toContain("Joe Biden");
    expect(persons.filter((n) => /Lavrov|Blinken|Putin/.test(n))).toHaveLength(3);
  });

  it("keeps one record per shared quote with every article carrying it", () => {
    for (const q of across.shared_quotes) {
      const rec = result.quotes.find(
        (r) => r.occurrences.some((o) => matchesPrefix(o.text, q.prefix)) && r.speaker?.endsWith(q.speaker),
      );
      expect(rec, q.prefix).toBeDefined();
      expect(rec!.articles, q.prefix).toEqual(expect.arrayContaining(q.articles));
    }
  });

  it("groups near-variants of one statement by the same speaker", () => {
    for (const g of across.grouped_quote_variants) {
      const recs = g.prefixes.map(
        (p) => result.quotes.find((r) => r.occurrences.some((o) => matchesPrefix(o.text, p)))?.id,
      );
      expect(new Set(recs).size, g.prefixes.join(" / ")).toBe(1);
      const rec = result.quotes.find((r) => r.id === recs[0])!;
      expect(rec.speaker?.endsWith(g.speaker)).toBe(true);
      expect(rec.articles).toEqual(expect.arrayContaining(g.articles));
      expect(rec.variants.length).toBeGreaterThan(0);
    }
  });

  it("shows the Russian troop figures side by side, without the Ukrainian figure", () => {
    const spec = across.discrepancies.find((d) => /troops/.test(d.about))!;
    const d = result.discrepancies.find((x) => x.kind === "number" && /Russian troops/i.test(x.about));
    const values = d?.values.map((v) => v.value) ?? [];
    for (const v of spec.values)
      expect(
        values.some((x) => x === v || x.endsWith(` ${v}`)),
        v,
      ).toBe(true);
    expect(values.some((x) => x.includes("125,000"))).toBe(false);
    const of = (v: string) => d?.values.find((x) => x.value === v)?.articles;
    expect(of("nearly 100,000")).toEqual(["001_57e72f795a792d39.txt"]);
    expect(of("more than 100,000")).toEqual(["002_b662277d12457799.txt"]);
    expect(of("more than 90,000")).toEqual(["003_6c04b11d307fba50.txt"]);
  });

  it("shows the spelling of Lavrov's first name side by side with its sources", () => {
    const d = result.discrepancies.find((x) => x.kind === "spelling" && /Lavrov/.test(x.about));
    expect(d?.values.map((v) => v.value).sort()).toEqual(["Sergei", "Sergey"]);
    expect(d?.values.find((v) => v.value === "Sergey")?.articles).toEqual(
      expect.arrayContaining(["000_05ad74a82993dd5c.txt", "002_b662277d12457799.txt", "004_96b30b9797db3545.txt"]),
    );
    expect(d?.values.find((v) => v.value === "Sergei")?.articles).toEqual(
      expect.arrayContaining(["001_57e72f795a792d39.txt", "003_6c04b11d307fba50.txt"]),
    );
  });

  it("sets 001's stated date against the date of the meeting it announces", () => {
    const spec = across.discrepancies.find((d) => d.about.startsWith("001"))!;
    const d = result.discrepancies.find(
      (x) => x.kind === "date" && x.values.some((v) => v.articles.includes("001_57e72f795a792d39.txt")),
    );
    for (const v of spec.values)
      expect(
        d?.values.some((x) => x.value.startsWith(v)),
        v,
      ).toBe(true);
  });
});

describe("fuse on the five seeds: dates that depend on fusion", () => {
  const pub = (id: string) => result.articles.find((a) => a.id === id)!.published;

  it("infers 2021-12-02 for 000 from 003, the dated report of the same meeting, and marks it inferred", () => {
    expect(pub("000_05ad74a82993dd5c.txt").stated).toBeNull();
    expect(pub("000_05ad74a82993dd5c.txt").inferred).toBe("2021-12-02");
    const row = result.stories[0].articles.find((a) => a.id === "000_05ad74a82993dd5c.txt");
    expect(row).toMatchObject({ date: "2021-12-02", dateInferred: true });
  });

  it("leaves 002 and 004 undated: nothing determines their date", () => {
    for (const id of ["002_b662277d12457799.txt", "004_96b30b9797db3545.txt"]) {
      expect(pub(id).stated).toBeNull();
      expect(pub(id).inferred).toBeNull();
    }
  });

  it("keeps 001's stated 2024-04-19 and flags it against the 2021-12-02 meeting it announces", () => {
    const p = pub("001_57e72f795a792d39.txt");
    expect(p.stated).toBe("2024-04-19");
    expect(p.conflicts.some((c) => c.includes("2021-12-02"))).toBe(true);
  });
});
