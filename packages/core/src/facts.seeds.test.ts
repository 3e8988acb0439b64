import { readFileSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeBatch } from "./analyze.ts";
import { fuse } from "./fuse/fuse.ts";
import { quotesBySpeaker } from "./fuse/quotes.ts";
import type { Article } from "./schema/article.ts";
import type { FuseResult } from "./schema/story.ts";

// Facts an analyst checks on the five seeds: who gives each figure and when it holds, currencies,
// people and places without junk, dates the text implies, and each occasion of a repeated statement.
const SEEDS = new URL("../../../seeds/", import.meta.url);
const S000 = "000_05ad74a82993dd5c.txt";
const S001 = "001_57e72f795a792d39.txt";
const S002 = "002_b662277d12457799.txt";
const S003 = "003_6c04b11d307fba50.txt";
const S004 = "004_96b30b9797db3545.txt";
let articles: Article[];
let result: FuseResult;

beforeAll(() => {
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  articles = analyzeBatch(files.map((f) => ({ id: f, text: readFileSync(new URL(f, SEEDS), "utf8") })));
  result = fuse(articles);
});

const article = (id: string) => articles.find((a) => a.id === id)!;
const claim = (id: string, text: string) => article(id).numbers.find((n) => n.text.includes(text));

describe("numeric claims on the seeds", () => {
  it("records who gives each troop figure", () => {
    expect(claim(S003, "90,000")?.claimant).toBe("Ukraine");
    expect(claim(S001, "nearly 100,000")?.claimant).toBe("U.S. and Ukrainian officials");
    expect(claim(S001, "125,000")?.claimant).toBe("Maria Zakharova");
    expect(claim(S002, "more than 100,000")?.claimant).toBeNull();
  });

  it("reads 003's previous 100,000 troops as a past figure and never sets it against current ones", () => {
    const old = article(S003).numbers.find((n) => n.value === 100000);
    expect(old?.time).toEqual({ relation: "past", text: "previous", date: null });
    const d = result.discrepancies.find((x) => x.kind === "number" && /Russian troops/.test(x.about))!;
    const from003 = d.values.filter((v) => v.articles.includes(S003)).map((v) => v.value);
    expect(from003).toEqual(["more than 90,000"]);
  });

  it("keeps the currency of $11 billion", () => {
    expect(claim(S003, "$11 billion")).toMatchObject({ value: 11e9, currency: "USD", subject: "pipeline" });
    const group = result.stories[0].numbers.find((g) => g.subject === "pipeline");
    expect(group?.claims[0]).toMatchObject({ currency: "USD", claimant: null });
  });

  it("gives every disagreeing value one date per article", () => {
    for (const d of result.discrepancies) for (const v of d.values) expect(v.dates).toHaveLength(v.articles.length);
    const d = result.discrepancies.find((x) => x.kind === "number")!;
    expect(d.values.find((v) => v.value === "nearly 100,000")?.dates).toEqual(["2021-12-01"]);
  });
});

describe("people and places on the seeds", () => {
  const names = (type: string) => result.entities.filter((e) => e.type === type).map((e) => e.name);

  it("lists no place or common noun among the people", () => {
    expect(names("person")).not.toContain("Crimean Peninsula");
    expect(names("place")).toContain("Crimean Peninsula");
  });

  it("reads hyphenated pairs as two people and drops fragments of titles and abbreviations", () => {
    for (const junk of ["Biden-Putin", "Lavrov-Blinken", "Expose", "U."]) expect(names("place")).not.toContain(junk);
    const biden = result.entities.find((e) => e.name === "Joe Biden")!;
    expect(biden.articles).toContain(S003);
  });

  it("gives Biden his title in the singular", () => {
    const roles = result.entities.find((e) => e.name === "Joe Biden")!.roles.map((r) => r.role);
    expect(roles).toContain("President");
    expect(roles).not.toContain("Presidents");
  });
});

describe("dates on the seeds", () => {
  it("infers 2021-12-01 for 001 (said Wednesday, of the Thursday meeting), marked inferred, stated date still flagged", () => {
    const p = result.articles.find((a) => a.id === S001)!.published;
    expect(p).toMatchObject({ stated: "2024-04-19", inferred: "2021-12-01" });
    expect(p.conflicts.length).toBeGreaterThan(0);
    expect(result.stories[0].articles.find((a) => a.id === S001)).toMatchObject({
      date: "2021-12-01",
      dateInferred: true,
    });
  });

  it("says how many of the story's articles are undated", () => {
    expect(result.stories[0].span).toEqual({ from: "2021-12-01", to: "2021-12-02", undated: 2 });
  });
});

describe("quotes on the seeds", () => {
  it("keeps both occasions of Blinken's grouped warning: Thursday in Berlin and Friday in Geneva", () => {
    const rec = result.quotes.find((q) => q.occurrences.some((o) => o.text.startsWith("if that proves impossible")))!;
    expect(rec.articles).toEqual(expect.arrayContaining([S002, S004]));
    const occasion = (prefix: string) => rec.occurrences.find((o) => o.text.startsWith(prefix))?.occasion;
    expect(occasion("if that proves impossible")?.weekday).toBe("Friday");
    expect(occasion("that they will be met")?.weekday).toBe("Thursday");
    const berlin = rec.occurrences.find((o) => o.occasion?.place === "Berlin");
    expect(berlin?.article).toBe(S002);
  });

  it("gives the report every main speaker's words, Lavrov's among them, shared quotes first", () => {
    const story = result.stories[0];
    const digest = quotesBySpeaker(result.quotes.filter((q) => story.quotes.includes(q.id)));
    const lavrov = digest.find((s) => s.speaker.endsWith("Lavrov"));
    expect(lavrov?.quotes.length).toBeGreaterThan(3);
    const blinken = digest.find((s) => s.speaker.endsWith("Blinken"))!;
    expect(blinken.quotes[0].articles.length).toBeGreaterThan(1);
    expect(digest.find((s) => s.speaker.endsWith("Lavrov"))).toBeDefined();
    expect(result.articles.find((a) => a.id === S000)?.quotes.some((q) => q.speaker?.endsWith("Lavrov"))).toBe(true);
  });
});
