import { describe, expect, it } from "vitest";
import { resolveEntities } from "./entities.ts";
import { makeArticle } from "./make-article.ts";
import { buildTimeline, weekdayOf } from "./timeline.ts";

const people = [
  { name: "Catherine Colonna", type: "person" as const },
  { name: "Annalena Baerbock", type: "person" as const },
];
const paris = (id: string, lead: string, stated: string | null, weekday: string | null) =>
  makeArticle(
    id,
    `${lead} Colonna and Baerbock discussed energy prices, sanctions and grain exports with their counterparts.`,
    {
      title: "Foreign ministers meet",
      stated,
      weekday,
      entities: people,
    },
  );

function timeline(arts: ReturnType<typeof makeArticle>[]) {
  return buildTimeline("s1", arts, resolveEntities(arts));
}

describe("buildTimeline", () => {
  it("dates an undated report from a dated report of the same event, and marks it inferred", () => {
    const t = timeline([
      paris(
        "a",
        "French Foreign Minister Catherine Colonna met her German counterpart in Paris on Thursday for long talks.",
        "2022-03-10",
        "Thursday",
      ),
      paris(
        "b",
        "Catherine Colonna and Annalena Baerbock held a meeting in Paris on Thursday about the war.",
        null,
        "Thursday",
      ),
    ]);
    expect(t.events).toHaveLength(1);
    expect(t.events[0]).toMatchObject({
      place: "Paris",
      date: "2022-03-10",
      articles: ["a", "b"],
      label: "meeting in Paris",
    });
    expect(t.articles.find((x) => x.id === "b")?.published).toMatchObject({ stated: null, inferred: "2022-03-10" });
    expect(t.discrepancies).toEqual([]);
  });

  it("infers nothing when the undated report names another weekday than the event's", () => {
    const t = timeline([
      paris(
        "a",
        "French Foreign Minister Catherine Colonna met her German counterpart in Paris on Thursday for long talks.",
        "2022-03-10",
        "Thursday",
      ),
      paris(
        "b",
        "Catherine Colonna and Annalena Baerbock held a meeting in Paris on Friday about the war.",
        null,
        "Friday",
      ),
    ]);
    expect(t.articles.find((x) => x.id === "b")?.published.inferred).toBeNull();
  });

  it("flags an announcement dated after the event it announces, and a report dated before its event", () => {
    const t = timeline([
      paris(
        "a",
        "French Foreign Minister Catherine Colonna met her German counterpart in Paris on Thursday for long talks.",
        "2022-03-10",
        "Thursday",
      ),
      paris(
        "c",
        "Catherine Colonna and Annalena Baerbock held a meeting in Paris on Thursday about the war.",
        "2022-03-10",
        "Thursday",
      ),
      paris(
        "ann",
        "Catherine Colonna will meet Annalena Baerbock, her German counterpart, in Paris on Thursday, officials said.",
        "2023-06-01",
        null,
      ),
      paris(
        "early",
        "Catherine Colonna and Annalena Baerbock held a meeting in Paris on Thursday about the war.",
        "2022-03-01",
        "Thursday",
      ),
    ]);
    const ev = t.events.find((e) => e.place === "Paris")!;
    expect(ev.announcedBy).toEqual(["ann"]);
    expect(ev.date).toBe("2022-03-10");
    const ann = t.articles.find((x) => x.id === "ann")!.published;
    expect(ann.stated).toBe("2023-06-01");
    expect(ann.conflicts[0]).toContain("2022-03-10");
    expect(t.articles.find((x) => x.id === "early")!.published.conflicts[0]).toContain("before 2022-03-10");
    expect(t.discrepancies.map((d) => d.about).sort()).toEqual([
      "ann stated date against its content",
      "early stated date against its content",
    ]);
  });

  it("dates an event by its first reports, not by the day most follow-ups appeared", () => {
    const t = timeline([
      paris(
        "a",
        "French Foreign Minister Catherine Colonna met her German counterpart in Paris on Thursday for long talks.",
        "2022-03-10",
        null,
      ),
      paris(
        "b",
        "Catherine Colonna and Annalena Baerbock held a meeting in Paris about the war and sanctions.",
        "2022-03-11",
        null,
      ),
      paris(
        "c",
        "Catherine Colonna and Annalena Baerbock held a meeting in Paris about the war and energy.",
        "2022-03-11",
        null,
      ),
    ]);
    expect(t.events[0].date).toBe("2022-03-10");
    expect(t.discrepancies).toEqual([]);
  });

  it("computes weekdays without a clock", () => {
    expect(weekdayOf("2021-12-02")).toBe("thursday");
  });
});
