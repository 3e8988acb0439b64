import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, startServer } from "@newsfuse/api";
import { seedInputs } from "@newsfuse/api/test-support";
import { openStore } from "@newsfuse/store";

export { DIST } from "./bundle-sizes.ts";

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
