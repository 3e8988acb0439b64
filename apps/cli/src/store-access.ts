import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import type { Command } from "commander";
import { NewsfuseFailure, type NewsfuseError } from "@newsfuse/core";
import type { SqlStore } from "@newsfuse/store";
// The lock reader alone: deciding where to read must not load the store (PGlite, the pipeline).
import { lockHolder } from "@newsfuse/store/lock";

/** Flags every store command shares. */
export interface StoreFlags {
  data?: string;
  databaseUrl?: string;
  batchSize?: string;
  workers?: string;
}

export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option("--data <dir>", "embedded store directory (default: $NEWSFUSE_DATA or ./.newsfuse)")
    .option("--database-url <url>", "PostgreSQL server to use instead of the embedded store (default: $DATABASE_URL)");
}

function nonNegativeInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new NewsfuseFailure({
      code: "input_malformed",
      message: `${flag} must be a non-negative integer, got "${v}"`,
      input: flag,
    });
  return n;
}

/** Prints a store error as one line and sets exit code 2. */
export function reportStoreError(e: unknown): void {
  const error: NewsfuseError =
    e instanceof NewsfuseFailure ? e.error : { code: "internal", message: (e as Error).message };
  console.error(`newsfuse: ${error.message}`);
  process.exitCode = 2;
}

export interface WithStoreOptions {
  /** Skip loading the in-memory indexes (commands that only read counts or rows). */
  skipIndexes?: boolean;
  /**
   * The command runs a few queries and exits (stats, export, migrate). PGlite's WebAssembly is then
   * compiled by V8's baseline compiler only: the optimizing tier would spend more CPU on background
   * threads, compiling code such a command never runs long enough to profit from, than the whole command
   * needs (measured by `npm run bench -- startup`, whose CPU column shows it).
   */
  shortLived?: boolean;
}

/**
 * Opens the store the flags name, runs `fn`, always closes it; store errors become a one-line message
 * and exit code 2. The store (PGlite, the database drivers) is loaded only here, when a command needs it.
 */
export async function withStore<T>(
  flags: StoreFlags,
  fn: (store: SqlStore) => Promise<T>,
  opts: WithStoreOptions = {},
): Promise<T | undefined> {
  let store: SqlStore | undefined;
  try {
    if (opts.shortLived) setFlagsFromString("--liftoff-only");
    const { openStore } = await import("./open-store.ts");
    store = await openStore({
      dataDir: flags.data,
      databaseUrl: flags.databaseUrl,
      batchSize: nonNegativeInt(flags.batchSize, "--batch-size"),
      workers: nonNegativeInt(flags.workers, "--workers"),
      skipIndexes: opts.skipIndexes,
      shortLived: opts.shortLived,
      command: `newsfuse ${process.argv.slice(2).join(" ")}`,
    });
    return await fn(store);
  } catch (e) {
    reportStoreError(e);
    return undefined;
  } finally {
    await store?.close().catch(() => {});
  }
}

/** Where a read-only command reads: the store itself, or the `newsfuse serve` that holds it. */
export type ReadTarget = { kind: "store" } | { kind: "server"; url: string; dir: string };

/**
 * Decides where `stats` and `export` read, without opening anything. An embedded directory must hold
 * a store already (a typo in --data must not create an empty one); when a running `newsfuse serve`
 * holds it and has named its URL in the lock, reads go through that server.
 */
export function readTarget(flags: StoreFlags, env: NodeJS.ProcessEnv = process.env): ReadTarget {
  if (flags.databaseUrl ?? env.DATABASE_URL) return { kind: "store" };
  // The same default as openStore's.
  const dir = resolve(flags.data ?? (env.NEWSFUSE_DATA || ".newsfuse"));
  // PG_VERSION is the first file PostgreSQL writes into a data directory and is there for its life.
  if (!existsSync(join(dir, "pgdata", "PG_VERSION")))
    throw new NewsfuseFailure({
      code: "not_found",
      message: `${dir} holds no newsfuse store; give --data (or NEWSFUSE_DATA) the directory that \`newsfuse ingest\` or \`newsfuse serve\` filled`,
      input: dir,
    });
  const holder = lockHolder(dir);
  return holder?.url ? { kind: "server", url: holder.url, dir } : { kind: "store" };
}
