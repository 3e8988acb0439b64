import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities.ts";
import type { MentionSpan } from "./mentions.ts";
import { filterPersonSpans, reclassifyPerson } from "./not-people.ts";

const span = (text: string, name: string, type: MentionSpan["type"] = "PER"): MentionSpan => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, type };
};
const people = (text: string) =>
  extractEntities(text)
    .filter((e) => e.type === "person")
    .map((e) => e.name);

describe("reclassifyPerson", () => {
  it("drops plurals of roles and group nouns that a speech verb follows", () => {
    const text = "Traders said prices fell. Analysts said the market was tired.";
    expect(reclassifyPerson(text, span(text, "Traders"), [])).toBeNull();
    expect(people(text)).toEqual([]);
  });

  it("retypes names whose head says what they are", () => {
    const text = "Shares fell on the Tokyo Stock Exchange and in Tiananmen Square.";
    expect(reclassifyPerson(text, span(text, "Stock Exchange"), [])?.type).toBe("MISC");
    expect(reclassifyPerson(text, span(text, "Tiananmen Square"), [])?.type).toBe("LOC");
  });

  it("reads vessels, venues and laws named after people as things", () => {
    const text =
      "The aircraft carrier Enterprise left. Fans filled Kosevo stadium. He opposed the Brady gun-control law.";
    expect(reclassifyPerson(text, span(text, "Enterprise"), [])?.type).toBe("MISC");
    expect(reclassifyPerson(text, span(text, "Kosevo"), [])?.type).toBe("LOC");
    expect(reclassifyPerson(text, span(text, "Brady"), [])?.type).toBe("MISC");
  });

  it("keeps the person of a title, a name glued to the next word and a trailing weekday apart", () => {
    const text =
      "He was freed by King Sihanouk. LuAnn Johnson died. Police said Johnsonwas hit. Anthony Phillip Lasalle Friday appeared.";
    const at = (name: string) => {
      const r = reclassifyPerson(text, span(text, name), [])!;
      return text.slice(r.start, r.end);
    };
    expect(at("King Sihanouk")).toBe("Sihanouk");
    expect(at("Johnsonwas")).toBe("Johnson");
    expect(at("Anthony Phillip Lasalle Friday")).toBe("Anthony Phillip Lasalle");
  });

  it("reads a capitalised participle after an auxiliary as a verb", () => {
    const text = "LaSalle was eventually Tasered and taken into custody.";
    expect(reclassifyPerson(text, span(text, "Tasered"), [])).toBeNull();
  });
});

describe("filterPersonSpans", () => {
  it("splits a hyphenated pair of known surnames into two people", () => {
    const text = "Joe Biden met Vladimir Putin. The Biden-Putin summit ended.";
    const spans = [span(text, "Joe Biden"), span(text, "Vladimir Putin"), span(text, "Biden-Putin", "LOC")];
    const out = filterPersonSpans(text, spans).map((s) => [text.slice(s.start, s.end), s.type]);
    expect(out).toContainEqual(["Biden", "PER"]);
    expect(out).toContainEqual(["Putin", "PER"]);
    expect(out.some(([t]) => t === "Biden-Putin")).toBe(false);
  });

  it("drops an abbreviation cut at its period and a word of a quoted title", () => {
    const text = "It came from the U.S, and a statement “Taking Action to Expose and Disrupt Russia’s Campaign.”";
    const spans = [span(text, "U.", "LOC"), span(text, "Expose", "LOC")];
    expect(filterPersonSpans(text, spans)).toEqual([]);
  });

  it("joins a given name written right before a person's span", () => {
    const text = "Republican Christine Todd Whitman said no.";
    const [s] = filterPersonSpans(text, [span(text, "Todd Whitman")]);
    expect(text.slice(s.start, s.end)).toBe("Christine Todd Whitman");
  });
});
