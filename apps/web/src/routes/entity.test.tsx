import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderAt, useSeededClient } from "../../test/harness.tsx";
import { dayLabel } from "../lib/labels.ts";

const seeded = useSeededClient();

describe("the entity page on the seeds", () => {
  it("lists each role with the dates of the articles that give it", async () => {
    const entities = (await seeded.client.listEntities({ limit: 200 })).items;
    const e = entities.filter((x) => x.roles.length > 0).sort((a, b) => b.roles.length - a.roles.length)[0];
    expect(e).toBeDefined();
    const [story] = (await seeded.client.listStories()).items;
    // The fused dates (stated, else inferred) of the story's articles, as the story page shows them.
    const bundle = await seeded.client.getStoryBundle(story.id);
    const dates = new Map(bundle.articles.map((a) => [a.id, a.date?.slice(0, 10)]));
    const inferred = new Set(bundle.articles.filter((a) => a.dateInferred).map((a) => a.id));
    renderAt(seeded.client, `/entities/${e.id}`);
    expect(await screen.findByRole("heading", { level: 1, name: e.name })).toBeDefined();
    for (const r of e.roles) {
      const list = await screen.findByRole("list", { name: `Dates of the articles giving ${r.role}` });
      const shown = within(list)
        .getAllByRole("listitem")
        .map((li) => li.querySelector("time")?.getAttribute("datetime") ?? "undated");
      const expected = [...new Set(r.articles.map((a) => dates.get(a) ?? "undated"))].sort((a, b) =>
        a === "undated" ? 1 : b === "undated" ? -1 : a.localeCompare(b),
      );
      expect(shown).toEqual(expected);
      // A day known only by inference says so (the seeds' 001 is dated that way).
      for (const li of within(list).getAllByRole("listitem")) {
        const day = li.querySelector("time")?.getAttribute("datetime");
        const ids = r.articles.filter((a) => dates.get(a) === day);
        if (day) expect(li.textContent?.includes("inferred date")).toBe(ids.every((a) => inferred.has(a)));
      }
      // Each day links the articles giving the role on it.
      const first = within(list).getAllByRole("listitem")[0];
      if (expected[0] !== "undated") expect(first.textContent).toContain(dayLabel(expected[0]));
      expect(within(first).getAllByRole("link").length).toBeGreaterThan(0);
    }
  });
});
