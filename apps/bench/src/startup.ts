import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
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

interface Sample {
  wall: number;
  cpu: number;
}

const TIMES = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/;

/**
 * Wall seconds of one run, and the CPU seconds (user + system) it used. The command runs under `sh`
 * (about a millisecond) whose `times` reports its children's CPU: on a machine shared with other work the
 * CPU figure is the steady one, wall time also counts waiting for a core. A failed run stops the bench.
 */
function time(c: Case, env: NodeJS.ProcessEnv): Sample {
  const t0 = performance.now();
  const r = spawnSync("sh", ["-c", '"$@" >/dev/null; s=$?; times >&2; exit $s', "sh", c.cmd, ...c.args], {
    env,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  const m = TIMES.exec(r.stderr);
  const cpu = m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]) : Number.NaN;
  return { wall, cpu };
}

/**
 * `npm run bench -- startup [--runs 15] [--no-build]`
 *
 * Start-up time of the installed `newsfuse` (node_modules/.bin/newsfuse, the compiled CLI): `--help`,
 * `--version` and `stats` on a seeds store made once beforehand, against a bare `node -e 0` in the same
 * run. The cases are interleaved run by run, so a busy machine slows them alike; prints the median and
 * p90 wall seconds of each, its ratio to node's median, the median CPU seconds (and ratio), and the
 * targets (`--help` <= 0.3 s, `stats` <= 1.0 s, on the median wall time).
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
    const samples = new Map(cases.map((c) => [c.name, [] as Sample[]]));
    for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.name)!.push(time(c, env));

    const sorted = (name: string, k: keyof Sample) =>
      samples
        .get(name)!
        .map((x) => x[k])
        .sort((a, b) => a - b);
    const node = quantile(sorted("node -e 0", "wall"), 0.5);
    const nodeCpu = quantile(sorted("node -e 0", "cpu"), 0.5);
    console.log(
      `bench startup: ${runs} runs each, interleaved; seeds store in ${data}; load average ${loadavg()[0].toFixed(1)}`,
    );
    console.log(
      `${"command".padEnd(20)}${"median s".padStart(9)}${"p90 s".padStart(8)}${"x node".padStart(8)}${"cpu s".padStart(8)}${"x node".padStart(8)}  target (median wall)`,
    );
    for (const c of cases) {
      const wall = sorted(c.name, "wall");
      const cpu = quantile(sorted(c.name, "cpu"), 0.5);
      const med = quantile(wall, 0.5);
      const target = TARGETS[c.name];
      const verdict = target === undefined ? "" : `<= ${target} s ${med <= target ? "met" : "NOT met"}`;
      console.log(
        `${c.name.padEnd(20)}${med.toFixed(3).padStart(9)}${quantile(wall, 0.9).toFixed(3).padStart(8)}${(med / node).toFixed(2).padStart(8)}${cpu.toFixed(2).padStart(8)}${(cpu / nodeCpu).toFixed(1).padStart(8)}  ${verdict}`,
      );
    }
    console.log(`load average after: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}
