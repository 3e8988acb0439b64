import { parentPort } from "node:worker_threads";
import { analyzeRaw } from "./analyze-raw.ts";

// One job at a time per worker; the pool keeps every worker busy.
parentPort!.on("message", (msg: { id: number; body: Uint8Array; contentType: string; origin: string; prepare?: false | { tsv: boolean } }) => {
  parentPort!.postMessage({ id: msg.id, result: analyzeRaw(msg.body, msg.contentType, msg.origin, msg.prepare) });
});
