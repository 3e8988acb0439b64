import { describe, expect, it } from "vitest";
import { countTitleInBody, looksLikeHeadline, titleOccurrence } from "./title.ts";

describe("looksLikeHeadline", () => {
  it("accepts the seeds' headlines", () => {
    expect(looksLikeHeadline("Blinken Trades Warnings With Russia’s Lavrov Over Ukraine, NATO")).toBe(true);
    expect(looksLikeHeadline("Top U.S., Russian diplomats to meet amid Ukraine showdown")).toBe(true);
    expect(looksLikeHeadline("Blinken confronts Russia’s Lavrov over Ukraine, warns of ‘serious costs’")).toBe(true);
  });
  it("never takes 002's first sentence for a headline", () => {
    expect(
      looksLikeHeadline(
        "GENEVA (AP) — U.S. Secretary of State Antony Blinken warned Friday that a weekslong standoff over Ukraine is at a “critical moment,” as he headed into talks.",
      ),
    ).toBe(false);
  });
  it("accepts a period only when the caller knows the story opens below", () => {
    expect(looksLikeHeadline("Sanders wins Democrats Abroad global primary.")).toBe(false);
    expect(looksLikeHeadline("Sanders wins Democrats Abroad global primary.", true)).toBe(true);
  });
  it("rejects bylines, labels and timestamps", () => {
    expect(looksLikeHeadline("By Humeyra Pamuk and Johan Ahlander")).toBe(false);
    expect(looksLikeHeadline("Video Transcript:")).toBe(false);
    expect(looksLikeHeadline("Updated 9:06 AM EDT")).toBe(false);
  });
});

describe("titleOccurrence / countTitleInBody", () => {
  const title = "Blinken confronts Russia’s Lavrov over Ukraine, warns of ‘serious costs’";
  it("finds 003's headline glued to the end of its credits line", () => {
    expect(titleOccurrence(`(Editing by Gareth Jones, Nick Macfie and Frances Kerry) ${title}`, title)).toBe("suffix");
  });
  it("finds a whole-line copy, folding quotes", () => {
    expect(titleOccurrence("Blinken confronts Russia's Lavrov over Ukraine, warns of 'serious costs'", title)).toBe(
      "whole",
    );
    expect(countTitleInBody(`${title}\n\nText.\n\n${title}`, title)).toBe(2);
  });
  it("does not match a sentence that merely ends with the same words", () => {
    expect(titleOccurrence("He said it was over Ukraine", "over Ukraine")).toBeNull();
  });
});
