import { spawn } from "node:child_process";

const CHILD = new URL("./ingest-child.ts", import.meta.url).pathname;

/** Runs test/ingest-child.ts; `killAfter` decides, per output line, when to kill -9 it. */
export function runChild(
  target: string,
  batch: number,
  opts: { part?: string; killAfter?: (line: string) => boolean | number } = {},
): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.NEWSFUSE_DATA;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", CHILD, target, String(batch), ...(opts.part ? [opts.part] : [])],
      {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    let killing = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (killing || !opts.killAfter) return;
      for (const line of d.split("\n").filter(Boolean)) {
        const k = opts.killAfter(line);
        if (k === false) continue;
        killing = true;
        // A delay lands the kill inside the next batch's transaction rather than between batches.
        setTimeout(() => child.kill("SIGKILL"), k === true ? 0 : k);
        break;
      }
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (!killing && code !== 0) reject(new Error(`ingest child failed (${code}): ${err}`));
      else resolve({ code, signal, out });
    });
  });
}
