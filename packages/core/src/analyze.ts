import type { Article, AnalyzeInput, Credit } from "./schema/article.ts";
import { extractEntities } from "./extract/entities.ts";
import { DEFAULT_RECOGNIZER, RECOGNIZERS, type RecognizerName } from "./extract/recognizers.ts";
import { extractQuotes } from "./extract/quotes.ts";
import { extractNumbers } from "./extract/numbers.ts";
import { cleanText } from "./clean/clean.ts";
import { findRecurringLines, type RecurringOptions } from "./clean/recurring.ts";
import { dateConflicts, isTimestampLine, mainWeekday, toIsoDate } from "./extract/dates.ts";
import { canonicalAgency } from "./extract/provenance.ts";
import { isPersonName } from "./extract/credits.ts";
import { fixAllCapsName, matchKey, normalizeText } from "./text/normalize.ts";
import { splitParagraphs } from "./text/split.ts";

export interface AnalyzeOptions {
  /** `matchKey`s of paragraphs that recur across the batch this article came in (see `analyzeBatch`). */
  recurring?: Set<string>;
  /** Which name recognizer finds entity mentions (default: the trained model plus rules). */
  recognizer?: RecognizerName;
}

// Credit roles whose people count as contributors (editors are credited, but did not report).
const CONTRIBUTOR_ROLES = new Set([
  "contributor",
  "additional reporting",
  "reporting",
  "writing",
  "compiled",
  "research",
]);

/**
 * Turns one raw news text into a clean, structured, validated Article: boilerplate, captions,
 * kickers and headline copies removed (and listed in `removed`), metadata read from the text and
 * merged with the input's metadata (which takes precedence), then entities, quotes and numbers
 * extracted from the final body (their offsets refer to `body`).
 * @example
 * const a = analyze({ id: "a.txt", text: "Talks Open\n\nGENEVA (AP) — Talks began Friday.\n\nRelated Articles" });
 * a.title; // "Talks Open"
 * a.dateline; // { place: "GENEVA", agency: "AP" }
 * a.body; // "GENEVA (AP) — Talks began Friday."
 */
export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): Article {
  // Title: metadata first (unless it is only a timestamp); a title the text does not print is marked derived.
  const metaTitle = input.title?.trim() && !isTimestampLine(input.title) ? input.title.trim() : null;
  const c = cleanText(input.text, { title: metaTitle ?? undefined, recurring: options.recurring });
  const body = c.body;

  const title = metaTitle ?? c.headline;
  const titleDerived =
    metaTitle !== null &&
    (c.headline === null || matchKey(c.headline) !== matchKey(metaTitle)) &&
    !printedTitle(c.removed, metaTitle);

  // Dates: metadata first, then the page's own dated header line. Never invented.
  // A dated dateline ("WASHINGTON, Dec. 2, 2021 —") counts when the page header has no date line.
  const datelineIso = c.dateline?.dateText ? toIsoDate(c.dateline.dateText) : null;
  const headerDate =
    c.dates.find((d) => d.kind === "published") ??
    (datelineIso ? { iso: datelineIso, weekday: null, kind: "published" as const, text: c.dateline!.dateText! } : null);
  const inputDate = input.published ? toIsoDate(input.published) : null;
  const stated = inputDate ?? headerDate?.iso ?? null;
  const conflicts: string[] = [...(input.dateConflicts ?? [])];
  if (inputDate && headerDate && inputDate !== headerDate.iso) {
    conflicts.push(`metadata date ${inputDate} differs from the date printed on the page (${headerDate.iso})`);
  }
  if (stated) {
    const weekdayPrinted = !inputDate && headerDate ? headerDate.weekday : null;
    const exactDay = !inputDate || /^\d{4}-\d{2}-\d{2}$/.test(input.published!.trim());
    for (const note of dateConflicts({ iso: stated, weekday: weekdayPrinted }, body, { exactDay }))
      if (!conflicts.includes(note)) conflicts.push(note);
  }
  const modified =
    (input.modified ? toIsoDate(input.modified) : null) ?? c.dates.find((d) => d.kind === "modified")?.iso ?? null;
  const contentParas = c.paragraphs;
  // Only a weekday the text names: the main event's, else the one printed with the header date.
  const weekday = mainWeekday(contentParas) ?? headerDate?.weekday ?? null;

  // People: bylines and credit lines.
  const authors = unique([
    ...(input.authors ?? []).map((a) => fixAllCapsName(a.trim())).filter(Boolean),
    ...c.bylines.flatMap((b) => b.authors),
  ]);
  const credits: Credit[] = [];
  if (authors.length) credits.push({ role: "author", names: authors });
  credits.push(...c.credits);
  const contributors = unique(
    c.credits.filter((cr) => CONTRIBUTOR_ROLES.has(cr.role)).flatMap((cr) => cr.names),
  ).filter((n) => !authors.includes(n) && isPersonName(n));

  // Provenance: the agency whose copy this is, a republished copy, material credits.
  const agency =
    (input.agency ? (canonicalAgency(input.agency) ?? input.agency.trim()) : null) ??
    // A dateline may name the outlet itself ("(CNN)"); only a wire agency is provenance.
    (c.dateline?.agency ? canonicalAgency(c.dateline.agency) : null) ??
    c.bylines.find((b) => b.agency)?.agency ??
    null;
  const republishedFrom = c.origin ?? (c.aggregator ? agency : null);

  const entities = extractEntities(body, { recognize: RECOGNIZERS[options.recognizer ?? DEFAULT_RECOGNIZER] });
  const quotes = extractQuotes(body, entities);
  const numbers = extractNumbers(body, entities);
  // Built to the Article type directly: a full zod parse of every article cost more than the cleaning
  // itself. analyze.test.ts checks that `Article.parse` accepts and reproduces analyze's output.
  const article: Article = {
    id: input.id ?? "article",
    title,
    titleDerived,
    dateline: c.dateline ? { place: c.dateline.place, agency: c.dateline.agency } : null,
    published: {
      stated,
      inferred: null,
      weekday,
      conflicts,
      source: inputDate ? "input" : headerDate ? (c.dates.includes(headerDate) ? "header" : "text") : null,
      modified,
    },
    authors,
    contributors,
    credits,
    provenance: {
      agency,
      republishedFrom,
      materialFrom: c.materialFrom,
      outlet: input.outlet ?? null,
      url: input.url ?? null,
    },
    language: input.language ?? null,
    body,
    entities,
    quotes,
    numbers,
    removed: c.removed,
  };
  return article;
}

/**
 * Analyzes the articles of one batch together, so that paragraphs recurring across many of them
 * (a site's footer, a newsletter prompt, an aggregator's disclaimer) are removed as boilerplate.
 * Copies of the same story are not mistaken for boilerplate (see `findRecurringLines`).
 * @example analyzeBatch([{ id: "a", text: "..." }, { id: "b", text: "..." }]).map((a) => a.body)
 */
export function analyzeBatch(
  inputs: AnalyzeInput[],
  options: RecurringOptions & Pick<AnalyzeOptions, "recognizer"> = {},
): Article[] {
  const paragraphs = inputs.map((i) => splitParagraphs(normalizeText(i.text)).map((p) => p.text));
  const recurring = findRecurringLines(paragraphs, options);
  return inputs.map((input) => analyze(input, { recurring, recognizer: options.recognizer }));
}

function printedTitle(removed: { text: string; reason: string }[], title: string): boolean {
  const k = matchKey(title);
  return removed.some((r) => r.reason === "headline" && matchKey(r.text) === k);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
