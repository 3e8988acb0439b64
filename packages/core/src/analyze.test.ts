import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze, analyzeBatch } from "./analyze.ts";
import { Article } from "./schema/article.ts";

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../seeds/${name}`, import.meta.url)), "utf8");
const s002 = seed("002_b662277d12457799.txt");
const s003 = seed("003_6c04b11d307fba50.txt");

describe("analyze: input metadata takes precedence and is merged with the text", () => {
  it("marks a metadata title derived when the text prints none (002)", () => {
    const a = analyze({ id: "002.txt", text: s002, title: "Blinken, Lavrov meet in Geneva" });
    expect(a).toMatchObject({ title: "Blinken, Lavrov meet in Geneva", titleDerived: true });
  });

  it("does not mark a metadata title derived when the text prints it (003)", () => {
    const a = analyze({
      id: "003.txt",
      text: s003,
      title: "Blinken confronts Russia's Lavrov over Ukraine, warns of 'serious costs'",
    });
    expect(a.titleDerived).toBe(false);
    expect(a.body).not.toContain("warns of ‘serious costs’");
  });

  it("ignores a metadata 'title' that is only a timestamp", () => {
    expect(analyze({ text: s002, title: "Updated 9:06 AM" }).title).toBeNull();
  });

  it("uses the metadata date and notes when the page prints another", () => {
    const a = analyze({ id: "003.txt", text: s003, published: "2021-12-03T08:00:00Z" });
    expect(a.published).toMatchObject({ stated: "2021-12-03", source: "input" });
    expect(a.published.conflicts).toContain(
      "metadata date 2021-12-03 differs from the date printed on the page (2021-12-02)",
    );
  });

  it("keeps upstream date conflicts and the modified date apart from publication", () => {
    const a = analyze({
      text: s002,
      dateConflicts: ["og:published_time 2022-01-21 vs visible date 2022-01-20"],
      modified: "2022-01-22",
    });
    expect(a.published).toMatchObject({ stated: null, modified: "2022-01-22" });
    expect(a.published.conflicts).toEqual(["og:published_time 2022-01-21 vs visible date 2022-01-20"]);
  });

  it("merges metadata authors with the byline and canonicalizes a metadata agency", () => {
    const a = analyze({
      text: s003,
      authors: ["Humeyra Pamuk", "Jane Doe"],
      agency: "Thomson Reuters",
      outlet: "USTimeToday",
      url: "https://example.com/a",
    });
    expect(a.authors).toEqual(["Humeyra Pamuk", "Jane Doe", "Johan Ahlander"]);
    expect(a.provenance).toMatchObject({
      agency: "Reuters",
      republishedFrom: "Reuters",
      outlet: "USTimeToday",
      url: "https://example.com/a",
    });
  });

  it("reads an agency from the byline when there is no dateline", () => {
    const a = analyze({
      text: "Talks End Without Deal\n\nBy JANE DOE, Associated Press\n\nThe talks in Geneva ended on Friday without a deal, officials said.",
    });
    expect(a.authors).toEqual(["Jane Doe"]);
    expect(a.provenance.agency).toBe("AP");
    expect(a.credits).toEqual([{ role: "author", names: ["Jane Doe"] }]);
  });

  it("keeps an outlet's own dateline tag in the dateline but not as wire provenance", () => {
    const a = analyze({ text: "WASHINGTON (CNN) — The talks ended on Friday without a deal, officials said." });
    expect(a.dateline).toEqual({ place: "WASHINGTON", agency: "CNN" });
    expect(a.provenance.agency).toBeNull();
  });

  it("reads the date of a dated dateline when the page prints no date line", () => {
    const a = analyze({ text: "WASHINGTON, Dec. 2, 2021 (Reuters) - Blinken met Lavrov in Stockholm on Thursday." });
    expect(a.published).toMatchObject({ stated: "2021-12-02", source: "text", weekday: "Thursday" });
    expect(a.dateline).toEqual({ place: "WASHINGTON", agency: "Reuters" });
  });

  it("never invents a date", () => {
    for (const text of [s002, seed("004_96b30b9797db3545.txt"), seed("000_05ad74a82993dd5c.txt")]) {
      expect(analyze({ text }).published).toMatchObject({ stated: null, inferred: null, conflicts: [] });
    }
  });

  it("gives empty text an empty article instead of failing", () => {
    expect(analyze({ id: "x", text: "" })).toMatchObject({ id: "x", body: "", title: null, dateline: null });
  });
});

describe("analyzeBatch", () => {
  const chrome = "Ukraine crisis: live coverage from our correspondents in Kyiv and Moscow";
  const texts = [
    "Blinken warned Moscow of the costs of an invasion after meeting Lavrov in Stockholm on Thursday.",
    "Lavrov said Russia did not want any conflict but would take measures to ensure its security.",
    "NATO foreign ministers meeting in Riga agreed to prepare a package of sanctions against Russia.",
    "Putin demanded legally binding guarantees that NATO would not expand further to the east.",
  ];

  it("removes a paragraph that recurs across the batch, and records why", () => {
    const articles = analyzeBatch(
      texts.map((t, i) => ({
        id: `a${i}`,
        text: `${t}\n\n${chrome}\n\nStory ${i} continues with its own second paragraph.`,
      })),
    );
    articles.forEach((a, i) => {
      expect(a.body).not.toContain("live coverage");
      expect(a.removed).toContainEqual({ text: chrome, reason: "recurring" });
      expect(a.body).toContain(`Story ${i} continues`);
    });
  });

  it("keeps the text of copies of one story", () => {
    const copies = analyzeBatch([0, 1, 2].map((i) => ({ id: `c${i}`, text: s002 })));
    const single = analyze({ id: "c0", text: s002 });
    for (const a of copies) expect(a.body).toBe(single.body);
  });

  it("analyzes the seeds the same way alone and in a batch", () => {
    const alone = analyze({ id: "003", text: s003 });
    const [inBatch] = analyzeBatch([
      { id: "003", text: s003 },
      { id: "002", text: s002 },
    ]);
    expect(inBatch.body).toBe(alone.body);
  });
});

describe("analyze: output satisfies the Article schema without a parse in production", () => {
  it("is accepted and reproduced unchanged by Article.parse for every seed, with both recognizers", () => {
    const dir = fileURLToPath(new URL("../../../seeds/", import.meta.url));
    const names = readdirSync(dir).filter((f) => f.endsWith(".txt"));
    expect(names).toHaveLength(5);
    for (const recognizer of ["rules", "hybrid"] as const) {
      for (const name of names) {
        const a = analyze({ id: name, text: readFileSync(dir + name, "utf8") }, { recognizer });
        expect(Article.parse(a)).toStrictEqual(a);
      }
    }
  });
});
