import { describe, expect, it } from "vitest";
import { makeArticle } from "./make-article.ts";
import { formatNumber, groupNumbers } from "./numbers.ts";

// The troop figures of the five seeds, with the sentences they stand in.
const arts = [
  makeArticle(
    "001",
    "Russian Foreign Ministry spokeswoman Maria Zakharova claimed the Ukrainian government has deployed 125,000 troops to the Donbas region. U.S. and Ukrainian officials have voiced concerns about a buildup of nearly 100,000 Russian troops along Russia's border with Ukraine.",
    {
      numbers: [
        { text: "125,000 troops", value: 125000, subject: "Ukrainian troops" },
        { text: "nearly 100,000 Russian troops", value: 100000, qualifier: "nearly", subject: "Russian troops" },
      ],
    },
  ),
  makeArticle(
    "002",
    "With more than 100,000 Russian troops amassed near the Ukrainian border, many fear Moscow is preparing to invade.",
    {
      numbers: [
        { text: "more than 100,000 Russian troops", value: 100000, qualifier: "more than", subject: "Russian troops" },
      ],
    },
  ),
  makeArticle("003", "Ukraine says Russia has massed more than 90,000 troops near its longstanding shared border.", {
    stated: "2021-12-02",
    numbers: [{ text: "more than 90,000 troops", value: 90000, qualifier: "more than", subject: "troops" }],
  }),
  makeArticle("004", "The standoff over Putin's massing of 100,000 troops along Ukraine's eastern flank.", {
    numbers: [{ text: "100,000 troops", value: 100000, subject: "troops" }],
  }),
];

describe("groupNumbers", () => {
  const { groups, discrepancies } = groupNumbers(arts, (id) => (id === "003" ? "2021-12-02" : null), "s1");

  it("groups the Russian troop figures under one subject and never with the Ukrainian figure", () => {
    const russian = groups.find((g) => g.subject === "Russian troops");
    expect(russian?.claims.map((c) => c.article).sort()).toEqual(["001", "002", "003", "004"]);
    const ukrainian = groups.find((g) => g.subject === "Ukrainian troops");
    expect(ukrainian?.claims.map((c) => c.value)).toEqual([125000]);
  });

  it("shows the disagreeing figures side by side with sources and dates", () => {
    expect(discrepancies).toHaveLength(1);
    const d = discrepancies[0];
    expect(d.about).toBe("Russian troops");
    expect(d.values.map((v) => v.value).sort()).toEqual([
      "100,000",
      "more than 100,000",
      "more than 90,000",
      "nearly 100,000",
    ]);
    expect(d.values.find((v) => v.value === "more than 90,000")).toMatchObject({
      articles: ["003"],
      dates: ["2021-12-02"],
    });
  });

  it("does not set far-apart figures about one subject against each other, nor bare measures", () => {
    const pirates = [
      makeArticle("a", "The Indian navy captured 23 Somali pirates. The ship sailed 150 miles.", {
        numbers: [
          { text: "23 Somali pirates", value: 23, subject: "Somali pirates" },
          { text: "150 miles", value: 150, subject: "miles" },
        ],
      }),
      makeArticle("b", "An estimated 1,500 Somali pirates operate in the gulf. The ship sailed 120 miles.", {
        numbers: [
          {
            text: "An estimated 1,500 Somali pirates",
            value: 1500,
            qualifier: "an estimated",
            subject: "Somali pirates",
          },
          { text: "120 miles", value: 120, subject: "miles" },
        ],
      }),
    ];
    const r = groupNumbers(pirates, () => null);
    expect(r.groups.find((g) => g.subject === "Somali pirates")?.claims).toHaveLength(2);
    expect(r.discrepancies).toEqual([]);
  });

  it("formats figures without locale tables", () => {
    expect(formatNumber(1234567.5)).toBe("1,234,567.5");
  });
});

describe("groupNumbers: disagreements that are real", () => {
  const claim = (id: string, text: string, value: number, qualifier: string | null, stated: string | null = null) =>
    makeArticle(id, `Rescuers said ${text} were missing.`, {
      stated,
      numbers: [{ text, value, qualifier, subject: "Chinese fishermen" }],
    });

  it("raises none between figures that can all hold once qualifiers are read", () => {
    const arts = [
      claim("a", "about 150 Chinese fishermen", 150, "about"),
      claim("b", "around 150 Chinese fishermen", 150, "around"),
      claim("c", "150 Chinese fishermen", 150, null),
      claim("d", "nearly 160 Chinese fishermen", 160, "nearly"),
    ];
    expect(groupNumbers(arts, () => null).discrepancies).toEqual([]);
  });

  it("raises one when the ranges cannot all hold, listing every article with its date", () => {
    const arts = [
      claim("a", "more than 150 Chinese fishermen", 150, "more than", "2021-12-01"),
      claim("b", "nearly 150 Chinese fishermen", 150, "nearly", "2021-12-02"),
      claim("c", "nearly 150 Chinese fishermen", 150, "nearly"),
    ];
    const dates: Record<string, string | null> = { a: "2021-12-01", b: "2021-12-02", c: null };
    const [d] = groupNumbers(arts, (id) => dates[id], "s").discrepancies;
    expect(d.kind).toBe("number");
    expect(d.values).toEqual([
      { value: "more than 150", articles: ["a"], dates: ["2021-12-01"] },
      { value: "nearly 150", articles: ["b", "c"], dates: ["2021-12-02", null] },
    ]);
  });

  it("shows figures of two times as a change with both dates, not a disagreement", () => {
    const arts = [
      claim("a", "120 Chinese fishermen", 120, null, "2021-06-10"),
      claim("b", "150 Chinese fishermen", 150, null, "2021-12-02"),
    ];
    const dates: Record<string, string> = { a: "2021-06-10", b: "2021-12-02" };
    const ds = groupNumbers(arts, (id) => dates[id], "s").discrepancies;
    expect(ds.map((d) => d.kind)).toEqual(["change"]);
    expect(ds[0].about).toBe("Chinese fishermen, 2021-06-10 to 2021-12-02");
    expect(ds[0].values.map((v) => v.dates[0])).toEqual(["2021-06-10", "2021-12-02"]);
  });

  it("labels two disagreements about one subject apart", () => {
    const arts = [
      claim("a", "12 Chinese fishermen", 12, null),
      claim("b", "14 Chinese fishermen", 14, null),
      claim("c", "150 Chinese fishermen", 150, null),
      claim("d", "170 Chinese fishermen", 170, null),
    ];
    const labels = groupNumbers(arts, () => null).discrepancies.map((d) => d.about);
    expect(labels).toEqual(["Chinese fishermen (12 to 14)", "Chinese fishermen (150 to 170)"]);
  });
});
