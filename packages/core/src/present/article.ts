import type { Article, Entity, NumberClaim, Quote } from "../schema/article.ts";
import { clip, joinPresent } from "./text.ts";

const LABEL_WIDTH = 12;
const QUOTE_WIDTH = 90;

/** The date line of an article: stated (and where from), inferred, main-event weekday, modification. */
export function formatPublished(p: Article["published"]): string {
  return joinPresent(
    [
      p.stated ? `${p.stated} (stated${p.source ? `, from ${p.source}` : ""})` : "unknown",
      p.inferred && `${p.inferred} (inferred)`,
      p.weekday && `main event on ${p.weekday}`,
      p.modified && `modified ${p.modified}`,
    ],
    " · ",
  );
}

/** Where the copy came from: agency, republication, credited material, outlet, URL. */
export function formatProvenance(pv: Article["provenance"]): string {
  return joinPresent(
    [
      pv.agency && `agency ${pv.agency}`,
      pv.republishedFrom && `republished copy of ${pv.republishedFrom}`,
      pv.materialFrom.length > 0 && `material from ${pv.materialFrom.join(", ")}`,
      pv.outlet && `outlet ${pv.outlet}`,
      pv.url,
    ],
    " · ",
  );
}

/** One entity of an article: type, name, role, other names. */
export function formatEntity(e: Entity): string {
  const aka = e.aliases.filter((x) => x !== e.name);
  return `${e.type.padEnd(13)}${e.name}${e.role ? ` — ${e.role}` : ""}${aka.length ? `  [also: ${aka.join(", ")}]` : ""}`;
}

/** One quotation of an article, clipped, with its speaker. */
export function formatQuote(q: Quote): string {
  return `“${clip(q.text, QUOTE_WIDTH)}” — ${q.speaker ?? "(unattributed)"}`;
}

/** When an article's figure holds, if the text says: "previous", "in June (2021-06)", or the article's date. */
function claimTime(t: NumberClaim["time"]): string | null {
  if (t.relation === "past") return `earlier${t.text ? ` ("${t.text}")` : ""}`;
  if (t.relation === "dated") return `${t.text ? `"${t.text}"` : "dated"}${t.date ? ` = ${t.date}` : ""}`;
  return t.date && `as of ${t.date}`;
}

/** One figure of an article: the words, what it counts, its currency or unit, who claims it, when it holds. */
export function formatNumber(n: NumberClaim): string {
  const facts = joinPresent(
    [
      n.subject && `of: ${n.subject}`,
      n.currency && `currency ${n.currency}`,
      n.unit && n.unit !== n.currency && `unit ${n.unit}`,
      n.claimant && `according to ${n.claimant}`,
      claimTime(n.time),
    ],
    "; ",
  );
  return `${n.text}${facts ? `  (${facts})` : ""}`;
}

/**
 * A readable summary of one analyzed article: what `newsfuse analyze --pretty` prints for it.
 * Labelled rows (title, dateline, date, authors, credits, provenance, what cleaning removed, body size),
 * then its entities, quotes and figures. Ends with a newline.
 *
 * @example
 * formatArticle(analyze({ id: "a.txt", text })).split("\n")[0] // "== a.txt"
 */
export function formatArticle(a: Article): string {
  const lines: string[] = [`== ${a.id}`];
  const row = (label: string, value: string | null | undefined) => {
    if (value) lines.push(`${`${label}:`.padEnd(LABEL_WIDTH)}${value}`);
  };
  row(
    "Title",
    a.title ? a.title + (a.titleDerived ? "  (derived, not printed in the text)" : "") : "(none in the text)",
  );
  if (a.dateline) row("Dateline", joinPresent([a.dateline.place, a.dateline.agency && `(${a.dateline.agency})`], " "));
  row("Date", formatPublished(a.published));
  for (const c of a.published.conflicts) lines.push(`${"".padEnd(LABEL_WIDTH)}! ${c}`);
  row("Authors", a.authors.join(", "));
  row(
    "Credits",
    a.credits
      .filter((c) => c.role !== "author")
      .map((c) => `${c.role}: ${c.names.join(", ")}`)
      .join("; "),
  );
  row("Provenance", formatProvenance(a.provenance));
  if (a.removed.length) {
    const byReason = new Map<string, number>();
    for (const r of a.removed) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    row("Removed", [...byReason].map(([r, n]) => `${r} ${n}`).join(", "));
  }
  row("Body", `${a.body.length} characters, ${a.body ? a.body.split("\n\n").length : 0} paragraphs`);
  const section = <T>(title: string, items: T[], line: (x: T) => string) => {
    if (!items.length) return;
    lines.push(`${title} (${items.length}):`);
    for (const x of items) lines.push(`  ${line(x)}`);
  };
  section("Entities", a.entities, formatEntity);
  section("Quotes", a.quotes, formatQuote);
  section("Numbers", a.numbers, formatNumber);
  return `${lines.join("\n")}\n`;
}

/** Several articles, one summary after another, separated by a blank line. */
export function formatArticles(articles: readonly Article[]): string {
  return articles.map(formatArticle).join("\n");
}
