import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { NewsfuseFailure } from "@newsfuse/core";
import { acquireLock, LOCK_FILE } from "./lock.ts";

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
});
