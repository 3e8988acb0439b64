import type { Command } from "commander";
import {
  analyze,
  findRecurringLines,
  normalizeText,
  splitParagraphs,
  type AnalyzeInput,
  type Article,
} from "@newsfuse/core";
import { readPaths } from "@newsfuse/formats/node";

export interface AnalyzeIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * Reads every input (files, directories), analyzes the readable ones as one batch (so chrome
 * recurring across them is found) and prints JSON or a summary. Returns the exit code: 0 when
 * every input was read and analyzed, 1 when any was bad (the others are still printed).
 */
export async function runAnalyze(paths: string[], opts: { pretty?: boolean }, io: AnalyzeIO): Promise<number> {
  let failed = false;
  const inputs: AnalyzeInput[] = [];
  for await (const r of readPaths(paths)) {
    if (r.ok) inputs.push({ ...r.value.input, id: r.value.input.id ?? r.value.origin });
    else {
      failed = true;
      io.stderr(`newsfuse analyze: ${r.error.message} [${r.error.code}]`);
    }
  }
  const recurring = findRecurringLines(inputs.map((i) => splitParagraphs(normalizeText(i.text)).map((p) => p.text)));
  const articles: Article[] = [];
  for (const input of inputs) {
    try {
      articles.push(analyze(input, { recurring }));
    } catch (e) {
      failed = true;
      io.stderr(
        `newsfuse analyze: ${input.id}: could not be analyzed (${(e as Error).message.split("\n")[0]}) [internal]`,
      );
    }
  }
  io.stdout(opts.pretty ? articles.map(formatPretty).join("\n") : `${JSON.stringify(articles, null, 2)}\n`);
  return failed ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command("analyze")
    .description(
      "Analyze news articles: clean text, metadata, entities, quotes, numbers. Prints a JSON array of Article (one per input).",
    )
    .argument("<paths...>", "text files or directories of them")
    .option("--pretty", "print a readable summary instead of JSON")
    .action(async (paths: string[], opts: { pretty?: boolean }) => {
      process.exitCode = await runAnalyze(paths, opts, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(`${s}\n`),
      });
    });
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A readable summary of one Article for the terminal. */
export function formatPretty(a: Article): string {
  const lines: string[] = [`== ${a.id}`];
  const row = (label: string, value: string | null | undefined) => {
    if (value) lines.push(`${(`${label}:`).padEnd(12)}${value}`);
  };
  row(
    "Title",
    a.title ? a.title + (a.titleDerived ? "  (derived, not printed in the text)" : "") : "(none in the text)",
  );
  if (a.dateline)
    row("Dateline", [a.dateline.place, a.dateline.agency && `(${a.dateline.agency})`].filter(Boolean).join(" "));
  const p = a.published;
  row(
    "Date",
    [
      p.stated ? `${p.stated} (stated${p.source ? `, from ${p.source}` : ""})` : "unknown",
      p.inferred && `${p.inferred} (inferred)`,
      p.weekday && `main event on ${p.weekday}`,
      p.modified && `modified ${p.modified}`,
    ]
      .filter(Boolean)
      .join(" · "),
  );
  for (const c of p.conflicts) lines.push(`${"".padEnd(12)}! ${c}`);
  row("Authors", a.authors.join(", "));
  row(
    "Credits",
    a.credits
      .filter((c) => c.role !== "author")
      .map((c) => `${c.role}: ${c.names.join(", ")}`)
      .join("; "),
  );
  const pv = a.provenance;
  row(
    "Provenance",
    [
      pv.agency && `agency ${pv.agency}`,
      pv.republishedFrom && `republished copy of ${pv.republishedFrom}`,
      pv.materialFrom.length ? `material from ${pv.materialFrom.join(", ")}` : null,
      pv.outlet && `outlet ${pv.outlet}`,
      pv.url,
    ]
      .filter(Boolean)
      .join(" · "),
  );
  if (a.removed.length) {
    const byReason = new Map<string, number>();
    for (const r of a.removed) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    row("Removed", [...byReason].map(([r, n]) => `${r} ${n}`).join(", "));
  }
  row("Body", `${a.body.length} characters, ${a.body ? a.body.split("\n\n").length : 0} paragraphs`);
  if (a.entities.length) {
    lines.push(`Entities (${a.entities.length}):`);
    for (const e of a.entities) {
      const aka = e.aliases.filter((x) => x !== e.name);
      lines.push(
        `  ${e.type.padEnd(13)}${e.name}${e.role ? ` — ${e.role}` : ""}${aka.length ? `  [also: ${aka.join(", ")}]` : ""}`,
      );
    }
  }
  if (a.quotes.length) {
    lines.push(`Quotes (${a.quotes.length}):`);
    for (const q of a.quotes) lines.push(`  “${clip(q.text, 90)}” — ${q.speaker ?? "(unattributed)"}`);
  }
  if (a.numbers.length) {
    lines.push(`Numbers (${a.numbers.length}):`);
    for (const n of a.numbers) lines.push(`  ${n.text}${n.subject ? `  (of: ${n.subject})` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}
