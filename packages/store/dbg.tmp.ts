import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "./src/open.ts";
import { allInputs, snapshot } from "./test/inputs.ts";
async function run(order: number[], batch: number) {
  const s = await openStore({ dataDir: mkdtempSync(join(tmpdir(), "dbg-")), databaseUrl: "", workers: 0 });
  const inputs = allInputs();
  await s.ingest(order.map((i) => inputs[i]!), { batchSize: batch });
  const snap = await snapshot(s);
  await s.close();
  return snap;
}
const n = allInputs().length;
const seq = [...Array(n).keys()];
const inter: number[] = [];
for (let k = 0; k < 4; k++) for (let i = k; i < n; i += 4) inter.push(i);
const rr: number[] = [];
for (let i = 0; i < n; i += 8) for (let k = 0; k < 4; k++) for (let j = i + k; j < Math.min(i + 8 + k, n); j += 4) if (j < n && !rr.includes(j)) rr.push(j);
const a = await run(seq, 4);
console.log(a.stories.map((s) => s.split(" ").length), a.stories.map(s=>s.slice(0,60)));
const b = await run(inter, 2);
console.log(b.stories.map((s) => s.split(" ").length), b.stories.map(s=>s.slice(0,60)));
