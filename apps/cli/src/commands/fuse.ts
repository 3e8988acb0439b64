import type { Command } from "commander";
import { analyzeBatch, fuse, type AnalyzeInput, type FuseResult, type NewsfuseError, type Story } from "@newsfuse/core";
import { readPaths } from "@newsfuse/formats/node";

export interface FuseIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The JSON the command prints: ids where the issue's contract asks for ids, details beside them. */
export function fuseJson(r: FuseResult) {
  return {
    articles: r.articles,
    stories: r.stories.map((s) => ({
      id: s.id,
      title: s.title,
      span: s.span,
      articles: s.articles.map((a) => a.id),
      sources: s.articles,
      events: s.events,
      entities: s.entities,
      quotes: s.quotes,
      numbers: s.numbers,
      discrepancies: s.discrepancies.map((d) => d.id),
    })),
    entities: r.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      articles: e.articles,
      roles: e.roles,
    })),
    quotes: r.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      speaker: q.speaker,
      articles: q.articles,
      variants: q.variants,
      occurrences: q.occurrences,
    })),
    duplicates: r.duplicates.map((d) => ({
      id: d.id,
      kind: d.kind,
      articles: d.articles,
      similarity: d.similarity,
      original: d.original,
    })),
    discrepancies: r.discrepancies.map((d) => ({
      id: d.id,
      kind: d.kind,
      about: d.about,
      story: d.story,
      values: d.values,
    })),
  };
}

const short = (id: string) => id.replace(/\.(txt|html?|json|xml)$/i, "");
const ids = (xs: string[]) => xs.map(short).join(", ");

/** A readable account of each story, for people rather than programs. */
export function fuseReport(r: FuseResult): string {
  const lines: string[] = [];
  const entity = new Map(r.entities.map((e) => [e.id, e]));
  const quote = new Map(r.quotes.map((q) => [q.id, q]));
  r.stories.forEach((s: Story, n) => {
    if (n > 0) lines.push("", "-".repeat(72), "");
    const span = s.span.from
      ? s.span.from === s.span.to
        ? s.span.from
        : `${s.span.from} to ${s.span.to}`
      : "date unknown";
    lines.push(`STORY ${s.id}: ${s.title}`, `  ${s.articles.length} article(s), ${span}`, "");
    lines.push("Articles");
    for (const a of s.articles) {
      const date = a.date ? `${a.date}${a.dateInferred ? " (inferred)" : ""}` : "date unknown";
      const via = a.republishedFrom
        ? `, republished from ${a.republishedFrom}`
        : a.agency && a.agency !== a.outlet
          ? `, ${a.agency}`
          : "";
      const art = r.articles.find((x) => x.id === a.id);
      const conflicts = art?.published.conflicts.length
        ? `  [date flagged: ${art.published.stated} conflicts with the content]`
        : "";
      lines.push(
        `  ${short(a.id)}  ${a.title ?? "(no headline)"}  (${a.outlet ?? "outlet unknown"}${via}; ${date})${conflicts}`,
      );
    }
    lines.push("", "Events");
    for (const e of s.events) {
      const ann = e.announcedBy.length ? `; announced by ${ids(e.announcedBy)}` : "";
      lines.push(`  ${e.date ?? "date unknown"}  ${e.label}  (reported by ${ids(e.articles)}${ann})`);
      if (e.participants.length) lines.push(`      with ${e.participants.join(", ")}`);
    }
    const people = s.entities
      .map((id) => entity.get(id)!)
      .filter((e) => e && e.type === "person" && e.articles.length > 0);
    if (people.length) {
      lines.push("", "People");
      for (const e of people.sort((a, b) => b.articles.length - a.articles.length)) {
        const role = e.roles[0]?.role ? `, ${e.roles[0].role}` : "";
        const aka = e.aliases.length ? `  (also: ${e.aliases.slice(0, 4).join("; ")})` : "";
        lines.push(`  ${e.name}${role}: ${ids(e.articles)}${aka}`);
      }
    }
    const shared = s.quotes
      .map((id) => quote.get(id)!)
      .filter((q) => q && (q.articles.length > 1 || q.variants.length > 0));
    if (shared.length) {
      lines.push("", "Quotes carried by several articles or in several wordings");
      for (const q of shared) {
        lines.push(`  ${q.speaker ?? "unattributed"}: "${q.text.trim()}"  (${ids(q.articles)})`);
        for (const v of q.variants) lines.push(`      also as: "${v.trim()}"`);
      }
    }
    if (s.numbers.length) {
      lines.push("", "Figures");
      for (const g of s.numbers)
        lines.push(
          `  ${g.subject}: ${g.claims.map((c) => `${c.qualifier ? `${c.qualifier} ` : ""}${c.value.toLocaleString("en-US")} (${short(c.article)}${c.date ? `, ${c.date}` : ""})`).join("; ")}`,
        );
    }
    if (s.discrepancies.length) {
      lines.push("", "Where the sources disagree");
      for (const d of s.discrepancies)
        lines.push(`  ${d.about}: ${d.values.map((v) => `${v.value} [${ids(v.articles)}]`).join("  vs  ")}`);
    }
  });
  if (r.duplicates.length) {
    lines.push("", "Duplicates");
    for (const d of r.duplicates)
      lines.push(
        `  ${d.kind}: ${ids(d.articles)} (similarity ${d.similarity.toFixed(2)}, original ${short(d.original)})`,
      );
  }
  return lines.join("\n");
}

/**
 * Reads, analyzes and fuses the given files and directories. Bad inputs are reported on stderr by
 * name and skipped; the rest is fused. Returns the exit code: 0, or 1 when any input failed.
 */
export async function runFuse(paths: string[], opts: { json?: boolean }, io: FuseIo): Promise<number> {
  const inputs: AnalyzeInput[] = [];
  const errors: NewsfuseError[] = [];
  const seen = new Map<string, number>();
  for await (const r of readPaths(paths)) {
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    // The same file given twice is two inputs (and a duplicate pair), not one id.
    const base = r.value.input.id ?? r.value.origin;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    inputs.push({ ...r.value.input, id: k === 1 ? base : `${base}#${k}` });
  }
  // Readers' messages usually start with the input already; name it once.
  for (const e of errors)
    io.err(`newsfuse fuse: ${e.input && !e.message.startsWith(e.input) ? `${e.input}: ` : ""}${e.message} (${e.code})`);
  if (inputs.length === 0) {
    io.err("newsfuse fuse: no readable articles in the given paths");
    return 1;
  }
  let result: FuseResult;
  try {
    result = fuse(analyzeBatch(inputs));
  } catch (e) {
    io.err(`newsfuse fuse: could not fuse ${inputs.length} article(s): ${(e as Error).message} (internal)`);
    return 1;
  }
  io.out(opts.json ? JSON.stringify(fuseJson(result), null, 2) : fuseReport(result));
  return errors.length ? 1 : 0;
}

/** `newsfuse fuse <file|dir>... [--json]` */
export function register(program: Command): void {
  program
    .command("fuse")
    .description(
      "Analyze news files and fuse them into stories: events, people, shared quotes, figures and where sources disagree.",
    )
    .argument("<paths...>", "files or directories of news articles (text, HTML, feeds, JSON Lines)")
    .option("--json", "print { articles, stories, entities, quotes, duplicates, discrepancies } as JSON")
    .action(async (paths: string[], opts: { json?: boolean }) => {
      process.exitCode = await runFuse(paths, opts, { out: (s) => console.log(s), err: (s) => console.error(s) });
    });
}
