// An ingest process for the JSON Lines kill -9 test, reading its file as `newsfuse ingest` does:
//   node --import tsx test/jsonl-child.ts <dataDir> <batchSize> <file.jsonl>
// Prints "batch <done>/<total>" after every committed batch, "fused <n>" after the final re-fusion and
// "done <json>" (the status of every result) at the end.
import { readPaths } from "@newsfuse/formats/node";
import { openStore } from "../src/open.ts";
import type { RawInput } from "../src/types.ts";

const [target, batch, file] = process.argv.slice(2);
const inputs: RawInput[] = [];
const seen = new Set<string>();
// Every item read from a file carries the file's raw input: one raw input per file.
for await (const r of readPaths([file!]))
  if (r.raw && !seen.has(r.raw.path)) {
    seen.add(r.raw.path);
    inputs.push({ body: r.raw.body, contentType: r.raw.contentType, origin: r.raw.path });
  }
const store = await openStore({ dataDir: target!, databaseUrl: "", batchSize: Number(batch), workers: 1 });
const results = await store.ingest(inputs, {
  onProgress: (e) => e.type === "ingest.progress" && process.stdout.write(`batch ${e.done}/${e.total}\n`),
  onFused: (n) => process.stdout.write(`fused ${n}\n`),
});
await store.close();
process.stdout.write(`done ${JSON.stringify(results.map((r) => r.status))}\n`);
