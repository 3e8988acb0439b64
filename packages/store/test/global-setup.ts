import type { TestProject } from "vitest/node";
import { startPostgres } from "../src/harness/postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

// The server-backend tests need a PostgreSQL server: make one (installing it if missing), never skip.
export default async function setup(project: TestProject) {
  const pg = await startPostgres();
  project.provide("pgUrl", pg.url);
  return () => pg.stop();
}
