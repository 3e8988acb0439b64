import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `newsfuse tui seeds` in a real terminal: tmux gives it a pseudo-terminal, send-keys types as a person
 * would and capture-pane reads the screen. The walk opens the story, its quotes and disagreements,
 * quits, and checks the terminal is given back (normal screen, cursor shown, cooked mode).
 */
const ROOT = resolve(import.meta.dirname, "../../../..");
// The CLI from its sources (what bin/newsfuse.js runs on a checkout that was never built), so the test
// drives the code under test and never a stale dist/ bundle.
const NEWSFUSE = `node --import tsx ${join(ROOT, "apps/cli/src/main.ts")}`;
const SOCKET = `newsfuse-tui-e2e-${process.pid}`;
const SESSION = "tui";
let dir: string;

const tmux = (...args: string[]) => execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", SESSION);
const keys = (...k: string[]) => tmux("send-keys", "-t", SESSION, ...k);

async function waitFor(want: RegExp | string | ((screen: string) => boolean), timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = screen();
    if (typeof want === "string" ? s.includes(want) : want instanceof RegExp ? want.test(s) : want(s)) return s;
    if (Date.now() > until) throw new Error(`screen never showed ${String(want)}; it shows:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(() => {
  execFileSync("sh", [join(ROOT, "apps/tui/scripts/ensure-tmux.sh")], { stdio: "inherit" });
  dir = mkdtempSync(join(tmpdir(), "newsfuse-tui-e2e-"));
  // Ink draws only a final frame when CI is set: the child runs without it, as in a person's terminal.
  // After the TUI exits, the shell prints its exit code and the terminal mode, then waits to be read.
  const cmd = `cd ${ROOT} && env -u CI ${NEWSFUSE} tui --data ${dir} seeds; echo "EXITED=$?"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 600`;
  tmux("-f", "/dev/null", "new-session", "-d", "-s", SESSION, "-x", "100", "-y", "30", "sh", "-c", cmd);
});

afterAll(() => {
  try {
    tmux("kill-server");
  } catch {
    // Already gone.
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("newsfuse tui seeds, end to end", () => {
  it("ingests the seeds, walks the story from the keyboard, quits and restores the terminal", async () => {
    const list = await waitFor(/Blinken/, 180_000);
    expect(list).toMatch(/arts\s+orig\s+outl\s+evts\s+quot\s+disp/);
    expect(tmux("display", "-p", "-t", SESSION, "#{alternate_on}").trim()).toBe("1");

    keys("?");
    await waitFor("Everywhere");
    keys("q");
    await waitFor("sorted by");

    keys("Enter");
    await waitFor("1 Overview");
    keys("3", "/");
    keys("-l", "minor incursion");
    const quotes = await waitFor("“minor incursion.” — Joe Biden");
    expect(quotes).toMatch(/carried by 2 articles: AP · 002_b662; 004_96b3/);
    keys("Enter", "Escape", "5");
    const disagreements = await waitFor("Russian troops (number)");
    expect(disagreements).toMatch(/more than 90,000\s+Reuters · 003_6c04\s+2021-12-02/);

    keys("q");
    await waitFor("sorted by");
    // Redrawn on resize: at 80×24 every line fits and the status bar moves to the new bottom.
    tmux("resize-window", "-t", SESSION, "-x", "80", "-y", "24");
    const small = await waitFor((s) => (s.split("\n")[21]?.startsWith(" Stories") ?? false) && s.includes("Blinken"));
    for (const line of small.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    expect(small).toMatch(/Blinken.*\s5\s+\d+\s+\d+/);
    keys("q");
    const after = await waitFor("EXITED=");
    expect(after).toMatch(/EXITED=0/);
    // Cooked mode again: canonical input and echo on (raw mode turns both off).
    expect(after).toMatch(/(^|\s)icanon\s+echo(\s|$)/m);
    expect(after).not.toContain("1 Overview");
    expect(tmux("display", "-p", "-t", SESSION, "#{alternate_on} #{cursor_flag}").trim()).toBe("0 1");
  }, 240_000);
});

describe("newsfuse tui without a terminal", () => {
  it("refuses in one line on stderr naming what to use instead, exit code 2", () => {
    const r = spawnSync("node", ["--import", "tsx", join(ROOT, "apps/cli/src/main.ts"), "tui", "--data", dir], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/needs a terminal.*newsfuse fuse.*newsfuse stats.*newsfuse export/);
  });
});
