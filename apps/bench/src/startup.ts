import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(import.meta.dirname, "../../..");
// What a user runs after `npm ci`: the bin npm linked, which runs the compiled CLI in apps/cli/dist.
const NEWSFUSE = join(ROOT, "node_modules/.bin/newsfuse");
const TARGETS: Record<string, number> = { "newsfuse --help": 0.3, "newsfuse stats": 1.0 };

interface Case {
  name: string;
  cmd: string;
  args: string[];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Wall seconds of one run; a failed run stops the bench with its stderr. */
function time(c: Case, env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(c.cmd, c.args, { env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return s;
}

/**
 * `npm run bench -- startup [--runs 15] [--no-build]`
 *
 * Start-up time of the installed `newsfuse` (node_modules/.bin/newsfuse, the compiled CLI): `--help`,
 * `--version` and `stats` on a seeds store made once beforehand, against a bare `node -e 0` in the same
 * run. The cases are interleaved run by run, so a busy machine slows them alike; prints the median and
 * p90 of each, its ratio to node's median, and the targets (`--help` <= 0.3 s, `stats` <= 1.0 s).
 * Builds the CLI first (the same build as `npm run build`) unless `--no-build`.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: "string", default: "15" }, "no-build": { type: "boolean", default: false } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error("usage: npm run bench -- startup [--runs 15] [--no-build]");
    process.exitCode = 2;
    return;
  }
  if (!values["no-build"]) {
    const b = spawnSync("npm", ["run", "build", "-w", "@newsfuse/cli"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (b.status !== 0) throw new Error("building the CLI failed");
  }
  if (!existsSync(join(ROOT, "apps/cli/dist/main.js")))
    throw new Error("apps/cli/dist/main.js is missing: build first");

  const data = mkdtempSync(join(tmpdir(), "newsfuse-startup-"));
  const env: NodeJS.ProcessEnv = { ...process.env, NEWSFUSE_DATA: data };
  delete env.DATABASE_URL;
  try {
    const ingest = spawnSync(NEWSFUSE, ["ingest", join(ROOT, "seeds"), "--workers", "0"], { env, encoding: "utf8" });
    if (ingest.status !== 0) throw new Error(`ingesting the seeds failed: ${ingest.stderr}`);
    const cases: Case[] = [
      { name: "node -e 0", cmd: process.execPath, args: ["-e", "0"] },
      { name: "newsfuse --help", cmd: NEWSFUSE, args: ["--help"] },
      { name: "newsfuse --version", cmd: NEWSFUSE, args: ["--version"] },
      { name: "newsfuse stats", cmd: NEWSFUSE, args: ["stats"] },
    ];
    for (const c of cases) time(c, env); // warm the file cache
    const samples = new Map(cases.map((c) => [c.name, [] as number[]]));
    for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.name)!.push(time(c, env));

    const node = quantile(
      [...samples.get("node -e 0")!].sort((a, b) => a - b),
      0.5,
    );
    console.log(`bench startup: ${runs} runs each, interleaved; seeds store in ${data}`);
    console.log(
      `${"command".padEnd(22)}${"median s".padStart(10)}${"p90 s".padStart(9)}${"x node".padStart(9)}  target`,
    );
    for (const c of cases) {
      const xs = [...samples.get(c.name)!].sort((a, b) => a - b);
      const med = quantile(xs, 0.5);
      const target = TARGETS[c.name];
      const verdict = target === undefined ? "" : `<= ${target} s ${med <= target ? "met" : "NOT met"}`;
      console.log(
        `${c.name.padEnd(22)}${med.toFixed(3).padStart(10)}${quantile(xs, 0.9).toFixed(3).padStart(9)}${(med / node).toFixed(2).padStart(9)}  ${verdict}`,
      );
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}
