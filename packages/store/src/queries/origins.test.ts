import { describe, expect, it } from "vitest";
import { coverageOf, type OriginArticle, originsOf, outletsOf } from "./origins.ts";

const art = (id: string, o: Partial<OriginArticle> = {}): OriginArticle => ({
  id,
  outlet: null,
  agency: null,
  republishedFrom: null,
  materialFrom: [],
  duplicateGroupId: null,
  ...o,
});

describe("originsOf", () => {
  it("counts a duplicate group once, led by its original, and an ungrouped article as its own origin", () => {
    const { origins, of } = originsOf(
      [
        art("wire", { agency: "Reuters", duplicateGroupId: "g1" }),
        art("copy1", { outlet: "Daily", duplicateGroupId: "g1" }),
        art("copy2", { outlet: "Herald", duplicateGroupId: "g1" }),
        art("own", { outlet: "Times" }),
      ],
      [{ id: "g1", original: "wire" }],
    );
    expect(origins.map((o) => [o.id, o.kind, o.articles.sort()])).toEqual([
      ["wire", "wire", ["copy1", "copy2", "wire"]],
      ["own", "original", ["own"]],
    ]);
    expect(of.get("copy1")).toEqual({ origin: "wire", role: "copy" });
    expect(of.get("wire")).toEqual({ origin: "wire", role: "wire" });
    expect(of.get("own")).toEqual({ origin: "own", role: "original" });
  });

  it("joins a republication to the article of the set that carries its source", () => {
    const { origins, of } = originsOf(
      [
        art("ap", { agency: "AP" }),
        art("agg", { outlet: "Aggregator", republishedFrom: "Bloomberg" }),
        art("agg2", { outlet: "Aggregator", republishedFrom: "AP" }),
      ],
      [],
    );
    expect(origins).toHaveLength(2);
    expect(of.get("agg2")).toEqual({ origin: "ap", role: "republication" });
  });

  it("keeps a republication whose source is not in the set as its own origin, wire when it carries the agency", () => {
    const { origins, of } = originsOf(
      [art("copy", { agency: "Reuters", republishedFrom: "Reuters" }), art("mat", { materialFrom: ["AP"] })],
      [],
    );
    expect(origins.map((o) => [o.id, o.kind])).toEqual([
      ["copy", "wire"],
      ["mat", "original"],
    ]);
    expect(of.get("copy")?.role).toBe("republication");
    expect(of.get("mat")?.role).toBe("material");
  });
});

describe("outletsOf and coverageOf", () => {
  it("lists outlets most articles first, an agency standing in for a missing outlet", () => {
    expect(
      outletsOf([
        { outlet: "B", agency: null },
        { outlet: "A", agency: null },
        { outlet: "b", agency: null },
        { outlet: null, agency: "AP" },
        { outlet: null, agency: null },
      ]),
    ).toEqual({ outlets: ["B", "A", "AP"], outletCount: 3 });
  });

  it("counts dated articles per day, oldest first, and the undated apart", () => {
    expect(coverageOf(["2021-12-02", null, "2021-12-01", "2021-12-02"])).toEqual({
      coverage: [
        { date: "2021-12-01", articles: 1 },
        { date: "2021-12-02", articles: 2 },
      ],
      undatedCount: 1,
    });
  });
});
