import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeToken, tokenize, tokenizeSentences } from "./tokenize.ts";

const seedDir = new URL("../../../../seeds/", import.meta.url);
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(new URL(f, seedDir), "utf8"));

const words = (s: string) => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it("keeps offsets that slice back to each token on every seed article", () => {
    for (const text of seeds) {
      const toks = tokenize(text);
      expect(toks.length).toBeGreaterThan(100);
      let prev = 0;
      for (const t of toks) {
        expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(t.start).toBeGreaterThanOrEqual(prev);
        // Only whitespace is ever dropped between tokens.
        expect(text.slice(prev, t.start).trim()).toBe("");
        prev = t.end;
      }
    }
  });

  it("splits curly possessives and keeps initials whole in the seed lede", () => {
    const lede =
      "Mr. Blinken spoke to reporters in Stockholm on Thursday, shortly after meeting with Russia’s foreign minister, Sergey V. Lavrov, on the sidelines";
    expect(words(lede)).toEqual([
      "Mr.",
      "Blinken",
      "spoke",
      "to",
      "reporters",
      "in",
      "Stockholm",
      "on",
      "Thursday",
      ",",
      "shortly",
      "after",
      "meeting",
      "with",
      "Russia",
      "’s",
      "foreign",
      "minister",
      ",",
      "Sergey",
      "V.",
      "Lavrov",
      ",",
      "on",
      "the",
      "sidelines",
    ]);
  });

  it("handles em dashes, curly quotes, U.S., n't and hyphenated names", () => {
    expect(words("WASHINGTON — Secretary of State Antony J. Blinken said “likely” the U.S. won't")).toEqual([
      "WASHINGTON",
      "—",
      "Secretary",
      "of",
      "State",
      "Antony",
      "J.",
      "Blinken",
      "said",
      "“",
      "likely",
      "”",
      "the",
      "U.S.",
      "wo",
      "n't",
    ]);
    expect(words("Jean-Yves Le Drian met O'Brien in Bosnia-Herzegovina.")).toEqual([
      "Jean-Yves",
      "Le",
      "Drian",
      "met",
      "O'Brien",
      "in",
      "Bosnia-Herzegovina",
      ".",
    ]);
  });

  it("keeps an emoji whole instead of splitting its surrogate pair", () => {
    expect(words("Paris 🇫🇷 wins")).toEqual(["Paris", "🇫", "🇷", "wins"]);
  });

  it("keeps the period of a state abbreviation in a dateline", () => {
    expect(words("CUPERTINO, Calif. — Apple Inc. said")).toEqual([
      "CUPERTINO",
      ",",
      "Calif.",
      "—",
      "Apple",
      "Inc.",
      "said",
    ]);
  });

  it("keeps numbers with separators and splits sentence-final periods", () => {
    expect(words("It cost $1,250.50, up 3.5% on 1996-08-30.")).toEqual([
      "It",
      "cost",
      "$",
      "1,250.50",
      ",",
      "up",
      "3.5",
      "%",
      "on",
      "1996-08-30",
      ".",
    ]);
    expect(words('He said "no." No. 10 agreed.')).toEqual([
      "He",
      "said",
      '"',
      "no",
      ".",
      '"',
      "No.",
      "10",
      "agreed",
      ".",
    ]);
  });
});

describe("tokenizeSentences", () => {
  it("splits at sentence ends and line breaks but not after abbreviations or initials", () => {
    const s = tokenizeSentences(
      "Headline Here\nMr. Blinken met Sergey V. Lavrov. They spoke. “It went well,” he said.",
    );
    expect(s.map((x) => x.map((t) => t.text).join(" "))).toEqual([
      "Headline Here",
      "Mr. Blinken met Sergey V. Lavrov .",
      "They spoke .",
      "“ It went well , ” he said .",
    ]);
  });
});

describe("normalizeToken", () => {
  it("maps typography to the Reuters forms the model was trained on", () => {
    expect(["“", "’s", "—", "–", "…", "Blinken"].map(normalizeToken)).toEqual(['"', "'s", "--", "-", "...", "Blinken"]);
  });
});
