import { describe, expect, it } from "vitest";
import { isPersonName, parseByline, parseCreditLine } from "./credits.ts";

describe("parseByline", () => {
  it("reads 003's byline", () => {
    expect(parseByline("By Humeyra Pamuk and Johan Ahlander")).toEqual({
      authors: ["Humeyra Pamuk", "Johan Ahlander"],
      agency: null,
    });
  });
  it("takes the agency out of a byline and title-cases names in capitals", () => {
    expect(parseByline("By JANE DOE, Associated Press")).toEqual({ authors: ["Jane Doe"], agency: "AP" });
    expect(parseByline("By Andrew Osborn | Reuters")).toEqual({ authors: ["Andrew Osborn"], agency: "Reuters" });
  });
  it("drops job labels and places after names", () => {
    expect(parseByline("By Jane Doe, Staff Writer")).toEqual({ authors: ["Jane Doe"], agency: null });
    expect(parseByline("By Anton Troianovski in Moscow")).toEqual({ authors: ["Anton Troianovski"], agency: null });
  });
  it("reads AP bylines without a comma and skips outlets", () => {
    expect(parseByline("By MATTHEW LEE and VLADIMIR ISACHENKOV Associated Press")).toEqual({
      authors: ["Matthew Lee", "Vladimir Isachenkov"],
      agency: "AP",
    });
    expect(parseByline("By MATTHEW LEE AP Diplomatic Writer")).toEqual({ authors: ["Matthew Lee"], agency: "AP" });
    expect(parseByline("By Jane Doe and John Roe | The Washington Post")).toEqual({
      authors: ["Jane Doe", "John Roe"],
      agency: null,
    });
    expect(parseByline("By Jane Doe, CNN")).toEqual({ authors: ["Jane Doe"], agency: null });
  });
  it("rejects sentences that start with 'By'", () => {
    expect(parseByline("By Thursday, the talks had collapsed.")).toBeNull();
    expect(parseByline("By the end of the week, Russia had massed more troops near the border.")).toBeNull();
  });
});

describe("parseCreditLine", () => {
  it("reads 003's Reuters credit block with roles", () => {
    const line =
      "(Additional reporting by Niklas Polland, Anna Ringstrom, Simon Lewis and Andrew Osborn; Writing by Mark Trevelyan; Editing by Gareth Jones, Nick Macfie and Frances Kerry)";
    expect(parseCreditLine(line)?.credits).toEqual([
      { role: "additional reporting", names: ["Niklas Polland", "Anna Ringstrom", "Simon Lewis", "Andrew Osborn"] },
      { role: "writing", names: ["Mark Trevelyan"] },
      { role: "editing", names: ["Gareth Jones", "Nick Macfie", "Frances Kerry"] },
    ]);
  });
  it("reads 000's 'contributed reporting' line", () => {
    expect(parseCreditLine("Anton Troianovski contributed reporting from Moscow.")?.credits).toEqual([
      { role: "contributor", names: ["Anton Troianovski"] },
    ]);
  });
  it("reads reporting credits with places", () => {
    expect(parseCreditLine("Reporting by Valerie Volcovici in Washington; Editing by Will Dunham")?.credits).toEqual([
      { role: "reporting", names: ["Valerie Volcovici"] },
      { role: "editing", names: ["Will Dunham"] },
    ]);
    expect(parseCreditLine("Bryant Rousseau and Caryn Wilson contributed reporting.")?.credits[0].names).toEqual([
      "Bryant Rousseau",
      "Caryn Wilson",
    ]);
  });
  it("reports agencies credited with contributing, without people", () => {
    expect(parseCreditLine("The Associated Press contributed to this report.")).toEqual({
      credits: [],
      agencies: ["AP"],
    });
  });
  it("rejects ordinary sentences", () => {
    expect(
      parseCreditLine("Russia says it alone has arrested three suspected Ukrainian intelligence officers."),
    ).toBeNull();
    expect(parseCreditLine("Editing by committee rarely works, critics said.")).toBeNull();
  });
});

describe("isPersonName", () => {
  it("accepts names, not agencies", () => {
    expect(isPersonName("Antony J. Blinken")).toBe(true);
    expect(isPersonName("Associated Press")).toBe(false);
    expect(isPersonName("moscow")).toBe(false);
  });
});

describe("parseCreditLine: labelled contributors", () => {
  it("reads 'Contributing: Kristine Phillips'", () => {
    expect(parseCreditLine("Contributing: Kristine Phillips")?.credits).toEqual([
      { role: "contributor", names: ["Kristine Phillips"] },
    ]);
  });
});

describe("parseCreditLine: comma-separated roles", () => {
  it("reads a Reuters credit whose roles are separated by commas", () => {
    expect(
      parseCreditLine(
        "(Reporting by Greg Roumeliotis, Joshua Franklin, Koh Gui Qing, with reporting by Herb Lash and Megan Davies, editing by Martin Howell)",
      )?.credits,
    ).toEqual([
      { role: "reporting", names: ["Greg Roumeliotis", "Joshua Franklin", "Koh Gui Qing"] },
      { role: "reporting", names: ["Herb Lash", "Megan Davies"] },
      { role: "editing", names: ["Martin Howell"] },
    ]);
  });
});

describe("credits: outlets are not people", () => {
  it("drops the outlet from a USA Today contributor line", () => {
    expect(parseCreditLine("Contributing: Brittney Bennett and Greg Toppo, USA TODAY.")?.credits).toEqual([
      { role: "contributor", names: ["Brittney Bennett", "Greg Toppo"] },
    ]);
    expect(isPersonName("HNN Staff")).toBe(false);
  });
});
