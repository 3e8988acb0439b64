import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ensureChromium } from "./browser.ts";

/**
 * The end-to-end run needs Debian's Chromium (installed here when missing, never skipped) and the built
 * dashboard, which the budget test measures and the real server serves. The build runs as its own
 * process: inside vitest NODE_ENV is "test", which would bundle React's development build.
 */
export default async function setup() {
  ensureChromium();
  const pkg = createRequire(import.meta.url).resolve("vite/package.json");
  const vite = join(dirname(pkg), "bin/vite.js");
  execFileSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: join(import.meta.dirname, ".."),
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "inherit",
  });
}
