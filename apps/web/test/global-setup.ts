import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@newsfuse/store";
import type { TestProject } from "vitest/node";
import { seedInputs } from "../e2e/server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    seededTemplate: string;
  }
}

/** The seeds are ingested once into a template; each test file opens its own copy (as the API's tests do). */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-web-template-"));
  const store = await openStore({ dataDir: dir, workers: 0 });
  const results = await store.ingest(seedInputs());
  await store.close();
  const failed = results.filter((r) => r.status === "error");
  if (failed.length) throw new Error(`seeding the test store failed: ${JSON.stringify(failed)}`);
  project.provide("seededTemplate", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
