import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractNumbers, resolveClaimTime } from "./numbers.ts";

const seed = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../seeds/${name}`, import.meta.url)), "utf8");

describe("extractNumbers", () => {
  it("keeps Ukrainian and Russian troop figures apart as the text does", () => {
    const nums = extractNumbers(seed("001_57e72f795a792d39.txt"));
    expect(nums.find((n) => n.value === 125000)?.subject).toBe("Ukrainian troops");
    expect(nums.find((n) => n.value === 100000)).toMatchObject({
      text: "nearly 100,000 Russian troops",
      qualifier: "nearly",
      subject: "Russian troops",
    });
  });

  it("reads currency and multipliers", () => {
    const n = extractNumbers(seed("003_6c04b11d307fba50.txt")).find((x) => x.currency === "USD");
    expect(n).toMatchObject({ text: "$11 billion pipeline", value: 11e9, subject: "pipeline" });
  });

  it("skips years, dates and ordinals", () => {
    const text = "On Dec. 2, 2021, in the 2014 annexation, the 3rd round involved 27 Russian diplomats.";
    expect(extractNumbers(text).map((n) => n.text)).toEqual(["27 Russian diplomats"]);
  });

  it("gives offsets into the text", () => {
    const text = "With more than 100,000 Russian troops amassed near the border.";
    const [n] = extractNumbers(text);
    expect(text.slice(n.start, n.end)).toBe("more than 100,000 Russian troops");
  });
});

describe("extractNumbers: what is not a claim", () => {
  it("skips street addresses, scores, ids and ages", () => {
    const text =
      "He lived at 200 West American Boulevard near the 300 block of Lyndale Avenue. The Bulls won 98-87. Flight 103 crashed. John Smith, 45, was hurt. Police found 12 rifles.";
    expect(extractNumbers(text).map((n) => n.text)).toEqual(["12 rifles"]);
  });

  it("reads a currency word after the figure as the currency", () => {
    const [n] = extractNumbers("The club paid 200 million euros in fees.");
    expect(n).toMatchObject({ value: 2e8, currency: "EUR", unit: "EUR" });
  });
});

describe("extractNumbers: who gives a figure and when it holds", () => {
  it("names the claimant through 'according to' and a speech verb after the figure", () => {
    const [a] = extractNumbers("At least 20 people died, according to the Red Cross.");
    expect(a.claimant).toBe("Red Cross");
    const [b] = extractNumbers("About 300 protesters gathered, police said.");
    expect(b.claimant).toBe("police");
  });

  it("dates a figure by the words of its clause", () => {
    const [june] = extractNumbers("Russia had massed 100,000 troops in June near the border.");
    expect(june.time).toEqual({ relation: "dated", text: "in June", date: null });
    expect(resolveClaimTime(june.time, "2021-12-02")).toBe("2021-06");
    expect(resolveClaimTime({ relation: "dated", text: "in June", date: null }, "2022-01-20")).toBe("2021-06");
    const [year] = extractNumbers("The firm sold 4,000 cars last year.");
    expect(resolveClaimTime(year.time, "2021-12-02")).toBe("2020");
    const [now] = extractNumbers("Russia has 90,000 troops near the border.");
    expect(now.time.relation).toBe("current");
    expect(resolveClaimTime(now.time, "2021-12-02")).toBe("2021-12-02");
  });
});

describe("extractNumbers: units", () => {
  it("keeps a unit of measure as the claim's unit", () => {
    const [n] = extractNumbers("The ship was seized about 150 nautical miles east of the coast.");
    expect(n).toMatchObject({ value: 150, qualifier: "about", unit: "nautical miles" });
  });
});
