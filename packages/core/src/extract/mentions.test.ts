import { describe, expect, it } from "vitest";
import { recognizeByRules } from "./mentions.ts";

const spans = (text: string) => recognizeByRules(text).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);

describe("recognizeByRules", () => {
  it("keeps titles out of person names and types the prefix separately", () => {
    expect(spans("NATO Secretary General Jens Stoltenberg said Moscow had no right to dictate events.")).toEqual([
      "ORG:NATO",
      "PER:Jens Stoltenberg",
      "LOC:Moscow",
    ]);
  });

  it("joins organisation names across 'for' and 'in' but not a person and a place", () => {
    expect(spans("In Stockholm, Andrew Weiss of the Carnegie Endowment for International Peace spoke.")).toEqual([
      "LOC:Stockholm",
      "PER:Andrew Weiss",
      "ORG:Carnegie Endowment for International Peace",
    ]);
    expect(spans("President Vladimir V. Putin of Russia spoke.")).toEqual(["PER:Vladimir V. Putin", "LOC:Russia"]);
  });

  it("reads an all-capitals dateline place and skips a Title Case headline", () => {
    const text = "Blinken Trades Warnings With Russia’s Lavrov Over Ukraine, NATO\n\nRIGA, Latvia - Talks began.";
    // (MISC spans such as a sentence-initial "Talks" are left for the entity stage to judge.)
    expect(spans(text).filter((s) => !s.startsWith("MISC"))).toEqual(["LOC:RIGA", "LOC:Latvia"]);
  });
});
