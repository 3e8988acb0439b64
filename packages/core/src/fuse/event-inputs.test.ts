import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Article } from "../schema/article.ts";
import { articleEventFeatureList } from "../cluster/events.features.ts";
import { eventAnchor } from "../cluster/events.anchor.ts";
import { eventInputs } from "./event-inputs.ts";

const { articles } = JSON.parse(readFileSync(new URL("../../fixtures/fuse-golden.json", import.meta.url), "utf8")) as {
  articles: Article[];
};
const copy = (a: Article): Article => JSON.parse(JSON.stringify(a));

describe("eventInputs", () => {
  it("serves an unchanged article read again (a fresh copy, as the store loads it) from memory", () => {
    const first = eventInputs(articles[0]);
    expect(eventInputs(copy(articles[0]))).toBe(first);
    expect(first.features).toEqual(articleEventFeatureList(articles[0]));
  });

  it("recomputes when the text, an entity or the weekday of an article with the same id changed", () => {
    const a = articles[1];
    const before = eventInputs(a);
    const edited = { ...copy(a), body: a.body.replace(/Bloomington/g, "Minneapolis") };
    expect(eventInputs(edited).features).toEqual(articleEventFeatureList(edited));
    expect(eventInputs(edited).features).not.toEqual(before.features);

    const renamed = copy(a);
    renamed.entities[0] = { ...renamed.entities[0], type: "place", aliases: ["Stockholm"] };
    expect(eventInputs(renamed).anchor).toEqual(eventAnchor(renamed));

    const weekday = copy(a);
    weekday.published.weekday = "Sunday";
    expect(eventInputs(weekday).anchor).toEqual(eventAnchor(weekday));
    expect(eventInputs(a).features).toEqual(before.features);
  });
});
