import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, startServer } from "@newsfuse/api";
import { openStore, type RawInput } from "@newsfuse/store";

export const SEEDS = join(import.meta.dirname, "../../../seeds");
export { DIST } from "./bundle-sizes.ts";

export function seedInputs(): RawInput[] {
  return readdirSync(SEEDS)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((n) => ({
      body: new Uint8Array(readFileSync(join(SEEDS, n))),
      contentType: "text/plain",
      origin: join("seeds", n),
    }));
}

/**
 * The real server, as `newsfuse serve --ingest seeds` runs it: an embedded store in a temp directory
 * holding the five seeds, the API and the built dashboard on a free loopback port.
 */
export async function seededServer(opts: { dataDir?: string } = {}): Promise<RunningServer & { dataDir: string }> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "newsfuse-web-e2e-"));
  const store = await openStore({ dataDir, workers: 0 });
  if ((await store.stats()).articles === 0) {
    const results = await store.ingest(seedInputs());
    const failed = results.filter((r) => r.status === "error");
    if (failed.length) throw new Error(`seeding failed: ${JSON.stringify(failed)}`);
  }
  const server = await startServer({ store, port: 0, config: { rateLimit: null }, logger: () => {} });
  return {
    ...server,
    dataDir,
    async close(o) {
      await server.close(o);
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
