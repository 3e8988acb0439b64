import { describe, expect, it } from "vitest";
import { canonicalAgency, isAggregatorDisclaimer, materialAgencies, republishedOrigin } from "./provenance.ts";

describe("canonicalAgency", () => {
  it("uses one name per agency everywhere", () => {
    expect(canonicalAgency("the Associated Press")).toBe("AP");
    expect(canonicalAgency("AP")).toBe("AP");
    expect(canonicalAgency("REUTERS")).toBe("Reuters");
    expect(canonicalAgency("Agence France-Presse")).toBe("AFP");
    expect(canonicalAgency("State Department")).toBeNull();
  });
});

describe("isAggregatorDisclaimer", () => {
  it("recognises 003's aggregator disclaimer", () => {
    expect(
      isAggregatorDisclaimer(
        "USTimeToday is an automatic aggregator of the all world’s media. In each content, the hyperlink to the primary source is specified.",
      ),
    ).toBe(true);
  });
  it("does not flag a sentence about aggregators", () => {
    expect(isAggregatorDisclaimer("Google News, a news aggregator, changed its ranking on Friday.")).toBe(false);
  });
});

describe("materialAgencies", () => {
  it("reads 004's material credit", () => {
    expect(materialAgencies("Some material in this report came from the Associated Press.")).toEqual(["AP"]);
  });
  it("reads other common forms", () => {
    expect(materialAgencies("Material from Reuters was used in this report.")).toEqual(["Reuters"]);
    expect(materialAgencies("The Associated Press and Reuters contributed to this report.")).toEqual(["AP", "Reuters"]);
  });
  it("ignores people and ordinary sentences", () => {
    expect(materialAgencies("Reporting by Andrew Osborn")).toEqual([]);
    expect(
      materialAgencies("Some material in this report came from the Kremlin's own briefings, officials said."),
    ).toEqual([]);
  });
});

describe("republishedOrigin", () => {
  it("reads 'originally appeared' notes", () => {
    expect(republishedOrigin("This article originally appeared on Reuters.")).toBe("Reuters");
    expect(republishedOrigin("This story originally appeared in The Guardian.")).toBe("The Guardian");
  });
  it("does not read a source line as a republication", () => {
    expect(republishedOrigin("Source: NATO.")).toBeNull();
  });
});
