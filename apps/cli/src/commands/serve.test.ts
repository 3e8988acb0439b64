import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnCli } from "../../test/run-cli.ts";

const SEEDS = resolve(import.meta.dirname, "../../../../seeds");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawnCli(["serve", ...args], { env: { ...process.env, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe("newsfuse serve", () => {
  it("ingests the seeds, serves them on loopback, prints the docs URL, and stops cleanly on SIGTERM", async () => {
    const data = mkdtempSync(join(tmpdir(), "newsfuse-serve-"));
    dirs.push(data);
    const s = serve(["--port", "0", "--data", data, "--ingest", SEEDS, "--quiet"]);
    const url = await new Promise<string>((res, rej) => {
      const t = setInterval(() => {
        const m = /newsfuse API on (http:\/\/127\.0\.0\.1:\d+)/.exec(s.out());
        if (m) {
          clearInterval(t);
          res(m[1]);
        }
      }, 50);
      void s.exited.then((c) => rej(new Error(`exited ${c}: ${s.err()}`)));
    });
    expect(s.out()).toContain(`docs:    ${url}/docs`);
    expect(s.err()).toContain("5 new");
    const stories = await (await fetch(`${url}/v1/stories`)).json();
    expect(stories.items[0].articleCount).toBe(5);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    expect(s.err()).toContain("SIGTERM, finishing in-flight requests");
  }, 120_000);

  it("refuses a bad port and a bad API configuration with one clear line each, exit code 2", async () => {
    const port = serve(["--port", "http"]);
    expect(await port.exited).toBe(2);
    expect(port.err()).toContain('--port must be an integer 0..65535, got "http"');
    const env = serve(["--port", "0"], { NEWSFUSE_API_RATE: "fast", NEWSFUSE_API_READS: "closed" });
    expect(await env.exited).toBe(2);
    expect(env.err()).toContain("NEWSFUSE_API_RATE");
    expect(env.err()).toContain("NEWSFUSE_API_READS");
    expect(env.err()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
