import type { Command } from "commander";
import {
  analyze,
  findRecurringLines,
  formatArticles,
  normalizeText,
  splitParagraphs,
  type AnalyzeInput,
  type Article,
} from "@newsfuse/core";
import { readPaths } from "@newsfuse/formats/node";
import { CHARSET_HELP, checkCharset, INPUT_KINDS } from "../inputs.ts";

export interface AnalyzeIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface AnalyzeOptions {
  pretty?: boolean;
  /** Charset of the files (plain text cannot declare one); a WHATWG label such as latin1 or windows-1252. */
  charset?: string;
}

/**
 * Reads every input (files, directories), analyzes the readable ones as one batch (so chrome
 * recurring across them is found) and prints JSON or a summary. Returns the exit code: 0 when
 * every input was read and analyzed, 1 when any was bad (the others are still printed), 2 for a bad flag.
 */
export async function runAnalyze(paths: string[], opts: AnalyzeOptions, io: AnalyzeIO): Promise<number> {
  const charset = checkCharset(opts.charset);
  if (!charset.ok) {
    io.stderr(`newsfuse analyze: ${charset.error.message} [${charset.error.code}]`);
    return 2;
  }
  let failed = false;
  const inputs: AnalyzeInput[] = [];
  for await (const r of readPaths(paths, { charset: charset.value })) {
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
  io.stdout(opts.pretty ? formatArticles(articles) : `${JSON.stringify(articles, null, 2)}\n`);
  return failed ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command("analyze")
    .description(
      "Analyze news articles: clean text, metadata, entities, quotes, numbers. Prints a JSON array of Article (one per article).",
    )
    .argument("<paths...>", INPUT_KINDS)
    .option("--pretty", "print a readable summary instead of JSON")
    .option("--charset <label>", CHARSET_HELP)
    .action(async (paths: string[], opts: AnalyzeOptions) => {
      process.exitCode = await runAnalyze(paths, opts, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(`${s}\n`),
      });
    });
}
