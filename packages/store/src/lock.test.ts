import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { NewsfuseFailure } from "@newsfuse/core";
import { acquireLock, announceUrl, LOCK_FILE, lockHolder } from "./lock.ts";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded store lock", () => {
  it("names the live process that holds the store", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsfuse-lock-"));
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(
        join(dir, LOCK_FILE),
        JSON.stringify({ pid: holder.pid, command: "newsfuse ingest feeds/", since: "2026-01-01T00:00:00Z" }),
      );
      let failure: NewsfuseFailure | null = null;
      try {
        acquireLock(dir);
      } catch (e) {
        failure = e as NewsfuseFailure;
      }
      expect(failure?.error.code).toBe("store_locked");
      expect(failure?.error.message).toContain(`process ${holder.pid}`);
      expect(failure?.error.message).toContain("newsfuse ingest feeds/");
      // The holder's lock is left alone.
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")).pid).toBe(holder.pid);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that died", () => {
    dir = mkdtempSync(join(tmpdir(), "newsfuse-lock-"));
    const dead = spawnSync("true").pid!;
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: dead, command: "newsfuse ingest (killed)", since: "2026-01-01T00:00:00Z" }),
    );
    const lock = acquireLock(dir, "test");
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid, command: "test" });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("refuses a second lock in the same process", () => {
    dir = mkdtempSync(join(tmpdir(), "newsfuse-lock-"));
    const lock = acquireLock(dir, "first");
    expect(() => acquireLock(dir, "second")).toThrow(/already open in this process/);
    lock.release();
    acquireLock(dir, "third").release();
  });

  it("names the URL its holder serves at, for readers and in the refusal", () => {
    dir = mkdtempSync(join(tmpdir(), "newsfuse-lock-"));
    expect(lockHolder(dir)).toBeNull();
    expect(announceUrl(dir, "http://127.0.0.1:1")).toBe(false); // not held: nothing written
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const lock = acquireLock(dir, "newsfuse serve");
    expect(lockHolder(dir)?.url).toBeUndefined();
    expect(announceUrl(dir, "http://127.0.0.1:8787")).toBe(true);
    expect(lockHolder(dir)).toMatchObject({
      pid: process.pid,
      command: "newsfuse serve",
      url: "http://127.0.0.1:8787",
    });
    // Another process is refused with the URL to use instead.
    const other = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import("${new URL("./lock.ts", import.meta.url).href}").then((m) => m.acquireLock(${JSON.stringify(dir)}))`,
      ],
      { encoding: "utf8" },
    );
    expect(other.stderr).toContain("its API at http://127.0.0.1:8787 reads and writes it");
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("reports no holder for a lock left by a dead process", () => {
    dir = mkdtempSync(join(tmpdir(), "newsfuse-lock-"));
    const dead = spawnSync("true").pid!;
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, command: "newsfuse serve", since: "", url: "x" }));
    expect(lockHolder(dir)).toBeNull();
  });
});
