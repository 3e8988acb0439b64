import { Command } from "commander";
import pkg from "../package.json" with { type: "json" };

/** A command module: registers exactly one command, named as in its table entry, on the program. */
export interface CommandModule {
  register(program: Command): void;
}

/** One line of the command table: its name, the line `newsfuse --help` shows, and how to load it. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandModule>;
}

// Every command is loaded only when it runs (or its own --help is asked for): `newsfuse --help` and
// `--version` load none, and each command pulls in only what it needs (PGlite, the NER model, the API).
// Adding a command is one line here and a module exporting `register(program)`.
// biome-ignore format: one line per command keeps the table readable and each addition a one-line diff
export const COMMANDS: CommandEntry[] = [
  { name: "analyze", summary: "Analyze news files: clean text, metadata, entities, quotes, numbers (JSON or --pretty)", load: () => import("./commands/analyze.ts") },
  { name: "fuse", summary: "Fuse news files into stories: events, people, shared quotes, figures, disagreements", load: () => import("./commands/fuse.ts") },
  { name: "cluster", summary: "Cluster a JSON Lines file of articles or headlines into stories or events", load: () => import("./commands/cluster.ts") },
  { name: "ingest", summary: "Analyze, deduplicate, cluster, fuse and store news files, feeds or JSON Lines dumps", load: () => import("./commands/ingest.ts") },
  { name: "serve", summary: "Serve the HTTP API over the store (OpenAPI at /openapi.json, docs at /docs)", load: () => import("./commands/serve.ts") },
  { name: "stats", summary: "Count the stored inputs, articles, duplicates, stories, events, entities and quotes", load: () => import("./commands/stats.ts") },
  { name: "export", summary: "Write the stored articles or fused stories as JSON Lines", load: () => import("./commands/export.ts") },
  { name: "migrate", summary: "Apply pending database migrations", load: () => import("./commands/migrate.ts") },
  { name: "reanalyze", summary: "Rebuild every stored record from the raw inputs, in one transaction", load: () => import("./commands/reanalyze.ts") },
  { name: "sources", summary: "Subscribe to feeds: sources add <feed-url|opml>, sources list, sources remove <id>", load: () => import("./commands/sources.ts") },
  { name: "watch", summary: "Poll the subscribed feeds until stopped, storing each new item once", load: () => import("./commands/watch.ts") },
  { name: "tui", summary: "Browse stories, sources, quotes and disagreements in the terminal (? for help)", load: () => import("./commands/tui.ts") },
];

export const VERSION: string = pkg.version;

/** The command a command line runs: its first operand, or the one `help <command>` asks about. */
export function commandOf(args: readonly string[]): string | undefined {
  const operands = args.filter((a) => !a.startsWith("-"));
  return operands[0] === "help" ? operands[1] : operands[0];
}

/**
 * The `newsfuse` program for `args` (the command line without node and the script): the command it
 * runs is loaded and registered in full; every other one is a stub with its summary, enough for the
 * command list of `--help` and for "did you mean" suggestions.
 */
export async function buildProgram(args: readonly string[], commands: readonly CommandEntry[] = COMMANDS) {
  const program = new Command()
    .name("newsfuse")
    .description("Turns many noisy news reports into one clean, deduplicated, sourced account of a story.")
    .version(VERSION, "-V, --version", "print the version")
    .showHelpAfterError();
  const wanted = commandOf(args);
  for (const c of commands) {
    if (c.name === wanted) (await c.load()).register(program);
    else program.command(c.name).description(c.summary);
  }
  return program;
}
