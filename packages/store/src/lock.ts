import { linkSync, readFileSync, unlinkSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NewsfuseFailure } from "@newsfuse/core";

export const LOCK_FILE = "newsfuse.lock";

export interface LockHolder {
  pid: number;
  command: string;
  since: string;
  /** Where a `newsfuse serve` holding the store answers, once it listens: other commands read through it. */
  url?: string;
}

/** A held lock on an embedded data directory; release() removes it. */
export interface DirLock {
  readonly path: string;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, "utf8")) as LockHolder;
    return typeof h.pid === "number" ? h : null;
  } catch {
    return null;
  }
}

/**
 * Takes the embedded store's lock: one process at a time, because PGlite is a single-process database
 * and two writers on one directory would corrupt it. A lock left by a dead process is taken over.
 */
export function acquireLock(dataDir: string, command = process.argv.slice(1).join(" ")): DirLock {
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // link() of a fully written file is the atomic test-and-set: a reader never sees a half-written lock.
      const tmp = `${path}.${process.pid}`;
      writeFileSync(tmp, JSON.stringify(me));
      try {
        linkSync(tmp, path);
      } finally {
        unlinkSync(tmp);
      }
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          const h = readHolder(path);
          if (h?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new NewsfuseFailure({
          code: "store_error",
          message: `${dataDir}: cannot create lock file (${(e as Error).message})`,
          input: dataDir,
        });
      }
    }
    const holder = readHolder(path);
    if (holder && holder.pid !== process.pid && alive(holder.pid)) {
      const served = holder.url ? `; its API at ${holder.url} reads and writes it` : "";
      throw new NewsfuseFailure({
        code: "store_locked",
        message: `${dataDir} is in use by process ${holder.pid} (${holder.command || "unknown command"}, since ${holder.since})${served}; wait for it to finish or stop it, or set DATABASE_URL to use a PostgreSQL server for concurrent access`,
        input: dataDir,
        detail: holder,
      });
    }
    if (holder && holder.pid === process.pid) {
      throw new NewsfuseFailure({
        code: "store_locked",
        message: `${dataDir} is already open in this process; close the other store first`,
        input: dataDir,
        detail: holder,
      });
    }
    // Stale (dead pid) or unreadable half-written lock: move it aside atomically so only one taker wins, then retry.
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      unlinkSync(`${path}.stale-${process.pid}`);
    } catch {
      /* another process took it over first; the next attempt sees its lock */
    }
  }
  throw new NewsfuseFailure({
    code: "store_locked",
    message: `${dataDir}: could not take the store lock`,
    input: dataDir,
  });
}

/**
 * The live process holding the embedded store in `dataDir`, or null when nobody does (no lock, a lock
 * left by a dead process, or one being written). Reads only: takes nothing, creates nothing.
 */
export function lockHolder(dataDir: string): LockHolder | null {
  const holder = readHolder(join(dataDir, LOCK_FILE));
  return holder && alive(holder.pid) ? holder : null;
}

/**
 * Records in the lock this process holds on `dataDir` the URL its server answers at, so that read-only
 * commands can go through the server instead of being refused. The lock is replaced by rename, so a
 * reader sees the old holder or the new one, never half of either. Returns false when this process
 * does not hold the lock (nothing is written then).
 */
export function announceUrl(dataDir: string, url: string): boolean {
  const path = join(dataDir, LOCK_FILE);
  const holder = readHolder(path);
  if (holder?.pid !== process.pid) return false;
  const tmp = `${path}.${process.pid}.url`;
  writeFileSync(tmp, JSON.stringify({ ...holder, url }));
  renameSync(tmp, path);
  return true;
}
