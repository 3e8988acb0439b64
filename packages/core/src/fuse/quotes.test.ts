import { describe, expect, it } from "vitest";
import { resolveEntities } from "./entities.ts";
import { makeArticle } from "./make-article.ts";
import { groupQuotes } from "./quotes.ts";

const blinken = { name: "Antony Blinken", type: "person" as const, aliases: ["Blinken"] };
const biden = { name: "Joe Biden", type: "person" as const };
const zelenskiy = { name: "Volodymyr Zelenskiy", type: "person" as const };

function group(arts: ReturnType<typeof makeArticle>[]) {
  return groupQuotes(arts, resolveEntities(arts));
}

describe("groupQuotes", () => {
  it("joins a short partial quote to the longer quote containing it (000 and 001 on high-impact measures)", () => {
    const a = makeArticle(
      "000",
      "He said those could include “high-impact economic measures that we’ve refrained from taking in the past,” but declined.",
      {
        entities: [blinken],
        quotes: [
          {
            text: "high-impact economic measures that we’ve refrained from taking in the past,",
            speaker: "Antony Blinken",
            partial: true,
          },
        ],
      },
    );
    const b = makeArticle(
      "001",
      'Blinken said the administration was prepared to impose "high-impact economic measures" that it has withheld.',
      {
        entities: [blinken],
        quotes: [{ text: "high-impact economic measures", speaker: "Blinken", partial: true }],
      },
    );
    const q = group([a, b]);
    expect(q).toHaveLength(1);
    expect(q[0].articles).toEqual(["000", "001"]);
    expect(q[0].variants).toEqual(["high-impact economic measures"]);
    expect(q[0].speaker).toBe("Antony Blinken");
  });

  it("groups near-variants of one statement by the same speaker (002 and 004)", () => {
    const a = makeArticle("002", "x", {
      entities: [blinken],
      quotes: [
        {
          text: "if that proves impossible, and Russia decides to pursue aggression against Ukraine, to a united, swift and severe response.",
          speaker: "Antony Blinken",
        },
      ],
    });
    const b = makeArticle("004", "x", {
      entities: [blinken],
      quotes: [
        {
          text: "that they will be met with a swift, severe united response from the U.S, and our allies and partners.",
          speaker: "Antony Blinken",
        },
      ],
    });
    const q = group([a, b]);
    expect(q).toHaveLength(1);
    expect(q[0].articles).toEqual(["002", "004"]);
    expect(q[0].variants).toHaveLength(1);
  });

  it("keeps one-word quotes and other speakers' words apart", () => {
    const a = makeArticle("a", "x", {
      entities: [blinken, biden, zelenskiy],
      quotes: [
        { text: "likely", speaker: "Antony Blinken" },
        { text: "It is likely that presidents will speak", speaker: "Antony Blinken" },
        { text: "minor incursion", speaker: "Joe Biden" },
        { text: "there are no minor incursions", speaker: "Volodymyr Zelenskiy" },
      ],
    });
    const b = makeArticle("b", "x", {
      entities: [biden],
      quotes: [
        { text: "minor incursion.", speaker: null },
        { text: "minor incursion", speaker: "Joe Biden" },
      ],
    });
    const q = group([a, b]);
    const minor = q.find((r) => r.text.startsWith("minor incursion"));
    expect(minor?.articles).toEqual(["a", "b"]);
    // The unattributed copy in b joins Biden's record; Zelenskiy's sentence does not.
    expect(minor?.occurrences).toHaveLength(3);
    expect(q.find((r) => r.speaker === "Volodymyr Zelenskiy")?.articles).toEqual(["a"]);
    expect(q.filter((r) => r.speaker === "Antony Blinken")).toHaveLength(2);
  });
});
