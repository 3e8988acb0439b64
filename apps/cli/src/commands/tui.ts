import { resolve } from "node:path";
import type { Command } from "commander";
import type { Boot, BootProgress } from "@newsfuse/tui";
import { refusal } from "@newsfuse/tui/terminal";
import { addStoreOptions, type StoreFlags } from "../store-access.ts";

interface TuiFlags extends StoreFlags {
  api?: string;
}

type RawInput = { body: Uint8Array; contentType: string; origin: string };

/** Reads the given paths as the ingest command does; unreadable ones are counted, not fatal. */
async function readInputs(
  paths: string[],
  report: (p: BootProgress) => void,
): Promise<{ raws: RawInput[]; unreadable: number }> {
  report({ phase: "reading", detail: paths.join(", ") });
  const { readPaths } = await import("@newsfuse/formats/node");
  const raws: RawInput[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  for await (const r of readPaths(paths)) {
    if (r.raw && !seen.has(r.raw.path)) {
      seen.add(r.raw.path);
      raws.push({ body: r.raw.body, contentType: r.raw.contentType, origin: r.raw.path });
    } else if (!r.ok) unreadable++;
  }
  return { raws, unreadable };
}

/**
 * Where the TUI reads: `--api URL`; else the embedded store in process (no port), unless a running
 * `newsfuse serve` holds it and has named its URL in the lock, in which case through that server.
 * Paths given are ingested first, with progress on the first screen.
 */
function bootFor(paths: string[], flags: TuiFlags, closers: Array<() => Promise<void>>): Boot {
  const apiKey = process.env.NEWSFUSE_API_KEY || undefined;
  return async (report) => {
    const { createClient } = await import("@newsfuse/client");
    let url = flags.api;
    if (!url && !(flags.databaseUrl ?? process.env.DATABASE_URL)) {
      const { lockHolder } = await import("@newsfuse/store");
      url = lockHolder(resolve(flags.data ?? (process.env.NEWSFUSE_DATA || ".newsfuse")))?.url;
    }
    if (url) {
      const client = createClient({ baseUrl: url, ...(apiKey ? { apiKey } : {}) });
      if (paths.length) {
        const { raws } = await readInputs(paths, report);
        let done = 0;
        let failed = 0;
        for (const r of raws) {
          report({ phase: "ingesting", done, total: raws.length, failed });
          await client.addRaw(r.body, r.contentType).catch(() => failed++);
          done++;
        }
      }
      await client.stats();
      return { client, where: url };
    }
    report({ phase: "opening", detail: flags.data ?? process.env.NEWSFUSE_DATA ?? "./.newsfuse" });
    const [{ openStore }, { createApp }] = await Promise.all([import("@newsfuse/store"), import("@newsfuse/api")]);
    const store = await openStore({
      dataDir: flags.data,
      databaseUrl: flags.databaseUrl,
      command: `newsfuse ${process.argv.slice(2).join(" ")}`,
    });
    closers.push(() => store.close());
    if (paths.length) {
      const { raws, unreadable } = await readInputs(paths, report);
      report({ phase: "ingesting", done: 0, total: raws.length, failed: unreadable });
      await store.ingest(raws, {
        onProgress: (e) =>
          e.type === "ingest.progress" &&
          report({ phase: "ingesting", done: e.done, total: e.total, failed: e.failed + unreadable }),
      });
    }
    const app = createApp({ store, clock: Date.now });
    const client = createClient({ baseUrl: "http://newsfuse.local", fetch: (req) => app.fetch(req) });
    return { client, where: store.location };
  };
}

export function register(program: Command): void {
  addStoreOptions(
    program
      .command("tui")
      .description("Browse stories, sources, quotes and disagreements in the terminal (? for help)")
      .argument("[paths...]", "news files or directories to ingest first")
      .option("--api <url>", "browse a running newsfuse server instead of the embedded store (key: $NEWSFUSE_API_KEY)"),
  ).action(async (paths: string[], flags: TuiFlags) => {
    const why = refusal({
      stdinTTY: !!process.stdin.isTTY,
      stdoutTTY: !!process.stdout.isTTY,
      term: process.env.TERM,
    });
    if (why) {
      console.error(why);
      process.exitCode = 2;
      return;
    }
    // React's development build checks every render and costs several times the production one's time
    // per key press; it is chosen when React loads, so this comes before the import.
    process.env.NODE_ENV ??= "production";
    // Ink is loaded first so the first frame is drawn before the store and the pipeline load.
    const { runTui } = await import("@newsfuse/tui");
    const closers: Array<() => Promise<void>> = [];
    const code = await runTui({
      boot: bootFor(paths, flags, closers),
      close: async () => {
        for (const c of closers) await c().catch(() => {});
      },
    });
    // Timers of the in-process API (fusion, keep-alives) must not hold the terminal after quitting.
    process.exit(code);
  });
}
