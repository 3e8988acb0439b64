import type { Command } from "commander";
import { NewsfuseFailure } from "@newsfuse/core";
import { GROUP_COMMIT_MAX, configFromEnv, dashboardStatus, jsonLogger, startServer, type Logger } from "@newsfuse/api";
import { readPaths } from "@newsfuse/formats/node";
import { announceUrl, openStore, type RawInput, type Store } from "@newsfuse/store";

interface ServeFlags {
  port: string;
  host: string;
  data?: string;
  databaseUrl?: string;
  ingest?: string[];
  quiet?: boolean;
  watch?: boolean;
}

function fail(message: string): never {
  throw new NewsfuseFailure({ code: "input_malformed", message });
}

/** Ingests files before serving (what `npm start` does with seeds/); the store makes it idempotent. */
async function ingestPaths(store: Store, paths: string[]): Promise<string> {
  const raws: RawInput[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  for await (const r of readPaths(paths)) {
    if (r.raw && !seen.has(r.raw.path)) {
      seen.add(r.raw.path);
      raws.push({ body: r.raw.body, contentType: r.raw.contentType, origin: r.raw.path });
    } else if (!r.ok) {
      unreadable++;
      console.error(`newsfuse serve: ${r.error.message} [${r.error.code}]`);
    }
  }
  const results = await store.ingest(raws);
  const n = (s: string) => results.filter((r) => r.status === s).length;
  for (const r of results)
    if (r.status === "error") console.error(`newsfuse serve: ${r.input}: ${r.message} [${r.code}]`);
  return `ingested ${paths.join(", ")}: ${n("created")} new, ${n("duplicate")} duplicates, ${n("known")} already known, ${n("error") + unreadable} failed`;
}

export function register(program: Command): void {
  program
    .command("serve")
    .description("Serve the HTTP API (JSON, OpenAPI at /openapi.json, docs at /docs) over the store")
    .option("--port <n>", "port to listen on (0 = any free port)", "8787")
    .option("--host <addr>", "address to bind; keep loopback unless NEWSFUSE_API_KEY is set", "127.0.0.1")
    .option("--data <dir>", "embedded store directory (default: $NEWSFUSE_DATA or ./.newsfuse)")
    .option("--database-url <url>", "PostgreSQL server to use instead of the embedded store (default: $DATABASE_URL)")
    .option("--ingest <paths...>", "ingest these files or directories first (idempotent: known inputs are skipped)")
    .option("--quiet", "log only warnings and errors, not every request")
    .option("--watch", "also poll the subscribed feeds (newsfuse sources add), as newsfuse watch does")
    .addHelpText(
      "after",
      "\nEnvironment: NEWSFUSE_API_KEY (Bearer key for writes), NEWSFUSE_API_READS=key (close reads), NEWSFUSE_API_CORS (origins),\nNEWSFUSE_API_BODY_LIMIT (bytes, default 10 MB), NEWSFUSE_API_RATE (capacity/perSecond or off), NEWSFUSE_API_TRUST_PROXY=1.",
    )
    .action(async (flags: ServeFlags) => {
      let store: Store | undefined;
      try {
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          fail(`--port must be an integer 0..65535, got "${flags.port}"`);
        const config = configFromEnv(process.env);
        if (!config.ok) fail(`bad API configuration:\n  ${config.problems.join("\n  ")}`);
        // One transaction per group-committed write call: the fixed cost per transaction dominates ingest.
        const opened = await openStore({
          dataDir: flags.data,
          databaseUrl: flags.databaseUrl,
          batchSize: GROUP_COMMIT_MAX,
          command: "newsfuse serve",
        });
        store = opened;
        if (flags.ingest?.length) console.error(`newsfuse serve: ${await ingestPaths(store, flags.ingest)}`);
        const log = jsonLogger();
        const logger: Logger = flags.quiet ? (e) => e.level !== "info" && log(e) : log;
        const server = await startServer({ store, port, host: flags.host, config: config.value, logger }).catch(
          (e: NodeJS.ErrnoException) => {
            if (e.code === "EADDRINUSE") fail(`${flags.host}:${port} is already in use; pick another --port`);
            if (e.code === "EADDRNOTAVAIL" || e.code === "ENOTFOUND")
              fail(`cannot bind --host ${flags.host} (${e.code})`);
            throw e;
          },
        );
        // Read-only commands (stats, export) find the URL in the lock and read through this server.
        if (opened.backend === "embedded") announceUrl(opened.location, server.url);
        console.log(
          `newsfuse API on ${server.url} (${store.backend} store)\n  docs:    ${server.url}/docs\n  openapi: ${server.url}/openapi.json`,
        );
        const web = dashboardStatus();
        if (web.built) console.log(`  dashboard: ${server.url}/ (open it in a browser)`);
        else console.log(`  dashboard: not available: ${web.message}`);
        if (!config.value.apiKey)
          console.log("  writes:  loopback only (set NEWSFUSE_API_KEY to accept them from elsewhere)");
        // Polling runs beside the server on the same store; it stops with the server.
        const watching = new AbortController();
        if (flags.watch) {
          const { watchSources } = await import("./watch.ts");
          console.log("  watch:   polling the subscribed feeds (GET /v1/sources shows their health)");
          void watchSources(store, {}, watching.signal, (line) =>
            logger({ level: "info", msg: "watch", time: new Date().toISOString(), poll: line }),
          ).catch((e: Error) => logger({ level: "error", msg: "watch stopped", error: e.message }));
        }
        let stopping = false;
        const stop = (signal: string) => {
          watching.abort();
          // A second Ctrl-C means "now": skip waiting for in-flight requests.
          if (stopping) process.exit(130);
          stopping = true;
          console.error(`newsfuse serve: ${signal}, finishing in-flight requests`);
          void server.close().then(() => process.exit(0));
        };
        process.on("SIGINT", () => stop("SIGINT"));
        process.on("SIGTERM", () => stop("SIGTERM"));
      } catch (e) {
        await store?.close().catch(() => {});
        const message = e instanceof NewsfuseFailure ? e.error.message : (e as Error).message;
        console.error(`newsfuse serve: ${message}`);
        process.exitCode = 2;
      }
    });
}
