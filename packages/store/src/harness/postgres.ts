// Test and bench harness (Node only): a throwaway PostgreSQL server for the server backend.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const SCRIPT = new URL("../../scripts/ensure-postgres.sh", import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL server (installed if missing) on a free loopback port. */
export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-pg-"));
  const port = await freePort();
  const url = execFileSync("bash", [SCRIPT, "start", dir, String(port)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  return { url, stop: () => execFileSync("bash", [SCRIPT, "stop", dir], { stdio: ["ignore", "inherit", "inherit"] }) };
}

/** A fresh, empty database on the server; returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(`drop database if exists "${name}"`);
    await c.query(`create database "${name}"`);
  } finally {
    await c.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
