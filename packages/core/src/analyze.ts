import { Article, type AnalyzeInput } from "./schema/article.ts";
import { extractEntities } from "./extract/entities.ts";
import { extractQuotes } from "./extract/quotes.ts";
import { extractNumbers } from "./extract/numbers.ts";

/**
 * Turns one raw news text into a clean, structured, validated Article.
 * STUB: cleaning and metadata are not implemented yet.
 * @example analyze({ id: "a.txt", text: "GENEVA (AP) — ..." })
 */
export function analyze(input: AnalyzeInput): Article {
  const body = input.text.trim();
  const entities = extractEntities(body);
  const quotes = extractQuotes(body, entities);
  const numbers = extractNumbers(body, entities);
  return Article.parse({
    id: input.id ?? "article",
    title: input.title ?? null,
    titleDerived: false,
    dateline: null,
    published: { stated: null, inferred: null, weekday: null, conflicts: [] },
    authors: input.authors ?? [],
    contributors: [],
    provenance: { agency: null, republishedFrom: null, materialFrom: [], outlet: input.outlet ?? null, url: input.url ?? null },
    body,
    entities,
    quotes,
    numbers,
  });
}
