import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "@newsfuse/api";
import { analyze } from "@newsfuse/core";
import { openStore } from "@newsfuse/store";

const USAGE =
  "usage: npm run bench -- big [--sizes 1,2,4,8,50] (megabytes of UTF-8 text) | big --api <MB> (reads while the API stores a big body)";

/**
 * `npm run bench -- big [--sizes 1,2,4,8,50]`
 *
 * Time and peak memory of `analyze` on one big text per size, each size in a fresh process so its peak
 * is its own. The text is news prose from the repo (the seeds and the quotes sample) repeated until it
 * reaches the size, so every run sees the same bytes. Prints seconds, seconds per MB (equal per-MB
 * figures across sizes are what "linear" means, readable in one run on a shared machine), the peak
 * resident memory and that peak over the process's resident memory before analysis, as a multiple
 * of the input size.
 */
export async function run(argv: string[]): Promise<void> {
  let sizes = [1, 2, 4, 8, 50];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--sizes" && argv[i + 1]) sizes = argv[++i]!.split(",").map(Number);
    else if (argv[i] === "--one" && argv[i + 1]) return measureOne(Number(argv[++i]));
    else if (argv[i] === "--api" && argv[i + 1]) return readsDuringBigWrite(Number(argv[++i]));
    else {
      console.error(`bench big: unknown argument ${argv[i]}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
  }
  if (sizes.some((s) => !(s > 0))) {
    console.error(`bench big: sizes are positive numbers of megabytes\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.log(`analyze one big text (Node ${process.version}); each size in its own process`);
  console.log("(seconds of wall time, and CPU seconds of the process: the fair figure on a shared machine)");
  console.log(
    "size MB   seconds   s/MB   CPU s   CPU s/MB   peak RSS MB   over baseline MB   × input   entities   quotes",
  );
  for (const mb of sizes) {
    const r = await child(mb);
    if (!r) {
      process.exitCode = 1;
      continue;
    }
    const over = r.peakMB - r.baseMB;
    console.log(
      `${String(mb).padStart(7)}${r.seconds.toFixed(1).padStart(10)}${(r.seconds / mb).toFixed(2).padStart(7)}` +
        `${r.cpu.toFixed(1).padStart(8)}${(r.cpu / mb).toFixed(2).padStart(11)}` +
        `${r.peakMB.toFixed(0).padStart(14)}${over.toFixed(0).padStart(19)}${(over / mb).toFixed(1).padStart(10)}` +
        `${String(r.entities).padStart(11)}${String(r.quotes).padStart(9)}`,
    );
  }
}

interface One {
  seconds: number;
  cpu: number;
  baseMB: number;
  peakMB: number;
  entities: number;
  quotes: number;
}

function child(mb: number): Promise<One | null> {
  const bin = fileURLToPath(new URL("../bin/bench.js", import.meta.url));
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, "big", "--one", String(mb)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    p.on("close", (code) => {
      if (code !== 0) {
        console.error(`bench big: the ${mb} MB run exited with ${code}`);
        resolve(null);
      } else resolve(JSON.parse(out.trim().split("\n").pop()!) as One);
    });
  });
}

/** The text of `mb` megabytes: the repo's news prose, repeated. */
export function bigText(mb: number): string {
  const seeds = fileURLToPath(new URL("../../../seeds/", import.meta.url));
  const parts = readdirSync(seeds)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(seeds + f, "utf8"));
  const sample = fileURLToPath(new URL("../../../packages/core/fixtures/quotes-sample.jsonl", import.meta.url));
  for (const line of readFileSync(sample, "utf8").trim().split("\n"))
    parts.push((JSON.parse(line) as { text: string }).text);
  const unit = `${parts.join("\n\n")}\n\n`;
  const want = Math.round(mb * 1e6);
  const copies = Math.ceil(want / Buffer.byteLength(unit, "utf8"));
  const text = unit.repeat(copies);
  // Cut to the byte size at a character boundary.
  return Buffer.from(text, "utf8")
    .subarray(0, want)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
}

function measureOne(mb: number): void {
  const text = bigText(mb);
  analyze({ id: "warm-up", text: "Sen. Marco Rubio said on Friday in Miami: “We will see.”" });
  const baseMB = process.memoryUsage().rss / 1e6;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const a = analyze({ id: "big", text });
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  // maxRSS is in kilobytes.
  const peakMB = (process.resourceUsage().maxRSS * 1024) / 1e6;
  console.log(JSON.stringify({ seconds, cpu, baseMB, peakMB, entities: a.entities.length, quotes: a.quotes.length }));
}

// Reads are sent this often while the big body is stored, each waiting for the previous one.
const READ_EVERY_MS = 10;

/**
 * `npm run bench -- big --api <MB>`: the API on loopback over a fresh store holding the seeds (embedded,
 * or the PostgreSQL server DATABASE_URL names);
 * one client POSTs a text of that size while another GETs /v1/stories back to back. Prints the
 * latency of those reads (p50, p99, max) while the write runs. Analysis runs on the store's worker
 * threads; what stays on the event loop (the embedded database writing the rows) shows up here.
 */
async function readsDuringBigWrite(mb: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-bench-big-"));
  // The embedded store unless DATABASE_URL names a PostgreSQL server.
  const store = await openStore({ dataDir: join(dir, "data"), databaseUrl: process.env.DATABASE_URL ?? "" });
  const server = await startServer({
    store,
    port: 0,
    logger: () => {},
    config: { bodyLimitBytes: Math.ceil(mb * 1.1e6) + 1024 },
  });
  try {
    const seeds = fileURLToPath(new URL("../../../seeds/", import.meta.url));
    for (const f of readdirSync(seeds).filter((f) => f.endsWith(".txt")))
      await fetch(`${server.url}/v1/articles`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: readFileSync(seeds + f),
      });
    const text = bigText(mb);
    const latencies: number[] = [];
    let writing = true;
    const t0 = performance.now();
    const write = fetch(`${server.url}/v1/articles`, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8" },
      body: text,
    }).then(async (r) => {
      writing = false;
      return { status: r.status, body: (await r.json()) as { results?: Array<{ status: string }> } };
    });
    while (writing) {
      const t = performance.now();
      const r = await fetch(`${server.url}/v1/stories?limit=20`);
      await r.arrayBuffer();
      latencies.push(performance.now() - t);
      await new Promise((res) => setTimeout(res, READ_EVERY_MS));
    }
    const w = await write;
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
    console.log(
      `POST of ${mb} MB: ${w.status} (${w.body.results?.map((r) => r.status).join(", ")}) in ${seconds.toFixed(1)} s; ` +
        `${latencies.length} GET /v1/stories meanwhile: p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, ` +
        `max ${latencies[latencies.length - 1]!.toFixed(1)} ms`,
    );
  } finally {
    await server.close({ graceMs: 1000 });
    rmSync(dir, { recursive: true, force: true });
  }
}
