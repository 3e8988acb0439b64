import { describe, expect, it } from "vitest";
import { findRecurringLines } from "./recurring.ts";

const footer = "Follow the latest Ukraine coverage in our live blog";
const story = (lead: string) => [
  lead,
  `${lead.split(" ")[0]} spoke to reporters afterwards and took several questions.`,
  footer,
];

describe("findRecurringLines", () => {
  it("finds a footer shared by three different articles", () => {
    const found = findRecurringLines([
      story("Blinken warned Moscow of the costs of an invasion in a meeting with Lavrov on Thursday."),
      story("Lavrov said Russia did not want conflict but would defend its security interests."),
      story("NATO ministers agreed in Riga to prepare sanctions if Russia invades Ukraine."),
    ]);
    expect(found.has(footer.toLowerCase())).toBe(true);
  });

  it("needs at least three articles", () => {
    expect(
      findRecurringLines([
        story("One lead sentence that is long enough to be prose here."),
        story("Another lead sentence that is long enough for prose."),
      ]).size,
    ).toBe(0);
  });

  it("keeps the paragraphs of copies of one wire story", () => {
    const wire = [
      "GENEVA (AP) — U.S. Secretary of State Antony Blinken warned Friday that a weekslong standoff over Ukraine is at a critical moment.",
      "Blinken and Russian Foreign Minister Sergey Lavrov lowered expectations ahead of the meeting in Geneva, with each saying the talks were one step.",
      "With more than 100,000 Russian troops amassed near the Ukrainian border, many fear Moscow is preparing to invade.",
    ];
    const found = findRecurringLines([wire, wire, wire, wire]);
    expect(found.size).toBe(0);
  });

  it("scales the threshold with the batch (10% of 50 articles is 5)", () => {
    const batch = Array.from({ length: 50 }, (_, i) => [
      `Article number ${i} reports a different event in a different town today.`,
    ]);
    for (let i = 0; i < 4; i++) batch[i].push("Share on WhatsApp");
    expect(findRecurringLines(batch).size).toBe(0);
    batch[4].push("Share on WhatsApp");
    expect([...findRecurringLines(batch)]).toEqual(["share on whatsapp"]);
  });
});
