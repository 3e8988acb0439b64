import { describe, expect, it } from "vitest";
import { position, rolesOverTime } from "./roles.ts";

const articles = new Map([
  ["a1", { date: "2022-01-21T09:00:00Z", dateInferred: false }],
  ["a2", { date: "2022-01-19", dateInferred: true }],
  ["a3", { date: "2022-01-21", dateInferred: true }],
  ["a4", { date: null, dateInferred: false }],
]);

describe("roles over time", () => {
  it("gives each role its days, oldest first, the role given earliest first and undated articles apart", () => {
    const r = rolesOverTime(
      [
        { role: "foreign minister", articles: ["a1", "a3", "a4"] },
        { role: "Secretary of State", articles: ["a2", "a1"] },
        { role: "envoy", articles: ["a4", "gone"] },
      ],
      articles,
    );
    expect(r).toEqual([
      {
        role: "Secretary of State",
        days: [
          { date: "2022-01-19", articles: ["a2"], inferred: true },
          { date: "2022-01-21", articles: ["a1"], inferred: false },
        ],
        undated: [],
        first: "2022-01-19",
        last: "2022-01-21",
      },
      {
        role: "foreign minister",
        days: [{ date: "2022-01-21", articles: ["a1", "a3"], inferred: false }],
        undated: ["a4"],
        first: "2022-01-21",
        last: "2022-01-21",
      },
      { role: "envoy", days: [], undated: ["a4", "gone"], first: null, last: null },
    ]);
  });

  it("places a day on the shared axis, the middle when every role is on one day", () => {
    expect(position("2022-01-20", "2022-01-19", "2022-01-21")).toBe(0.5);
    expect(position("2022-01-21", "2022-01-19", "2022-01-21")).toBe(1);
    expect(position("2022-01-19", "2022-01-19", "2022-01-19")).toBe(0.5);
  });
});
