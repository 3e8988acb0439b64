import { readFileSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeBatch } from "../analyze.ts";
import { fuse } from "../fuse/fuse.ts";
import type { FuseResult } from "../schema/story.ts";
import { Discrepancy, NumericClaimGroup } from "../schema/story.ts";
import { QuoteRecord } from "../schema/story.ts";
import {
  formatClaimGroup,
  formatDiscrepancy,
  formatFuseReport,
  formatQuoteRecord,
  formatSpan,
  formatStory,
  quoteOccasions,
} from "./story.ts";

const SEEDS = new URL("../../../../seeds/", import.meta.url);
let result: FuseResult;

beforeAll(() => {
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  result = fuse(analyzeBatch(files.map((f) => ({ id: f, text: readFileSync(new URL(f, SEEDS), "utf8") }))));
});

describe("formatFuseReport on the five seeds", () => {
  it("gives the story's header, its articles with outlets and dates, and flags the misdated one", () => {
    const lines = formatFuseReport(result).split("\n");
    expect(lines[0]).toMatch(/^STORY \S+: /);
    // 002 and 004 carry no date: the span says so instead of silently covering the other three.
    expect(lines[1]).toBe("  5 article(s), 2021-12-01 to 2021-12-02, 2 undated");
    expect(lines.slice(2, 4)).toEqual(["", "Articles"]);
    expect(lines).toContain(
      "  003_6c04b11d307fba50  Blinken confronts Russia’s Lavrov over Ukraine, warns of ‘serious costs’  (Reuters, republished from Reuters; 2021-12-02)",
    );
    expect(lines.find((l) => l.startsWith("  001_57e72f795a792d39"))).toMatch(
      /\[date flagged: 2024-04-19 conflicts with the content\]$/,
    );
  });

  it("lists the events with who reported and who announced them, then people, quotes, figures, disagreements", () => {
    const text = formatFuseReport(result);
    expect(text).toMatch(
      /^ {2}2021-12-02 {2}meeting in Stockholm {2}\(reported by 000_05ad74a82993dd5c, 003_6c04b11d307fba50; announced by 001_57e72f795a792d39\)$/m,
    );
    expect(text).toMatch(/^ {6}with Antony Blinken, /m);
    const order = ["Events", "People", "Quotes by speaker, shared ones first", "Figures"];
    const at = order.map((h) => text.split("\n").indexOf(h));
    expect(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]))).toBe(true);
    expect(text).toMatch(
      /^ {2}Joe Biden — \d+ quote\(s\) in 2 article\(s\)\n {4}"minor incursion\." {2}\(AP 002_b662277d12457799, 004_96b30b9797db3545\)$/m,
    );
    expect(text).toMatch(
      /^ {2}spelling of Lavrov's first name: Sergei \[001_57e72f795a792d39, 003_6c04b11d307fba50\] {2}vs {2}Sergey \[/m,
    );
    expect(text).not.toContain("Duplicates");
  });

  it("shows every main speaker's quotes, Lavrov's too though no two outlets carried the same line", () => {
    const lines = formatFuseReport(result).split("\n");
    const lavrov = lines.findIndex((l) => /^ {2}Sergey Lavrov — \d+ quote\(s\) in \d+ article\(s\)$/.test(l));
    expect(lavrov).toBeGreaterThan(0);
    expect(lines.slice(lavrov + 1, lavrov + 8)).toContain(
      '    "long-term security guarantees"  (000_05ad74a82993dd5c)',
    );
    // Shared statements lead a speaker's list: Blinken's first quote is carried by two articles.
    const blinken = lines.findIndex((l) => l.startsWith("  Antony Blinken — "));
    expect(lines[blinken + 1]).toBe(
      '    "I think it’s likely that presidents will speak in person in the near future"  (000_05ad74a82993dd5c, Reuters 003_6c04b11d307fba50)',
    );
  });

  it("gives both occasions of the grouped warning: Thursday in Berlin and Friday in Geneva", () => {
    expect(formatFuseReport(result).split("\n")).toContain(
      "        said on 2 occasions: Thursday in Berlin (AP 002_b662277d12457799, 004_96b30b9797db3545); Friday in Geneva (AP 002_b662277d12457799)",
    );
  });

  it("prints each figure with its claimant, currency and the time it holds, one line per source", () => {
    const lines = formatFuseReport(result).split("\n");
    expect(lines).toContain("    125,000, according to Maria Zakharova  (001_57e72f795a792d39, 2021-12-01)");
    expect(lines).toContain("    more than 90,000, according to Ukraine  (Reuters 003_6c04b11d307fba50, 2021-12-02)");
    expect(lines).toContain('    100,000  (Reuters 003_6c04b11d307fba50, earlier ("previous"), before 2021-12-02)');
    expect(lines).toContain("    $11 billion  (Reuters 003_6c04b11d307fba50, 2021-12-02)");
    expect(lines).toContain("    more than 100,000  (AP 002_b662277d12457799, undated)");
  });

  it("formats one story alone from the records the ids point at", () => {
    const story = formatStory(result.stories[0], result);
    expect(formatFuseReport(result).startsWith(story)).toBe(true);
    // Without the quote and entity records, the sections that need them are left out, not broken.
    const bare = formatStory(result.stories[0], { entities: [], quotes: [] });
    expect(bare).not.toContain("\nPeople\n");
    expect(bare).not.toContain("date flagged");
    expect(bare).toContain("\nFigures\n");
  });
});

describe("the line formatters", () => {
  it("writes a claim's qualifier, amount, claimant, article and the time it holds", () => {
    const g = NumericClaimGroup.parse({
      subject: "Russian troops",
      claims: [
        {
          text: "more than 100,000",
          value: 100000,
          qualifier: "more than",
          article: "a.txt",
          date: null,
          start: 0,
          end: 9,
        },
        {
          text: "90,000",
          value: 90000,
          qualifier: null,
          claimant: "Ukraine",
          article: "b.html",
          date: "2021-12-02",
          time: { relation: "current", text: null, date: "2021-12-02" },
          start: 0,
          end: 6,
        },
        {
          text: "€2.5 million",
          value: 2500000,
          qualifier: null,
          currency: "EUR",
          unit: "EUR",
          article: "c.txt",
          date: "2021-12-02",
          time: { relation: "dated", text: "in June", date: "2021-06" },
          start: 0,
          end: 6,
        },
      ],
    });
    expect(formatClaimGroup(g)).toEqual([
      "Russian troops",
      "  more than 100,000  (a, undated)",
      "  90,000, according to Ukraine  (b, 2021-12-02)",
      '  €2.5 million  (c, "in June" = 2021-06)',
    ]);
  });

  it("writes a discrepancy as its values against each other", () => {
    const d = Discrepancy.parse({
      id: "d1",
      kind: "spelling",
      about: "spelling of a name",
      values: [
        { value: "Sergei", articles: ["a.txt"] },
        { value: "Sergey", articles: ["b.txt", "c.txt"] },
      ],
    });
    expect(formatDiscrepancy(d)).toBe("spelling of a name: Sergei [a]  vs  Sergey [b, c]");
  });

  it("dates each article of a figure's value, and writes a change as one figure becoming another", () => {
    const values = [
      { value: "100,000", articles: ["a.txt", "b.txt"], dates: ["2021-11-01", null] },
      { value: "more than 90,000", articles: ["c.txt"], dates: ["2021-12-02"] },
    ];
    const d = Discrepancy.parse({ id: "n", kind: "number", about: "Russian troops", values });
    expect(formatDiscrepancy(d)).toBe(
      "Russian troops: 100,000 [a 2021-11-01, b undated]  vs  more than 90,000 [c 2021-12-02]",
    );
    const change = Discrepancy.parse({ id: "c", kind: "change", about: "Russian troops", values });
    expect(formatDiscrepancy(change)).toBe(
      "Russian troops changed: 100,000 (2021-11-01: a, b)  ->  more than 90,000 (2021-12-02: c)",
    );
    const story = { ...result.stories[0], discrepancies: [d, change] };
    const text = formatStory(story, result);
    expect(text).toContain("\nWhere the sources disagree\n  Russian troops: 100,000 [");
    expect(text).toContain("\nChanges over time\n  Russian troops changed: 100,000 (2021-11-01: a, b)");
  });

  it("keeps a statement made twice as two occasions, and one reported twice as one", () => {
    const occurrence = (article: string, weekday: string | null, place: string | null, event: string | null) => ({
      article,
      text: "x",
      start: 0,
      end: 1,
      date: "2021-12-03",
      event,
      occasion: weekday || place ? { weekday, place } : null,
    });
    const q = QuoteRecord.parse({
      id: "q",
      text: "x",
      speaker: "A",
      articles: ["a.txt", "b.txt"],
      occurrences: [
        occurrence("a.txt", "Friday", null, "ev"),
        occurrence("a.txt", "Thursday", "Berlin", null),
        occurrence("b.txt", "Thursday", null, "ev"),
      ],
      variants: [],
    });
    const events = [
      { id: "ev", label: "meeting in Geneva", place: "Geneva", date: null, participants: [], articles: ["a.txt"] },
    ].map((e) => ({ ...e, dateInferred: false, announcedBy: [] }));
    expect(quoteOccasions(q, events)).toEqual([
      { weekday: "Thursday", date: "2021-12-02", place: "Berlin", articles: ["a.txt", "b.txt"] },
      { weekday: "Friday", date: "2021-12-03", place: "Geneva", articles: ["a.txt"] },
    ]);
    expect(formatQuoteRecord(q, { events })[1]).toBe(
      "    said on 2 occasions: Thursday 2021-12-02 in Berlin (a, b); Friday 2021-12-03 in Geneva (a)",
    );
    const once = {
      ...q,
      occurrences: [occurrence("a.txt", "Friday", null, "ev"), occurrence("b.txt", null, null, "ev")],
    };
    expect(formatQuoteRecord(once, { events })).toEqual(['A: "x"  (a, b)']);
  });

  it("writes a span as one day, a range or unknown", () => {
    expect(formatSpan({ from: "2021-12-02", to: "2021-12-02" })).toBe("2021-12-02");
    expect(formatSpan({ from: "2021-12-02", to: "2022-01-21" })).toBe("2021-12-02 to 2022-01-21");
    expect(formatSpan({ from: null, to: null })).toBe("date unknown");
    expect(formatSpan({ from: "2021-12-01", to: "2021-12-02", undated: 2 })).toBe(
      "2021-12-01 to 2021-12-02, 2 undated",
    );
  });
});
