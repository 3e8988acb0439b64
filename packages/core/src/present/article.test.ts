import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.ts";
import { Article } from "../schema/article.ts";
import { formatArticle, formatArticles } from "./article.ts";

const seed = (name: string) => readFileSync(new URL(`../../../../seeds/${name}`, import.meta.url), "utf8");

describe("formatArticle", () => {
  it("summarizes a seed with labelled rows for title, date, authors, credits, provenance and cleaning", () => {
    const text = formatArticle(analyze({ id: "003_6c04b11d307fba50.txt", text: seed("003_6c04b11d307fba50.txt") }));
    const lines = text.split("\n");
    expect(lines[0]).toBe("== 003_6c04b11d307fba50.txt");
    expect(lines).toContain("Title:      Blinken confronts Russia’s Lavrov over Ukraine, warns of ‘serious costs’");
    expect(lines).toContain("Date:       2021-12-02 (stated, from header) · main event on Thursday");
    expect(lines).toContain("Authors:    Humeyra Pamuk, Johan Ahlander");
    expect(lines).toContain("Provenance: agency Reuters · republished copy of Reuters");
    expect(text).toMatch(/^Credits: {4}additional reporting: Niklas Polland/m);
    expect(text).toMatch(/^Removed: {4}headline 2, kicker 1, caption 1/m);
    expect(text).toMatch(/^ {2}person {7}Sergei Lavrov — Russian Foreign Minister {2}\[also: Lavrov\]$/m);
    expect(text).toMatch(/^Quotes \(\d+\):\n {2}“/m);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("gives each figure its claimant, currency and the time it holds", () => {
    const lines = formatArticle(analyze({ id: "003.txt", text: seed("003_6c04b11d307fba50.txt") })).split("\n");
    expect(lines).toContain("  more than 90,000 troops  (of: Russian troops; according to Ukraine)");
    expect(lines).toContain('  100,000 troops  (of: Russian troops; earlier ("previous"))');
    expect(lines).toContain("  $11 billion pipeline  (of: pipeline; currency USD)");
    const l001 = formatArticle(analyze({ id: "001.txt", text: seed("001_57e72f795a792d39.txt") }));
    expect(l001).toContain("  125,000 troops  (of: Ukrainian troops; according to Maria Zakharova)");
  });

  it("prints exactly the rows a record has, clipping long quotes and flagging date conflicts", () => {
    const a = Article.parse({
      id: "a.txt",
      title: "Storm hits coast",
      titleDerived: true,
      dateline: { place: "MIAMI", agency: "AP" },
      published: { stated: "2030-01-01", inferred: null, weekday: null, conflicts: ["2030-01-01 is after the text"] },
      authors: [],
      contributors: [],
      provenance: { agency: null, republishedFrom: null, materialFrom: [] },
      body: "One.\n\nTwo.",
      entities: [],
      quotes: [{ text: "x".repeat(100), speaker: null, start: 0, end: 100 }],
      numbers: [{ text: "3 dead", value: 3, subject: "dead", start: 0, end: 6 }],
    });
    expect(formatArticle(a)).toBe(
      [
        "== a.txt",
        "Title:      Storm hits coast  (derived, not printed in the text)",
        "Dateline:   MIAMI (AP)",
        "Date:       2030-01-01 (stated)",
        "            ! 2030-01-01 is after the text",
        "Body:       10 characters, 2 paragraphs",
        "Quotes (1):",
        `  “${"x".repeat(89)}…” — (unattributed)`,
        "Numbers (1):",
        "  3 dead  (of: dead)",
        "",
      ].join("\n"),
    );
    expect(formatArticles([a, a]).split("== a.txt")).toHaveLength(3);
  });
});
