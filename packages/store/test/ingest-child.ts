// A separate ingest process for the crash and concurrency tests:
//   node --import tsx test/ingest-child.ts <dataDir|postgres-url> <batchSize> [part/parts]
// Prints "batch <done>" after every committed batch and "done <json>" at the end.
import { openStore } from "../src/open.ts";
import { allInputs } from "./inputs.ts";

const [target, batch, part] = process.argv.slice(2);
const isUrl = target!.startsWith("postgres");
let inputs = allInputs();
if (part) {
  const [k, n] = part.split("/").map(Number);
  inputs = inputs.filter((_, i) => i % n! === k);
}
const store = await openStore({
  ...(isUrl ? { databaseUrl: target } : { dataDir: target }),
  batchSize: Number(batch),
  workers: 1,
});
const results = await store.ingest(inputs, {
  onProgress: (e) => e.type === "ingest.progress" && process.stdout.write(`batch ${e.done}\n`),
});
await store.close();
process.stdout.write(`done ${JSON.stringify(results.map((r) => r.status))}\n`);
