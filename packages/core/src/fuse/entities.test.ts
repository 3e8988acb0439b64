import { describe, expect, it } from "vitest";
import { resolveEntities } from "./entities.ts";
import { makeArticle } from "./make-article.ts";
import { parsePersonName, translitKey } from "./names.ts";

const person = (name: string, aliases: string[] = [], role: string | null = null) => ({
  name,
  type: "person" as const,
  aliases,
  role,
  roles: role ? [role] : [],
});
const recordOf = (r: ReturnType<typeof resolveEntities>, name: string) =>
  r.records.find((x) => [x.name, ...x.aliases].includes(name));

describe("resolveEntities", () => {
  // Name forms as the seeds print them (000 NYT style, 001/003 wire style, 002/004 AP style).
  const arts = [
    makeArticle("000", "", {
      entities: [
        person("Antony J. Blinken", ["Mr. Blinken"], "Secretary of State"),
        person("Sergey V. Lavrov", ["Mr. Lavrov"]),
      ],
    }),
    makeArticle("001", "", { entities: [person("Antony Blinken", ["Blinken"]), person("Sergei Lavrov", ["Lavrov"])] }),
    makeArticle("002", "", {
      entities: [person("Sergey Lavrov"), person("Joe Biden", ["President Biden"], "President")],
    }),
    makeArticle("004", "", { entities: [person("Maria Zakharova", [], "spokesperson")] }),
    makeArticle("005", "", { entities: [person("Mr. Biden")] }),
  ];
  const r = resolveEntities(arts);

  it("gives one person one record across spellings, middle initials and honorifics", () => {
    expect(recordOf(r, "Antony J. Blinken")?.id).toBe(recordOf(r, "Antony Blinken")?.id);
    expect(recordOf(r, "Mr. Blinken")?.id).toBe(recordOf(r, "Antony Blinken")?.id);
    const lavrov = recordOf(r, "Sergei Lavrov");
    expect(lavrov?.id).toBe(recordOf(r, "Sergey V. Lavrov")?.id);
    expect(lavrov?.articles.sort()).toEqual(["000", "001", "002"]);
    // Sergey is what most articles print.
    expect(lavrov?.name.startsWith("Sergey")).toBe(true);
    expect(recordOf(r, "Mr. Biden")?.id).toBe(recordOf(r, "Joe Biden")?.id);
  });

  it("keeps roles with the articles that state them", () => {
    expect(recordOf(r, "Antony Blinken")?.roles).toEqual([{ role: "Secretary of State", articles: ["000"] }]);
  });

  it("reports Sergey/Sergei as a spelling discrepancy with the articles using each", () => {
    const d = r.spellings.find((s) => s.about === "spelling of Lavrov's first name");
    expect(d?.values).toEqual([
      { value: "Sergei", articles: ["001"], dates: [] },
      { value: "Sergey", articles: ["000", "002"], dates: [] },
    ]);
  });

  it("does not report capitalisation (LuAnn/Luann) as a spelling discrepancy", () => {
    const r2 = resolveEntities([
      makeArticle("a", "", { entities: [person("LuAnn Marie Johnson")] }),
      makeArticle("b", "", { entities: [person("Luann Johnson")] }),
    ]);
    expect(r2.records.filter((x) => x.type === "person")).toHaveLength(1);
    expect(r2.spellings).toEqual([]);
  });

  it("never merges two people who share a surname without evidence", () => {
    const family = resolveEntities([
      makeArticle("a", "", { entities: [person("Joe Biden")] }),
      makeArticle("b", "", { entities: [person("Jill Biden")] }),
      makeArticle("c", "", { entities: [person("Biden")] }),
      makeArticle("d", "", { entities: [person("George W. Bush"), person("George H. W. Bush")] }),
    ]);
    const ids = (n: string) => family.records.find((x) => x.name === n)?.id;
    expect(ids("Joe Biden")).not.toBe(ids("Jill Biden"));
    // A bare "Biden" in an article naming neither is ambiguous: it stays its own record.
    expect(ids("Biden")).toBeDefined();
    expect([ids("Joe Biden"), ids("Jill Biden")]).not.toContain(ids("Biden"));
    expect(ids("George W. Bush")).not.toBe(ids("George H. W. Bush"));
  });

  it("resolves a bare surname only inside its story when stories are given", () => {
    const arts2 = [
      makeArticle("uk1", "", { entities: [person("Gordon Brown")] }),
      makeArticle("us1", "", { entities: [person("Mr. Brown")] }),
    ];
    const batch = resolveEntities(arts2);
    expect(batch.records.filter((x) => x.type === "person")).toHaveLength(1);
    const stories = resolveEntities(arts2, { groupOf: (id) => (id.startsWith("uk") ? "s-uk" : "s-us") });
    expect(stories.records.filter((x) => x.type === "person")).toHaveLength(2);
  });

  it("matches organizations by name, abbreviation and acronym", () => {
    const orgs = resolveEntities([
      makeArticle("a", "", {
        entities: [{ name: "Organization for Security and Cooperation in Europe", type: "organization" }],
      }),
      makeArticle("b", "", {
        entities: [
          { name: "OSCE", type: "organization" },
          { name: "the State Department", type: "organization" },
        ],
      }),
      makeArticle("c", "", {
        entities: [
          { name: "State Department", type: "organization" },
          { name: "U.S.", type: "place" },
        ],
      }),
      makeArticle("d", "", { entities: [{ name: "US", type: "place" }] }),
    ]);
    expect(orgs.records.filter((x) => x.type === "organization")).toHaveLength(2);
    expect(orgs.records.filter((x) => x.type === "place")).toHaveLength(1);
  });

  it("finds a quote's speaker by the name an article wrote", () => {
    expect(r.recordByName("001", "Blinken")).toBe(recordOf(r, "Antony Blinken")?.id);
    expect(r.recordByName("002", "Sergey Lavrov")).toBe(recordOf(r, "Sergei Lavrov")?.id);
  });
});

describe("names", () => {
  it("drops titles and keeps initials apart", () => {
    expect(parsePersonName("Russian Foreign Minister Sergey V. Lavrov")).toEqual({
      first: "Sergey",
      middle: ["V."],
      last: "Lavrov",
    });
    expect(parsePersonName("Mr. Blinken")).toEqual({ first: null, middle: [], last: "Blinken" });
  });

  it("folds common romanisation variants", () => {
    expect(translitKey("Zelenskiy")).toBe(translitKey("Zelenskyy"));
    expect(translitKey("Zelensky")).toBe(translitKey("Zelenskiy"));
    expect(translitKey("Alexei")).toBe(translitKey("Aleksei"));
    expect(translitKey("Sergey")).not.toBe(translitKey("Sergio"));
  });
});
