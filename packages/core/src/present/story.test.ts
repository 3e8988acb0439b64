import { readFileSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeBatch } from "../analyze.ts";
import { fuse } from "../fuse/fuse.ts";
import type { FuseResult } from "../schema/story.ts";
import { Discrepancy, NumericClaimGroup } from "../schema/story.ts";
import { formatClaimGroup, formatDiscrepancy, formatFuseReport, formatSpan, formatStory } from "./story.ts";

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
    expect(lines[1]).toBe("  5 article(s), 2021-12-01 to 2021-12-02");
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
    const order = ["Events", "People", "Quotes carried by several articles or in several wordings", "Figures"];
    const at = order.map((h) => text.split("\n").indexOf(h));
    expect(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]))).toBe(true);
    expect(text).toMatch(/^ {2}Joe Biden: "minor incursion\." {2}\(002_b662277d12457799, 004_96b30b9797db3545\)$/m);
    expect(text).toMatch(
      /^ {2}spelling of Lavrov's first name: Sergei \[001_57e72f795a792d39, 003_6c04b11d307fba50\] {2}vs {2}Sergey \[/m,
    );
    expect(text).not.toContain("Duplicates");
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
  it("writes a claim's qualifier, value, article and date", () => {
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
        { text: "90,000", value: 90000, qualifier: null, article: "b.html", date: "2021-12-02", start: 0, end: 6 },
      ],
    });
    expect(formatClaimGroup(g)).toBe("Russian troops: more than 100,000 (a); 90,000 (b, 2021-12-02)");
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

  it("writes a span as one day, a range or unknown", () => {
    expect(formatSpan({ from: "2021-12-02", to: "2021-12-02" })).toBe("2021-12-02");
    expect(formatSpan({ from: "2021-12-02", to: "2022-01-21" })).toBe("2021-12-02 to 2022-01-21");
    expect(formatSpan({ from: null, to: null })).toBe("date unknown");
  });
});
