// Content checks on the five seed articles: every quote, speaker, person (with role), organization,
// place and number that fixtures/seeds.expected.json lists must come out of `analyze`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.ts";
import type { Article } from "./schema/article.ts";

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));

interface Expected {
  quotes?: { prefix: string; speaker: string }[];
  not_person_quotes?: string[];
  people?: { name: string; role_contains?: string }[];
  organizations?: string[];
  places?: string[];
  numbers?: { text_contains: string; subject_contains: string }[];
}

const spec = JSON.parse(readFileSync(root("../fixtures/seeds.expected.json"), "utf8")) as {
  articles: Record<string, Expected>;
};

/** The spec's comparison: straight quotes and apostrophes, folded white space, no case. */
const norm = (s: string | null | undefined): string =>
  (s ?? "").replace(/[“”„]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();

const quoteMatches = (text: string, prefix: string): boolean => {
  const t = norm(text);
  const p = norm(prefix);
  return t.startsWith(p) || (t.length >= 3 && p.startsWith(t));
};

const speakerMatches = (speaker: string | null, expected: string): boolean => {
  const s = norm(speaker);
  const e = norm(expected);
  return s !== "" && (s === e || s.endsWith(` ${e}`) || s === e.split(" ").pop());
};

const names = (a: Article, type: string) =>
  a.entities.filter((e) => e.type === type).flatMap((e) => [e.name, ...e.aliases].map(norm));

const articles = new Map<string, Article>();
for (const id of Object.keys(spec.articles)) {
  articles.set(id, analyze({ id, text: readFileSync(root(`../../../seeds/${id}`), "utf8") }));
}

describe.each(Object.entries(spec.articles))("seed %s", (id, exp) => {
  const article = () => articles.get(id) as Article;

  it("finds every expected quote with its speaker", () => {
    const missing = (exp.quotes ?? []).filter(
      (q) => !article().quotes.some((x) => quoteMatches(x.text, q.prefix) && speakerMatches(x.speaker, q.speaker)),
    );
    const got = article().quotes.map((q) => `${q.text.slice(0, 40)} <- ${q.speaker}`);
    expect(missing, `extracted:\n${got.join("\n")}`).toEqual([]);
  });

  it("does not give quoted titles to a person", () => {
    for (const t of exp.not_person_quotes ?? []) {
      const hit = article().quotes.find((q) => quoteMatches(q.text, t) && q.speakerKind === "person");
      expect(hit, `"${t}" attributed to ${hit?.speaker}`).toBeUndefined();
    }
  });

  it("lists the people with their roles", () => {
    const people = article().entities.filter((e) => e.type === "person");
    const missing = (exp.people ?? []).filter((p) => {
      const e = people.find((x) => norm(x.name) === norm(p.name));
      if (!e) return true;
      if (!p.role_contains) return false;
      return ![e.role, ...e.roles].some((r) => norm(r).includes(norm(p.role_contains)));
    });
    const got = people.map((e) => `${e.name} (${e.role})`);
    expect(missing, `people:\n${got.join("\n")}`).toEqual([]);
  });

  it("lists the organizations and places", () => {
    const orgs = names(article(), "organization");
    const places = names(article(), "place");
    expect(
      (exp.organizations ?? []).filter((o) => !orgs.includes(norm(o))),
      `orgs: ${orgs.join(", ")}`,
    ).toEqual([]);
    expect(
      (exp.places ?? []).filter((p) => !places.includes(norm(p))),
      `places: ${places.join(", ")}`,
    ).toEqual([]);
  });

  it("finds the numeric claims with their subjects", () => {
    const missing = (exp.numbers ?? []).filter(
      (n) =>
        !article().numbers.some(
          (x) => x.text.includes(n.text_contains) && norm(x.subject).includes(norm(n.subject_contains)),
        ),
    );
    expect(missing, JSON.stringify(article().numbers.map((n) => [n.text, n.subject]))).toEqual([]);
  });
});
