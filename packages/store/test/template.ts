import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openStore } from "../src/open.ts";

/**
 * Empty embedded stores for a test file: one migrated template made before the file's tests (initdb costs
 * seconds), then a copy of it per call. Every directory is removed after the file.
 */
export function emptyStoreDirs(prefix: string): () => string {
  const dirs: string[] = [];
  let template = "";
  beforeAll(async () => {
    template = mkdtempSync(join(tmpdir(), "newsfuse-template-"));
    dirs.push(template);
    await (await openStore({ dataDir: template, databaseUrl: "", skipIndexes: true })).close();
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    cpSync(join(template, "pgdata"), join(dir, "pgdata"), { recursive: true });
    return dir;
  };
}
