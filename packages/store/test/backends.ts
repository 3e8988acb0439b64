import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject } from "vitest";
import { openStore } from "../src/open.ts";
import type { SqlStore } from "../src/sql-store.ts";
import { createDatabase } from "../src/harness/postgres.ts";

/**
 * Openers of a fresh, empty store on each backend (analysis in-thread), for `describe.each`: a temp
 * directory for PGlite, removed after the file, and a new database on the test server.
 */
export function freshStores(name: string): Array<[string, () => Promise<SqlStore>]> {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  let n = 0;
  return [
    [
      "embedded",
      async () => {
        const dir = mkdtempSync(join(tmpdir(), `newsfuse-${name}-`));
        dirs.push(dir);
        return openStore({ dataDir: dir, databaseUrl: "", workers: 0 });
      },
    ],
    [
      "server",
      async () =>
        openStore({ databaseUrl: await createDatabase(inject("pgUrl"), `${name}_${process.pid}_${n++}`), workers: 0 }),
    ],
  ];
}
