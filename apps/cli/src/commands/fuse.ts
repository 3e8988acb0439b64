import type { Command } from "commander";
import {
  analyzeBatch,
  formatFuseReport,
  fuse,
  type AnalyzeInput,
  type FuseResult,
  type NewsfuseError,
} from "@newsfuse/core";
import { readPaths } from "@newsfuse/formats/node";
import { CHARSET_HELP, checkCharset, INPUT_KINDS } from "../inputs.ts";

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

/**
 * Reads, analyzes and fuses the given files and directories. Bad inputs are reported on stderr by
 * name and skipped; the rest is fused. Returns the exit code: 0, or 1 when any input failed.
 */
export async function runFuse(
  paths: string[],
  opts: { json?: boolean; charset?: string },
  io: FuseIo,
): Promise<number> {
  const charset = checkCharset(opts.charset);
  if (!charset.ok) {
    io.err(`newsfuse fuse: ${charset.error.message} (${charset.error.code})`);
    return 2;
  }
  const inputs: AnalyzeInput[] = [];
  const errors: NewsfuseError[] = [];
  const seen = new Map<string, number>();
  for await (const r of readPaths(paths, { charset: charset.value })) {
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
  io.out(opts.json ? JSON.stringify(fuseJson(result), null, 2) : formatFuseReport(result));
  return errors.length ? 1 : 0;
}

/** `newsfuse fuse <file|dir>... [--json]` */
export function register(program: Command): void {
  program
    .command("fuse")
    .description(
      "Analyze news files and fuse them into stories: events, people, shared quotes, figures and where sources disagree.",
    )
    .argument("<paths...>", INPUT_KINDS)
    .option("--json", "print { articles, stories, entities, quotes, duplicates, discrepancies } as JSON")
    .option("--charset <label>", CHARSET_HELP)
    .action(async (paths: string[], opts: { json?: boolean; charset?: string }) => {
      process.exitCode = await runFuse(paths, opts, { out: (s) => console.log(s), err: (s) => console.error(s) });
    });
}
