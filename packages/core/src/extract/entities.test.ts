import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { entityGender, extractEntities } from "./entities.ts";
import type { MentionSpan } from "./mentions.ts";

const seed = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../seeds/${name}`, import.meta.url)), "utf8");
const person = (text: string, name: string) =>
  extractEntities(text).find((e) => e.type === "person" && e.name === name);

describe("extractEntities", () => {
  it("resolves Mr. Lavrov and Lavrov to the fullest name and keeps the apposition role", () => {
    const lavrov = person(seed("000_05ad74a82993dd5c.txt"), "Sergey V. Lavrov");
    expect(lavrov?.role).toBe("Russia’s foreign minister");
    expect(lavrov?.aliases).toEqual(expect.arrayContaining(["Lavrov", "Mr. Lavrov"]));
    expect(lavrov?.mentions.length).toBeGreaterThan(5);
  });

  it("takes roles from titles, appositions after the name and role nouns before it", () => {
    const text = seed("001_57e72f795a792d39.txt");
    expect(person(text, "Antony Blinken")?.role).toBe("Secretary of State");
    expect(person(text, "Andrew Weiss")?.role).toBe("scholar at the Carnegie Endowment for International Peace");
    expect(person(text, "Maria Zakharova")?.role).toBe("Russian Foreign Ministry spokeswoman");
    expect(person(text, "Jens Stoltenberg")?.role).toBe("NATO Secretary General");
  });

  it("lists organizations and places, with a country-free alias for national bodies", () => {
    const ents = extractEntities(seed("002_b662277d12457799.txt"));
    const treasury = ents.find((e) => e.name === "U.S. Treasury Department");
    expect(treasury?.type).toBe("organization");
    expect(treasury?.aliases).toContain("Treasury Department");
    expect(ents.filter((e) => e.type === "place").map((e) => e.name)).toEqual(
      expect.arrayContaining(["Geneva", "Kyiv", "Berlin"]),
    );
  });

  it("infers gender from honorifics, role nouns and given names", () => {
    const text = seed("000_05ad74a82993dd5c.txt");
    expect(entityGender(person(text, "Antony J. Blinken")!)).toBe("m");
    expect(entityGender(person(text, "Jalina Porter")!)).toBe("f");
  });

  it("runs role and coreference logic on the spans of a swapped-in recognizer", () => {
    const text = "Foreign Minister Sergey Lavrov arrived. Lavrov said little.";
    const recognize = (t: string): MentionSpan[] => {
      const out: MentionSpan[] = [];
      for (const m of t.matchAll(/Sergey Lavrov|Lavrov/g))
        out.push({ start: m.index, end: m.index + m[0].length, type: "PER" });
      return out.filter(
        (m, i, all) =>
          !all.some((o, j) => j !== i && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
      );
    };
    const [e] = extractEntities(text, { recognize });
    expect(e).toMatchObject({ name: "Sergey Lavrov", role: "Foreign Minister", aliases: ["Lavrov"] });
    expect(e.mentions).toHaveLength(2);
  });
});
