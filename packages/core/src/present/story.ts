import type { Article } from "../schema/article.ts";
import type { DuplicateGroup } from "../schema/duplicate.ts";
import type {
  Discrepancy,
  EntityRecord,
  EventRecord,
  FuseResult,
  NumericClaimGroup,
  QuoteRecord,
  Story,
  StoryArticle,
} from "../schema/story.ts";
import { idList, shortId } from "./text.ts";

/** The records a story's ids point at. Articles are only needed to flag dates that conflict with the content. */
export interface StoryRecords {
  entities: readonly EntityRecord[];
  quotes: readonly QuoteRecord[];
  articles?: readonly Pick<Article, "id" | "published">[];
}

type Claim = NumericClaimGroup["claims"][number];

const RULE = "-".repeat(72);

/** A story's date span: one day, a range, or "date unknown". */
export function formatSpan(span: Story["span"]): string {
  if (!span.from) return "date unknown";
  return span.from === span.to || !span.to ? span.from : `${span.from} to ${span.to}`;
}

/** One article of a story: id, headline, outlet, agency or source of the copy, date. */
export function formatStoryArticle(a: StoryArticle, full?: Pick<Article, "published">): string {
  const date = a.date ? `${a.date}${a.dateInferred ? " (inferred)" : ""}` : "date unknown";
  const via = a.republishedFrom
    ? `, republished from ${a.republishedFrom}`
    : a.agency && a.agency !== a.outlet
      ? `, ${a.agency}`
      : "";
  const flagged = full?.published.conflicts.length
    ? `  [date flagged: ${full.published.stated} conflicts with the content]`
    : "";
  return `${shortId(a.id)}  ${a.title ?? "(no headline)"}  (${a.outlet ?? "outlet unknown"}${via}; ${date})${flagged}`;
}

/** One event: date, label, who reported it, who announced it beforehand. */
export function formatEvent(e: EventRecord): string[] {
  const announced = e.announcedBy.length ? `; announced by ${idList(e.announcedBy)}` : "";
  const lines = [`${e.date ?? "date unknown"}  ${e.label}  (reported by ${idList(e.articles)}${announced})`];
  if (e.participants.length) lines.push(`    with ${e.participants.join(", ")}`);
  return lines;
}

/** A person of the story: name, first role, the articles naming them, other names. */
export function formatPerson(e: EntityRecord): string {
  const role = e.roles[0]?.role ? `, ${e.roles[0].role}` : "";
  const aka = e.aliases.length ? `  (also: ${e.aliases.slice(0, 4).join("; ")})` : "";
  return `${e.name}${role}: ${idList(e.articles)}${aka}`;
}

/** A fused quote: speaker, text, articles, then each other wording on its own line. */
export function formatQuoteRecord(q: QuoteRecord): string[] {
  return [
    `${q.speaker ?? "unattributed"}: "${q.text.trim()}"  (${idList(q.articles)})`,
    ...q.variants.map((v) => `    also as: "${v.trim()}"`),
  ];
}

/** One numeric claim: qualifier, value, the article and date it came from. */
export function formatClaim(c: Claim): string {
  const value = c.value.toLocaleString("en-US");
  return `${c.qualifier ? `${c.qualifier} ` : ""}${value} (${shortId(c.article)}${c.date ? `, ${c.date}` : ""})`;
}

/** The claims about one subject, on one line. */
export function formatClaimGroup(g: NumericClaimGroup): string {
  return `${g.subject}: ${g.claims.map(formatClaim).join("; ")}`;
}

/** A disagreement between sources: what about, each value with the articles that give it. */
export function formatDiscrepancy(d: Discrepancy): string {
  return `${d.about}: ${d.values.map((v) => `${v.value} [${idList(v.articles)}]`).join("  vs  ")}`;
}

/** A duplicate group: kind, members, similarity, which one is the original. */
export function formatDuplicate(d: DuplicateGroup): string {
  return `${d.kind}: ${idList(d.articles)} (similarity ${d.similarity.toFixed(2)}, original ${shortId(d.original)})`;
}

/** A titled block of indented lines; nothing when there are no lines. */
function section(title: string, lines: string[]): string[] {
  return lines.length ? ["", title, ...lines.map((l) => `  ${l}`)] : [];
}

/**
 * A readable account of one fused story: header, articles, events, people, quotes carried by several
 * articles or in several wordings, figures, and where the sources disagree. Lines joined by "\n",
 * no trailing newline; sections with nothing in them are left out (Articles and Events always appear).
 *
 * @example
 * const r = fuse(analyzeBatch(inputs));
 * formatStory(r.stories[0], r).split("\n")[0] // "STORY s1: Blinken warns Lavrov …"
 */
export function formatStory(s: Story, records: StoryRecords): string {
  const entity = new Map(records.entities.map((e) => [e.id, e]));
  const quote = new Map(records.quotes.map((q) => [q.id, q]));
  const article = new Map(records.articles?.map((a) => [a.id, a]));
  const people = s.entities
    .map((id) => entity.get(id))
    .filter((e): e is EntityRecord => !!e && e.type === "person" && e.articles.length > 0)
    .sort((a, b) => b.articles.length - a.articles.length);
  const shared = s.quotes
    .map((id) => quote.get(id))
    .filter((q): q is QuoteRecord => !!q && (q.articles.length > 1 || q.variants.length > 0));
  const lines = [
    `STORY ${s.id}: ${s.title}`,
    `  ${s.articles.length} article(s), ${formatSpan(s.span)}`,
    "",
    "Articles",
    ...s.articles.map((a) => `  ${formatStoryArticle(a, article.get(a.id))}`),
    "",
    "Events",
    ...s.events.flatMap(formatEvent).map((l) => `  ${l}`),
    ...section("People", people.map(formatPerson)),
    ...section("Quotes carried by several articles or in several wordings", shared.flatMap(formatQuoteRecord)),
    ...section("Figures", s.numbers.map(formatClaimGroup)),
    ...section("Where the sources disagree", s.discrepancies.map(formatDiscrepancy)),
  ];
  return lines.join("\n");
}

/**
 * What `newsfuse fuse` prints: every story of the result (separated by a rule), then the duplicate groups.
 *
 * @example
 * formatFuseReport(fuse(analyzeBatch(inputs))) // "STORY s1: …\n  5 article(s), 2021-12-02 to 2022-01-21\n…"
 */
export function formatFuseReport(r: FuseResult): string {
  const stories = r.stories.map((s) => formatStory(s, r));
  const lines = [stories.join(`\n\n${RULE}\n\n`), ...section("Duplicates", r.duplicates.map(formatDuplicate))];
  return lines.join("\n");
}
