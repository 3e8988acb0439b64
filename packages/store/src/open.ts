import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import type { PGlite } from "@electric-sql/pglite";
import { NewsfuseFailure } from "@newsfuse/core";
import type { DB } from "./db/types.ts";
import { schemaIsCurrent } from "./db/migrations.ts";
import { PGliteDialect } from "./db/pglite-dialect.ts";
import { acquireLock } from "./lock.ts";
import { SqlStore } from "./sql-store.ts";

export interface OpenStoreOptions {
  /** Embedded data directory; default `NEWSFUSE_DATA` or `./.newsfuse`. */
  dataDir?: string;
  /** PostgreSQL URL; default `DATABASE_URL`. When set, the server backend is used. */
  databaseUrl?: string;
  /** Raw inputs per transaction (default 32). */
  batchSize?: number;
  /** Analysis worker threads (default: one per core; 0 = analyze in this thread). */
  workers?: number;
  /** Skip loading the in-memory indexes (read-only uses such as `stats`). */
  skipIndexes?: boolean;
  /**
   * A command that runs a few queries and exits (`stats`, `export`, `migrate`): the embedded database
   * starts with 16 MB of shared buffers instead of 128 MB, whose set-up is a fifth of its start.
   */
  shortLived?: boolean;
  /** Shown to a second process that finds the embedded store in use. */
  command?: string;
}

/** Where the embedded store lives when nothing says otherwise. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.NEWSFUSE_DATA || ".newsfuse");
}

/**
 * Opens the store: a PostgreSQL server when `databaseUrl` (or `DATABASE_URL`) is set, otherwise the
 * embedded PGlite database in `dataDir`. Pending migrations are applied and the in-memory indexes loaded.
 * Throws NewsfuseFailure (`store_locked`, `store_error`) with a message naming the data directory or server.
 */
export async function openStore(opts: OpenStoreOptions = {}): Promise<SqlStore> {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  let store: SqlStore;
  if (url) {
    const where = redact(url);
    // Each backend's driver is imported when it is used: pg (with what it loads of Node's fetch) costs an
    // embedded store's open a tenth of a second, PGlite a server's.
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on("error", () => {}); // idle-client errors surface on the next query instead of crashing the process
    try {
      const c = await pool.connect();
      c.release();
    } catch (e) {
      await pool.end().catch(() => {});
      throw new NewsfuseFailure({
        code: "store_error",
        message: `cannot connect to PostgreSQL at ${where} (${(e as Error).message})`,
        input: where,
      });
    }
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    store = new SqlStore(db, { backend: "server", location: where, batchSize: opts.batchSize, workers: opts.workers });
  } else {
    const dir = resolve(opts.dataDir ?? defaultDataDir());
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new NewsfuseFailure({
        code: "store_error",
        message: `${dir}: cannot create the data directory (${(e as Error).message})`,
        input: dir,
      });
    }
    const lock = acquireLock(dir, opts.command);
    let pgl: PGlite;
    try {
      const { PGlite, types } = await import("@electric-sql/pglite");
      // bytea parameters go as binary (see pipeline/docs.ts): the value is passed through untouched.
      pgl = await PGlite.create(`${dir}/pgdata`, {
        serializers: { [types.BYTEA]: (b: unknown) => b as string },
        ...(opts.shortLived && { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] }),
      });
    } catch (e) {
      lock.release();
      throw new NewsfuseFailure({
        code: "store_error",
        message: `${dir}: cannot open the embedded database (${(e as Error).message})`,
        input: dir,
      });
    }
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pgl) });
    store = new SqlStore(db, {
      backend: "embedded",
      location: dir,
      batchSize: opts.batchSize,
      workers: opts.workers,
      onClose: () => lock.release(),
    });
  }
  try {
    if (!(await schemaIsCurrent(store.db))) await store.migrate();
    if (!opts.skipIndexes) await store.loadIndexes();
  } catch (e) {
    await store.close().catch(() => {});
    throw e;
  }
  return store;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "DATABASE_URL";
  }
}
