import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractNumbers } from "./numbers.ts";

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
