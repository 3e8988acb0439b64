import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyze } from "@newsfuse/core";

const USAGE = "usage: npm run bench -- big [--sizes 1,2,4,8,50] (megabytes of UTF-8 text)";

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
  console.log("size MB   seconds   s/MB   peak RSS MB   over baseline MB   × input   entities   quotes");
  for (const mb of sizes) {
    const r = await child(mb);
    if (!r) {
      process.exitCode = 1;
      continue;
    }
    const over = r.peakMB - r.baseMB;
    console.log(
      `${String(mb).padStart(7)}${r.seconds.toFixed(1).padStart(10)}${(r.seconds / mb).toFixed(2).padStart(7)}` +
        `${r.peakMB.toFixed(0).padStart(14)}${over.toFixed(0).padStart(19)}${(over / mb).toFixed(1).padStart(10)}` +
        `${String(r.entities).padStart(11)}${String(r.quotes).padStart(9)}`,
    );
  }
}

interface One {
  seconds: number;
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
  const a = analyze({ id: "big", text });
  const seconds = (performance.now() - t0) / 1000;
  // maxRSS is in kilobytes.
  const peakMB = (process.resourceUsage().maxRSS * 1024) / 1e6;
  console.log(JSON.stringify({ seconds, baseMB, peakMB, entities: a.entities.length, quotes: a.quotes.length }));
}
