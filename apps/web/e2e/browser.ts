import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Debian's Chromium, installed by the project's script when missing (never downloaded from elsewhere). */
export function ensureChromium(): void {
  execFileSync("sh", [join(import.meta.dirname, "../scripts/ensure-chromium.sh")], { stdio: "inherit" });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
