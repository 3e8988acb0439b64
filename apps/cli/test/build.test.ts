import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };
import { buildCli } from "../scripts/build.ts";

// The build goes under the CLI's own node_modules, so the bundle resolves PGlite as dist/ does.
const CLI = fileURLToPath(new URL("..", import.meta.url));
const SEEDS = fileURLToPath(new URL("../../../seeds/", import.meta.url));
let out: string;
let meta: Metafile;
const dirs: string[] = [];

beforeAll(async () => {
  mkdirSync(join(CLI, "node_modules/.cache"), { recursive: true });
  out = mkdtempSync(join(CLI, "node_modules/.cache/build-test-"));
  dirs.push(out);
  meta = await buildCli(out);
}, 120_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function built(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [join(out, "main.js"), ...args], { encoding: "utf8", env, timeout: 120_000 });
}

/** Source files a chunk loads before running anything: its static imports, transitively. */
function staticInputs(entry: string): string[] {
  const start = Object.keys(meta.outputs).find((o) => meta.outputs[o].entryPoint === entry)!;
  const seen = new Set([start]);
  const todo = [start];
  while (todo.length)
    for (const i of meta.outputs[todo.pop()!].imports)
      if (i.kind === "import-statement" && !i.external && !seen.has(i.path)) seen.add(i.path), todo.push(i.path);
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o].inputs));
}

describe("the built CLI", () => {
  it("starts with nothing but the command table: no command, store, model or library is loaded", () => {
    const inputs = staticInputs("src/main.ts");
    expect(inputs.filter((i) => !/node_modules\/commander\//.test(i)).sort()).toEqual([
      "package.json",
      "src/main.ts",
      "src/program.ts",
    ]);
  });

  it("loads neither PGlite nor the pipeline for stats and export until they open the store", () => {
    for (const entry of ["src/commands/stats.ts", "src/commands/export.ts"]) {
      const inputs = staticInputs(entry);
      expect(inputs.some((i) => i.includes("packages/store/src/lock.ts"))).toBe(true);
      expect(
        inputs.filter((i) => /store\/src\/(open|sql-store)|core\/src\/(ner|analyze)|formats\/src|node_modules/.test(i)),
      ).toEqual([]);
      const chunks = Object.values(meta.outputs).filter((o) => o.entryPoint === entry);
      expect(chunks[0].imports.filter((i) => i.external && !i.path.startsWith("node:"))).toEqual([]);
    }
  });

  it("prints its version and help, and runs the store commands with the compiled analysis worker", () => {
    expect(built(["--version"]).stdout.trim()).toBe(pkg.version);
    expect(built(["--help"]).stdout).toMatch(/^ {2}stats +Count the stored/m);
    const data = mkdtempSync(join(tmpdir(), "newsfuse-built-"));
    dirs.push(data);
    const env = { ...process.env, NEWSFUSE_DATA: data, DATABASE_URL: "" };
    const ingest = built(["ingest", SEEDS, "--workers", "1", "--json"], env);
    expect(ingest.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ created: 5, failed: [] });
    expect(JSON.parse(built(["stats", "--json"], env).stdout)).toMatchObject({ articles: 5, stories: 1 });
    expect(built(["fuse", SEEDS]).stdout).toContain("meeting in Stockholm");
  }, 240_000);

  it("serves the API and its docs", async () => {
    const data = mkdtempSync(join(tmpdir(), "newsfuse-built-serve-"));
    dirs.push(data);
    const env = { ...process.env, NEWSFUSE_DATA: data, DATABASE_URL: "" };
    const child = spawn(process.execPath, [join(out, "main.js"), "serve", "--port", "0", "--quiet"], { env });
    try {
      let stdout = "";
      child.stdout.on("data", (d) => (stdout += d));
      const url = await new Promise<string>((res, rej) => {
        child.stdout.on("data", () => {
          const m = /newsfuse API on (http:\/\/\S+)/.exec(stdout);
          if (m) res(m[1]);
        });
        child.once("exit", (c) => rej(new Error(`serve exited ${c}`)));
      });
      expect(await (await fetch(`${url}/v1/stats`)).json()).toMatchObject({ articles: 0 });
      expect((await fetch(`${url}/openapi.json`)).status).toBe(200);
      expect((await fetch(`${url}/docs`)).status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
  }, 120_000);
});
