import type { BundleArticle } from "@newsfuse/core/schema";
import { describe, expect, it } from "vitest";
import { carried, outletColumns } from "./columns.ts";

const art = (id: string, outlet: string | null): BundleArticle =>
  ({ id, outlet, agency: null, title: null }) as unknown as BundleArticle;

describe("coverage matrix columns", () => {
  const cols = outletColumns([art("002_x", "AP"), art("004_y", null), art("009_z", "AP")]);
  it("groups articles by outlet; an article without one gets its own column", () => {
    expect(cols.map((c) => [c.label, c.articles.length])).toEqual([
      ["AP", 2],
      ["Article 004", 1],
    ]);
  });
  it("tells verbatim from a variant wording and from absent, punctuation and quote marks aside", () => {
    const quote = {
      text: "minor incursion.",
      occurrences: [
        { article: "002_x", text: "minor incursion" },
        { article: "004_y", text: "a minor, limited incursion" },
      ],
    };
    expect(carried(quote, cols[0])).toBe("verbatim");
    expect(carried(quote, cols[1])).toBe("variant");
    expect(carried({ ...quote, occurrences: [] }, cols[0])).toBe("absent");
  });
});
