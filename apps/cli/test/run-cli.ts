import { type ChildProcess, spawn, type SpawnOptions } from "node:child_process";
import { fileURLToPath } from "node:url";

// Subprocess tests run the TypeScript sources through tsx, as `npm test` does everywhere: a test never
// depends on whether (or how long ago) dist/ was built. scripts/build.test.ts checks the built CLI.
const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));

/** Node arguments that start the CLI from its sources; append the command line. */
export const SOURCE_CLI = ["--import", "tsx", MAIN];

/** Starts `newsfuse <args>` from the sources. */
export function spawnCli(args: string[], opts: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [...SOURCE_CLI, ...args], { stdio: ["ignore", "pipe", "pipe"], ...opts });
}

/** Runs `newsfuse <args>` from the sources to the end; its exit code and output. */
export function runCli(
  args: string[],
  opts: SpawnOptions = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawnCli(args, opts);
    let out = "";
    let err = "";
    p.stdout?.setEncoding("utf8").on("data", (d: string) => (out += d));
    p.stderr?.setEncoding("utf8").on("data", (d: string) => (err += d));
    p.on("error", reject);
    p.on("close", (code, signal) => resolve({ code, signal, out, err }));
  });
}

/** Environment for a store command on `dataDir`: the embedded store there, never a DATABASE_URL. */
export function storeEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEWSFUSE_DATA: dataDir, ...extra };
  delete env.DATABASE_URL;
  return env;
}

export type { ChildProcess };
