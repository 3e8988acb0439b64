import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@newsfuse/store";
import type { TestProject } from "vitest/node";
import { seedInputs } from "./seeds.ts";

declare module "vitest" {
  export interface ProvidedContext {
    seededTemplate: string;
  }
}

/**
 * Creating an embedded database (initdb) costs seconds; reopening a copy costs about one. So the seeds
 * are ingested once into a template directory and every test file opens its own copy of it.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-api-template-"));
  const store = await openStore({ dataDir: dir, workers: 0 });
  const results = await store.ingest(seedInputs());
  await store.close();
  const failed = results.filter((r) => r.status === "error");
  if (failed.length) throw new Error(`seeding the test store failed: ${JSON.stringify(failed)}`);
  project.provide("seededTemplate", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
