import { Article, type Entity, type NumberClaim, type Quote } from "../schema/article.ts";

type EntitySpec = Pick<Entity, "name" | "type"> & Partial<Entity>;
type QuoteSpec = Pick<Quote, "text" | "speaker"> & Partial<Quote>;
type NumberSpec = Pick<NumberClaim, "text" | "value" | "subject"> & Partial<NumberClaim>;

/**
 * A valid Article from the few fields a test cares about; offsets of quotes and numbers are found
 * in the body when not given. For tests of fusion on hand-made input only.
 */
export function makeArticle(
  id: string,
  body: string,
  spec: {
    title?: string | null;
    stated?: string | null;
    weekday?: string | null;
    entities?: EntitySpec[];
    quotes?: QuoteSpec[];
    numbers?: NumberSpec[];
  } = {},
): Article {
  const at = (text: string) => Math.max(0, body.indexOf(text));
  return Article.parse({
    id,
    title: spec.title ?? null,
    titleDerived: false,
    dateline: null,
    published: { stated: spec.stated ?? null, inferred: null, weekday: spec.weekday ?? null, conflicts: [] },
    authors: [],
    contributors: [],
    provenance: { agency: null, republishedFrom: null, materialFrom: [] },
    body,
    entities: (spec.entities ?? []).map((e, i) => ({ id: `e${i + 1}`, role: null, aliases: [], ...e })),
    quotes: (spec.quotes ?? []).map((q) => ({ start: at(q.text), end: at(q.text) + q.text.length, ...q })),
    numbers: (spec.numbers ?? []).map((n) => ({ start: at(n.text), end: at(n.text) + n.text.length, ...n })),
  });
}
