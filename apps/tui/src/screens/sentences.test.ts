import { describe, expect, it } from "vitest";
import { sentenceAround, sentenceWith } from "./sentences.ts";

describe("sentenceAround", () => {
  const body =
    "Blinken spoke first. With more than 100,000 Russian troops amassed near the border, many fear Moscow is preparing to invade — and the U.S. is warning of costs. Lavrov replied.";
  it("returns the whole sentence around a span, not stopping at U.S.", () => {
    const at = body.indexOf("more than 100,000");
    expect(sentenceAround(body, at, at + 17)).toBe(
      "With more than 100,000 Russian troops amassed near the border, many fear Moscow is preparing to invade — and the U.S. is warning of costs.",
    );
  });
  it("keeps a closing quotation mark with its sentence", () => {
    const b = "He said: “We are at a decisive juncture.” Then he left.";
    expect(sentenceAround(b, 12, 20)).toBe("He said: “We are at a decisive juncture.”");
  });
  it("does not end a sentence at a title such as Mr.", () => {
    const b = "It was late. Mr. Lavrov said no. Done.";
    expect(sentenceAround(b, b.indexOf("Lavrov"), b.indexOf("Lavrov") + 6)).toBe("Mr. Lavrov said no.");
  });
});

describe("sentenceWith", () => {
  it("finds a spelling as a whole word only", () => {
    const b = "Sergeiev came. Then Sergei Lavrov spoke.";
    expect(sentenceWith(b, "Sergei")).toBe("Then Sergei Lavrov spoke.");
    expect(sentenceWith(b, "Sergey")).toBeNull();
  });
});
