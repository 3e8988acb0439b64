import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  dateConflicts,
  futureWeekdays,
  isTimestampLine,
  mainWeekday,
  parseDateLine,
  toIsoDate,
  weekdayOf,
  yearsMentioned,
} from "./dates.ts";

const seed = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../seeds/${name}`, import.meta.url)), "utf8");

describe("parseDateLine", () => {
  it.each([
    ["FRIDAY, April 19, 2024", "2024-04-19", "Friday", "published"],
    ["December 2, 2021", "2021-12-02", null, "published"],
    ["2021-12-02", "2021-12-02", null, "published"],
    ["First Published: June 13, 2013 4:59 PM EDT", "2013-06-13", null, "published"],
    ["Published 12:17 am, Monday, September 16, 2013", "2013-09-16", "Monday", "published"],
    ["Updated: May 24, 2005, 3:23 PM ET", "2005-05-24", null, "modified"],
    ["Monday 16 September 2013 03.31 BST", "2013-09-16", "Monday", "published"],
    ["Updated 4 / 11 / 2007 1:26 PM", "2007-04-11", null, "modified"],
  ])("reads %s", (line, iso, weekday, kind) => {
    expect(parseDateLine(line)).toMatchObject({ iso, weekday, kind });
  });

  it.each([
    "Blinken and Lavrov met in Stockholm on December 2, 2021 to discuss Ukraine.",
    "Stockholm, Sweden December 2, 2021. Jonathan Nackstrand / Pool via REUTERS",
    "By Jane Doe, June 2, 2021",
    "Friday",
  ])("rejects a line that is more than a date: %s", (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe("toIsoDate / weekdayOf / isTimestampLine", () => {
  it("normalizes metadata dates", () => {
    expect(toIsoDate("2021-12-02T10:15:00Z")).toBe("2021-12-02");
    expect(toIsoDate("Thu, 02 Dec 2021 10:15:00 GMT")).toBe("2021-12-02");
    expect(toIsoDate("not a date")).toBeNull();
    expect(toIsoDate("2021-02-30")).toBeNull();
  });
  it("knows 2021-12-02 was a Thursday", () => expect(weekdayOf("2021-12-02")).toBe("Thursday"));
  it("tells timestamps from headlines", () => {
    expect(isTimestampLine("Updated 9:06 AM")).toBe(true);
    expect(isTimestampLine("on September 14, 2013 11:41am | Updated on September 14, 2013 11:41am")).toBe(true);
    expect(isTimestampLine("5 Thoughts on Why the Academy Picked Ellen DeGeneres")).toBe(false);
  });
});

describe("mainWeekday", () => {
  it("takes the weekday of the lead (002: Friday)", () => {
    expect(mainWeekday(seed("002_b662277d12457799.txt").split("\n"))).toBe("Friday");
  });
  it("prefers the paragraph's most frequent weekday (004: 'began their talks Friday ... Friday')", () => {
    expect(mainWeekday(seed("004_96b30b9797db3545.txt").split(/\n+/))).toBe("Friday");
  });
  it("does not take a weekday that only dates an attribution (001: 'the State Department said Wednesday')", () => {
    expect(mainWeekday(seed("001_57e72f795a792d39.txt").split(/\n+/).slice(4))).toBe("Thursday");
  });
  it("returns null when the text names no weekday", () => expect(mainWeekday(["No day here."])).toBeNull());
});

describe("dateConflicts", () => {
  it("flags 001's header date: it announces the Thursday meeting as still to come under a Friday date", () => {
    const text = seed("001_57e72f795a792d39.txt");
    const notes = dateConflicts({ iso: "2024-04-19", weekday: "Friday" }, text.slice(text.indexOf("RIGA")));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/Thursday as still to come/);
    expect(notes[0]).toMatch(/latest year the text mentions \(2014\)/);
  });
  it("accepts 003's date: its Thursday events are past or same-day", () => {
    expect(dateConflicts({ iso: "2021-12-02", weekday: null }, seed("003_6c04b11d307fba50.txt"))).toEqual([]);
  });
  it("flags a printed weekday that is not the date's weekday", () => {
    expect(dateConflicts({ iso: "2021-12-02", weekday: "Friday" }, "")).toEqual([
      "stated date 2021-12-02 is printed as a Friday but was a Thursday",
    ]);
  });
  it("does not read a past weekday as announced ('fell on Friday' under a Sunday date)", () => {
    const body =
      "The first of the deaths this weekend was that of a New Zealand climber who fell on Friday morning.\nRescuers will return today.";
    expect(dateConflicts({ iso: "2013-09-15", weekday: "Sunday" }, body)).toEqual([]);
  });
});

describe("yearsMentioned / futureWeekdays", () => {
  it("finds years but not amounts", () => {
    expect(yearsMentioned("annexed Crimea in 2014; 2,014 troops; $2014; 1991")).toEqual([1991, 2014]);
  });
  it("finds weekdays of announced events only", () => {
    expect(futureWeekdays("Blinken will meet Lavrov on Thursday. He spoke Wednesday.")).toEqual(["Thursday"]);
  });
});

describe("futureWeekdays: the cue must govern the weekday", () => {
  it("does not take a past event in a sentence that also looks ahead", () => {
    expect(
      futureWeekdays(
        "The company, which is expected to lay off thousands, confirmed on Monday that it had been contacted.",
      ),
    ).toEqual([]);
  });
  it("takes 001's announced meeting", () => {
    expect(
      futureWeekdays(
        "The top American diplomat will speak with Lavrov on the sidelines of a summit in Stockholm on Thursday, an official said.",
      ),
    ).toEqual(["Thursday"]);
    expect(futureWeekdays("On Thursday, Blinken will meet Lavrov.")).toEqual(["Thursday"]);
  });
});
