// Metadata half of the seed acceptance test: every per-article cleaning/metadata expectation in
// fixtures/seeds.expected.json, checked against analyzeBatch over the five seeds (the CLI's path).
// The content half (quotes, entities, numbers) is analyze.seeds.content.test.ts.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeBatch } from "./analyze.ts";
import { countTitleInBody } from "./extract/title.ts";
import type { Article } from "./schema/article.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const expected = JSON.parse(readFileSync(`${root}packages/core/fixtures/seeds.expected.json`, "utf8")) as {
  articles: Record<string, Record<string, unknown>>;
};
const files = readdirSync(`${root}seeds`)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const articles = new Map<string, Article>(
  analyzeBatch(files.map((f) => ({ id: f, text: readFileSync(`${root}seeds/${f}`, "utf8") }))).map((a) => [a.id, a]),
);

// The fixture's comparison rule: straight quotes, folded white space, case ignored.
const norm = (s: string) =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

type Check = (a: Article, want: any) => void;
const checks: Record<string, Check> = {
  title: (a, want) => {
    if (want === null)
      expect(a.title === null || a.titleDerived, "no headline in the text: null or marked derived").toBe(true);
    else {
      expect(norm(a.title ?? "")).toBe(norm(want));
      expect(a.titleDerived).toBe(false);
    }
  },
  title_occurrences_in_body: (a, want) => expect(countTitleInBody(a.body, a.title ?? "")).toBe(want),
  dateline: (a, want) => expect(norm(a.dateline?.place ?? "")).toBe(norm(want)),
  agency: (a, want) => expect(a.provenance.agency).toBe(want),
  published: (a, want) => {
    if ("stated" in want) expect(a.published.stated).toBe(want.stated);
    // Inference from other articles is fusion's job; analyze alone never invents a date.
    if ("inferred" in want) expect(a.published.inferred).toBeNull();
    if (want.stated_conflicts_with_content) expect(a.published.conflicts.length).toBeGreaterThan(0);
  },
  authors: (a, want: string[]) => expect(a.authors.map(norm)).toEqual(want.map(norm)),
  contributors: (a, want: string[]) => expect(a.contributors.map(norm)).toEqual(expect.arrayContaining(want.map(norm))),
  body_excludes: (a, want: string[]) => {
    for (const w of want) expect(norm(a.body)).not.toContain(norm(w));
  },
  republished_from: (a, want) => expect(a.provenance.republishedFrom).toBe(want),
  contains_material_from: (a, want) => expect(a.provenance.materialFrom).toContain(want),
};

describe("analyze on the five seeds: cleaning and metadata (fixtures/seeds.expected.json)", () => {
  it("reads all five seeds", () => {
    expect([...articles.keys()]).toEqual(Object.keys(expected.articles).sort());
  });
  for (const [file, exp] of Object.entries(expected.articles)) {
    for (const key of Object.keys(exp).filter((k) => k in checks)) {
      it(`${file}: ${key}`, () => checks[key](articles.get(file)!, exp[key]));
    }
  }
  it("leaves the date unknown where the text states none (002, 004), keeping the weekday", () => {
    for (const id of ["002_b662277d12457799.txt", "004_96b30b9797db3545.txt"]) {
      const a = articles.get(id)!;
      expect(a.published.stated).toBeNull();
      expect(a.published.inferred).toBeNull();
      expect(a.published.weekday).toBe("Friday");
    }
  });
  it("flags 001's page-header date against its content and keeps it as stated", () => {
    const a = articles.get("001_57e72f795a792d39.txt")!;
    expect(a.published).toMatchObject({ stated: "2024-04-19", source: "header" });
    expect(a.published.conflicts.join(" ")).toMatch(/2014/);
  });
  it("records captions, kickers, credits and the disclaimer as removed, with reasons (003)", () => {
    const a = articles.get("003_6c04b11d307fba50.txt")!;
    const reasons = new Map(a.removed.map((r) => [r.reason, r.text]));
    expect(reasons.get("kicker")).toBe("OSCE meeting in Stockholm");
    expect(reasons.get("caption")).toMatch(/Pool via REUTERS$/);
    expect(reasons.get("disclaimer")).toMatch(/^USTimeToday is an automatic aggregator/);
    expect(a.body).not.toMatch(/Additional reporting|Editing by/);
    expect(a.credits.find((c) => c.role === "editing")?.names).toEqual([
      "Gareth Jones",
      "Nick Macfie",
      "Frances Kerry",
    ]);
    expect(a.contributors).toEqual(expect.arrayContaining(["Niklas Polland", "Mark Trevelyan"]));
    expect(a.contributors).not.toContain("Gareth Jones");
  });
  it("starts every body at the story's first sentence", () => {
    expect(articles.get("000_05ad74a82993dd5c.txt")!.body).toMatch(/^WASHINGTON — Secretary of State/);
    expect(articles.get("001_57e72f795a792d39.txt")!.body).toMatch(/^RIGA, Latvia - Secretary of State/);
    expect(articles.get("002_b662277d12457799.txt")!.body).toMatch(/^GENEVA \(AP\) — U\.S\. Secretary/);
    expect(articles.get("003_6c04b11d307fba50.txt")!.body).toMatch(/^\(Reuters\) – U\.S\. Secretary/);
    expect(articles.get("004_96b30b9797db3545.txt")!.body).toMatch(
      /^U\.S\. Secretary of State Antony Blinken is meeting/,
    );
  });
  it("keeps quote and number offsets inside the final body", () => {
    for (const a of articles.values()) {
      for (const span of [...a.quotes, ...a.numbers]) {
        expect(span.start).toBeLessThanOrEqual(span.end);
        expect(span.end).toBeLessThanOrEqual(a.body.length);
      }
    }
  });
});
