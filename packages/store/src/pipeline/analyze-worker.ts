import { parentPort } from "node:worker_threads";
import type { Article } from "@newsfuse/core";
import { analyzeRaw } from "./analyze-raw.ts";
import { Lru } from "./docs.ts";
import { runFuseJob, type FuseJob } from "./fuse-job.ts";
import type { RawJob } from "./pool.ts";

// Articles this worker decoded for fusion (see runFuseJob).
const decoded = new Lru<Article>(1500);

// One job at a time per worker; the pool keeps every worker busy.
parentPort!.on("message", (msg: { id: number } & ({ raw: RawJob } | { fuse: FuseJob })) => {
  const result =
    "raw" in msg
      ? analyzeRaw(msg.raw.body, msg.raw.contentType, msg.raw.origin, msg.raw.prepare, msg.raw.range)
      : runFuseJob(msg.fuse, decoded);
  parentPort!.postMessage({ id: msg.id, result });
});
