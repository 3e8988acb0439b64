import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze, cleanText, type AnalyzeInput } from "@newsfuse/core";

// Warm-up: at least this many rounds over a set and at least this long, before measuring.
const WARMUP_ROUNDS = 5;
const WARMUP_SECONDS = 1;

/**
 * `npm run bench -- analyze [--data <file.jsonl|dir>]... [--seconds N]`
 *
 * Throughput of `analyze` on one core (articles/s and MB/s of UTF-8 input text) over the seeds,
 * repeated until the timing is stable, and over each `--data` set: JSON Lines with a `text` field
 * (and `title` when present, as the quotes and clustering dev sets have) or a directory of .txt
 * files. Measures both name recognizers: the default (trained NER plus rules, "hybrid") and the
 * rule-based one ("rules"). Also reports `cleanText` alone (cleaning + header metadata), the part
 * `analyze` adds on top of the extractors. Each measurement is preceded by warm-up rounds so the JIT
 * has settled (the first rounds run several times slower than the steady state).
 */
export async function run(argv: string[]): Promise<void> {
  const data: string[] = [];
  let seconds = 3;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--data" && argv[i + 1]) data.push(argv[++i]);
    else if (argv[i] === "--seconds" && argv[i + 1]) seconds = Number(argv[++i]);
    else {
      console.error(
        `bench analyze: unknown argument ${argv[i]}\nusage: npm run bench -- analyze [--data <file.jsonl|dir>]... [--seconds N]`,
      );
      process.exitCode = 2;
      return;
    }
  }
  const sets: Array<[string, AnalyzeInput[]]> = [
    ["seeds", readDir(fileURLToPath(new URL("../../../seeds", import.meta.url)))],
  ];
  for (const d of data) {
    const inputs = load(d);
    if (!inputs) {
      process.exitCode = 1;
      continue;
    }
    sets.push([d, inputs]);
  }
  console.log(`analyze throughput, one core (Node ${process.version}), ${seconds}s per measurement`);
  console.log(
    "(art/s per wall second; [per CPU second of this process, the fair one-core figure on a shared machine])",
  );
  console.log(
    "set".padEnd(32) +
      "articles  avg KB   hybrid art/s [cpu]      MB/s [cpu]    rules art/s [cpu]      MB/s [cpu]   cleanText art/s [cpu]",
  );
  for (const [name, inputs] of sets) {
    if (inputs.length === 0) continue;
    const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text, "utf8"), 0);
    const hybrid = measure(inputs, seconds, (i) => analyze(i));
    const rules = measure(inputs, seconds, (i) => analyze(i, { recognizer: "rules" }));
    const clean = measure(inputs, Math.max(1, seconds / 3), (i) => cleanText(i.text, { title: i.title }));
    const mb = (perSec: number) => ((perSec * (bytes / inputs.length)) / 1e6).toFixed(2);
    const cols = (m: { perSecond: number; perCpuSecond: number }) =>
      m.perSecond.toFixed(0).padStart(15) +
      `[${m.perCpuSecond.toFixed(0)}]`.padStart(8) +
      mb(m.perSecond).padStart(10) +
      `[${mb(m.perCpuSecond)}]`.padStart(8);
    console.log(
      clip(name, 31).padEnd(32) +
        String(inputs.length).padStart(8) +
        (bytes / inputs.length / 1024).toFixed(1).padStart(8) +
        cols(hybrid) +
        cols(rules) +
        clean.perSecond.toFixed(0).padStart(18) +
        `[${clean.perCpuSecond.toFixed(0)}]`.padStart(8),
    );
  }
}

// Runs `fn` over the inputs in rounds (after the warm-up rounds) until `seconds` have passed.
// Reports per wall-clock second and per CPU second of this process: on a shared machine the wall
// figure undercounts what one core does, the CPU figure does not.
function measure(
  inputs: AnalyzeInput[],
  seconds: number,
  fn: (i: AnalyzeInput) => unknown,
): { perSecond: number; perCpuSecond: number } {
  const warmEnd = process.hrtime.bigint() + BigInt(WARMUP_SECONDS * 1e9);
  for (let r = 0; r < WARMUP_ROUNDS || process.hrtime.bigint() < warmEnd; r++) for (const i of inputs) fn(i);
  let n = 0;
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  do {
    for (const i of inputs) fn(i);
    n += inputs.length;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < limit);
  const cpu = process.cpuUsage(cpu0);
  return { perSecond: n / (Number(elapsed) / 1e9), perCpuSecond: n / ((cpu.user + cpu.system) / 1e6) };
}

function load(path: string): AnalyzeInput[] | null {
  let st;
  try {
    st = statSync(path);
  } catch {
    console.error(`bench analyze: ${path}: no such file or directory`);
    return null;
  }
  if (st.isDirectory()) return readDir(path);
  const out: AnalyzeInput[] = [];
  const lines = readFileSync(path, "utf8").split("\n");
  for (let n = 0; n < lines.length; n++) {
    if (!lines[n].trim()) continue;
    let row: { id?: unknown; text?: unknown; title?: unknown };
    try {
      row = JSON.parse(lines[n]);
    } catch {
      console.error(`bench analyze: ${path}:${n + 1}: not valid JSON`);
      return null;
    }
    if (typeof row.text !== "string") {
      console.error(`bench analyze: ${path}:${n + 1}: no "text" field`);
      return null;
    }
    out.push({
      id: typeof row.id === "string" ? row.id : `${path}:${n + 1}`,
      text: row.text,
      ...(typeof row.title === "string" ? { title: row.title } : {}),
    });
  }
  return out;
}

function readDir(dir: string): AnalyzeInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ id: f, text: readFileSync(join(dir, f), "utf8") }));
}

const clip = (s: string, n: number) => (s.length > n ? `…${s.slice(s.length - n + 1)}` : s);
