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
import { quotesBySpeaker } from "../fuse/quotes.ts";
import { dayOfWeekday, formatAmount, idList, shortId, isoWeekday } from "./text.ts";

/** The records a story's ids point at. Articles are only needed to flag dates that conflict with the content. */
export interface StoryRecords {
  entities: readonly EntityRecord[];
  quotes: readonly QuoteRecord[];
  articles?: readonly Pick<Article, "id" | "published">[];
}

type Claim = NumericClaimGroup["claims"][number];

const RULE = "-".repeat(72);
/** Quotes printed per speaker before "… N more": enough for every shared one and a few of the rest on the seeds. */
const QUOTES_PER_SPEAKER = 6;

/** How an article is named in a list of sources: its outlet, when known, before its id ("Reuters 003_…"). */
export type SourceLabel = (article: string) => string;

/** Labels sources by the story's articles: "AP 002_b662277d12457799"; an article without outlet by id alone. */
export function storySources(articles: readonly Pick<StoryArticle, "id" | "outlet">[]): SourceLabel {
  const outlet = new Map(articles.map((a) => [a.id, a.outlet]));
  return (id) => {
    const o = outlet.get(id);
    return o ? `${o} ${shortId(id)}` : shortId(id);
  };
}

/** A story's date span: one day, a range, or "date unknown", then how many articles it leaves out as undated. */
export function formatSpan(span: Story["span"]): string {
  const range = !span.from
    ? "date unknown"
    : span.from === span.to || !span.to
      ? span.from
      : `${span.from} to ${span.to}`;
  return span.from && span.undated ? `${range}, ${span.undated} undated` : range;
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

/** One occasion a statement was made on: when (weekday, day) and where, with the articles reporting it. */
export interface QuoteOccasion {
  weekday: string | null;
  date: string | null;
  place: string | null;
  articles: string[];
}

/**
 * The occasions of a grouped statement, from each occurrence's own weekday and place ("Thursday",
 * "Berlin"); an occurrence that names no place is placed at its event, unless an occasion on the same
 * weekday names one. Occurrences that fit together (nothing differs, only something missing) are one
 * occasion, so a statement said once and reported five times has one.
 */
export function quoteOccasions(q: QuoteRecord, events: readonly EventRecord[] = []): QuoteOccasion[] {
  const event = new Map(events.map((e) => [e.id, e]));
  const out: QuoteOccasion[] = [];
  const fits = (a: QuoteOccasion, b: Omit<QuoteOccasion, "articles">) =>
    (!a.weekday || !b.weekday || a.weekday === b.weekday) &&
    (!a.place || !b.place || a.place === b.place) &&
    (!a.date || !b.date || a.date === b.date);
  const add = (o: QuoteOccasion) => {
    const slot = out.find((x) => fits(x, o));
    if (!slot) return out.push(o);
    slot.weekday ??= o.weekday;
    slot.place ??= o.place;
    slot.date ??= o.date;
    for (const a of o.articles) if (!slot.articles.includes(a)) slot.articles.push(a);
  };
  // Named places first, so a weekday-only occurrence joins the place its weekday was named with.
  const occ = [...q.occurrences].sort((a, b) => Number(!a.occasion?.place) - Number(!b.occasion?.place));
  for (const o of occ) {
    const ev = o.event ? event.get(o.event) : undefined;
    const weekday = o.occasion?.weekday ?? null;
    // The event's day only when the text's weekday confirms it: an occurrence that names no day may
    // report words said on another, and a guessed date would split one occasion into two.
    const evDate = ev?.date && weekday && isoWeekday(ev.date) === weekday ? ev.date : null;
    const date = evDate ?? (weekday ? dayOfWeekday(weekday, o.date) : null);
    let place = o.occasion?.place ?? null;
    if (!place && !(weekday && out.some((x) => x.weekday === weekday && x.place))) place = ev?.place ?? null;
    if (weekday || place || date) add({ weekday, date, place, articles: [o.article] });
  }
  return out;
}

/** An occasion as a reader says it: "Thursday 2021-12-02 in Stockholm". */
export function formatOccasion(o: Omit<QuoteOccasion, "articles">): string {
  const when = [o.weekday, o.date].filter(Boolean).join(" ");
  return [when, o.place && `in ${o.place}`].filter(Boolean).join(" ") || "occasion unknown";
}

/**
 * A fused quote: speaker (unless the caller groups by speaker), text, the sources carrying it, each other
 * wording on its own line, and each occasion when it was said on several.
 */
export function formatQuoteRecord(
  q: QuoteRecord,
  opts: { speaker?: boolean; sources?: SourceLabel; events?: readonly EventRecord[] } = {},
): string[] {
  const label = opts.sources ?? shortId;
  const who = opts.speaker === false ? "" : `${q.speaker ?? "unattributed"}: `;
  const occasions = quoteOccasions(q, opts.events);
  return [
    `${who}"${q.text.trim()}"  (${q.articles.map(label).join(", ")})`,
    ...q.variants.map((v) => `    also as: "${v.trim()}"`),
    ...(occasions.length > 1
      ? [
          `    said on ${occasions.length} occasions: ${occasions
            .map((o) => `${formatOccasion(o)} (${o.articles.map(label).join(", ")})`)
            .join("; ")}`,
        ]
      : []),
  ];
}

/**
 * The quotes of a story by main speaker: a line per speaker (how many statements, in how many articles),
 * then their statements, shared ones first, up to QUOTES_PER_SPEAKER and a count of the rest.
 */
export function formatSpeakerQuotes(
  quotes: QuoteRecord[],
  opts: { sources?: SourceLabel; events?: readonly EventRecord[] } = {},
): string[] {
  return quotesBySpeaker(quotes).flatMap((s) => {
    const articles = new Set(s.quotes.flatMap((q) => q.articles)).size;
    const shown = s.quotes.slice(0, QUOTES_PER_SPEAKER);
    const rest = s.quotes.length - shown.length;
    return [
      `${s.speaker} — ${s.quotes.length} quote(s) in ${articles} article(s)`,
      ...shown.flatMap((q) => formatQuoteRecord(q, { ...opts, speaker: false })).map((l) => `  ${l}`),
      ...(rest > 0 ? [`  … ${rest} more`] : []),
    ];
  });
}

/**
 * When a figure holds: its date ("2021-12-02"), an earlier time the text names ("previous", before the
 * article's date), or the time the words give ("in June = 2021-06"); "undated" when nothing says.
 */
export function formatClaimTime(c: Pick<Claim, "date" | "time">): string {
  const t = c.time;
  if (t.relation === "past")
    return `${t.text ? `earlier ("${t.text}")` : "earlier"}${c.date ? `, before ${c.date}` : ""}`;
  if (t.relation === "dated") return `${t.text ? `"${t.text}"` : "dated"}${t.date ? ` = ${t.date}` : ""}`;
  return t.date ?? c.date ?? "undated";
}

/** One numeric claim: qualifier, amount with currency or unit, who claims it, its source and when it holds. */
export function formatClaim(c: Claim, sources: SourceLabel = shortId): string {
  const claimant = c.claimant ? `, according to ${c.claimant}` : "";
  return `${c.qualifier ? `${c.qualifier} ` : ""}${formatAmount(c)}${claimant}  (${sources(c.article)}, ${formatClaimTime(c)})`;
}

/** The claims about one subject: the subject, then one line per source's claim. */
export function formatClaimGroup(g: NumericClaimGroup, sources: SourceLabel = shortId): string[] {
  return [g.subject, ...g.claims.map((c) => `  ${formatClaim(c, sources)}`)];
}

/** A value's articles, each with its date when the record gives one per article ("003_… 2021-12-02"). */
function datedArticles(v: Discrepancy["values"][number]): string {
  return v.articles.map((a, i) => `${shortId(a)} ${v.dates[i] ?? "undated"}`).join(", ");
}

/**
 * A disagreement between sources: what about, each value with the articles that give it (for figures,
 * each with the date it holds). A `change` reads as one figure becoming another between two dates.
 */
export function formatDiscrepancy(d: Discrepancy): string {
  if (d.kind === "change" && d.values.length >= 2) {
    const at = (v: Discrepancy["values"][number]) => {
      const dates = [...new Set(v.dates.filter(Boolean))];
      return `${v.value} (${dates.length ? `${dates.join(", ")}: ` : ""}${idList(v.articles)})`;
    };
    return `${d.about} changed: ${d.values.map(at).join("  ->  ")}`;
  }
  const sources = (v: Discrepancy["values"][number]) =>
    d.kind === "number" && v.dates.length === v.articles.length ? datedArticles(v) : idList(v.articles);
  return `${d.about}: ${d.values.map((v) => `${v.value} [${sources(v)}]`).join("  vs  ")}`;
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
 * A readable account of one fused story: header, articles, events, people, each main speaker's quotes
 * (shared ones first), figures with who claims them and when, where the sources disagree, and what changed. Lines joined by "\n",
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
  const quotes = s.quotes.map((id) => quote.get(id)).filter((q): q is QuoteRecord => !!q);
  const sources = storySources(s.articles);
  const changes = s.discrepancies.filter((d) => d.kind === "change");
  const disputes = s.discrepancies.filter((d) => d.kind !== "change");
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
    ...section("Quotes by speaker, shared ones first", formatSpeakerQuotes(quotes, { sources, events: s.events })),
    ...section(
      "Figures",
      s.numbers.flatMap((g) => formatClaimGroup(g, sources)),
    ),
    ...section("Where the sources disagree", disputes.map(formatDiscrepancy)),
    ...section("Changes over time", changes.map(formatDiscrepancy)),
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
