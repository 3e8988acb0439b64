// Captures the screens docs/tui.md shows from the real program: `newsfuse tui seeds` in tmux, driven
// by the keys a newcomer would press after reading `?`. Run: node --import tsx apps/tui/scripts/capture-screens.ts
// [COLSxROWS] [sources]; `sources` captures only the Sources screen: the feeds of a loopback news site
// subscribed with `newsfuse sources add`, polled once with `newsfuse watch --once`.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { startNewsServer } from "@newsfuse/fetch/testing";

const ROOT = resolve(import.meta.dirname, "../../..");
const OUT = join(ROOT, "docs/screens");
const SOCKET = `newsfuse-tui-capture-${process.pid}`;
const tmux = (...a: string[]) => execFileSync("tmux", ["-L", SOCKET, ...a], { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", "c");
const keys = (...k: string[]) => tmux("send-keys", "-t", "c", ...k);
const type = (text: string) => tmux("send-keys", "-t", "c", "-l", text);

async function waitFor(text: string, ms = 120_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const s = screen();
    if (s.includes(text)) return s;
    if (Date.now() > end) throw new Error(`never showed ${text}:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
/** Waits for the screen to stop changing, then saves it. */
async function save(name: string): Promise<void> {
  let last = "";
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const s = screen();
    if (s === last) break;
    last = s;
  }
  writeFileSync(join(OUT, `tui-${name}.txt`), last.replace(/\s+$/, "\n"));
  console.log(`docs/screens/tui-${name}.txt`);
}

execFileSync("sh", [join(ROOT, "apps/tui/scripts/ensure-tmux.sh")], { stdio: "inherit" });
const dir = mkdtempSync(join(tmpdir(), "newsfuse-tui-capture-"));
const [cols, rows] = (process.argv.find((a) => /^\d+x\d+$/.test(a)) ?? "100x30").split("x") as [string, string];
const onlySources = process.argv.includes("sources");
const cli = `node --import tsx ${join(ROOT, "apps/cli/src/main.ts")}`;

/** The Sources screen of a store with the seeds and the two feeds of a loopback site, polled once. */
async function captureSources(): Promise<void> {
  const site = await startNewsServer();
  try {
    // Asynchronous: the loopback site answers from this process's event loop.
    const run = async (...args: string[]) => {
      const r = await promisify(execFile)(
        "node",
        ["--import", "tsx", join(ROOT, "apps/cli/src/main.ts"), ...args, "--data", dir],
        { cwd: ROOT, env: { ...process.env, NEWSFUSE_FETCH_ALLOW_PRIVATE: "1" } },
      );
      process.stdout.write(r.stdout);
    };
    await run("ingest", join(ROOT, "seeds"));
    // The site's OPML list names its RSS and its Atom feed.
    await run("sources", "add", `${site.url}/subs.opml`);
    try {
      await run("watch", "--once", "--workers", "0");
    } catch {
      // A failing feed may make the poll exit non-zero; its state is what the screen shows.
    }
    tmux(
      "-f",
      "/dev/null",
      "new-session",
      "-d",
      "-s",
      "c",
      "-x",
      cols,
      "-y",
      rows,
      `cd ${ROOT} && env -u CI ${cli} tui --data ${dir}`,
    );
    await waitFor("sources (F)");
    keys("F");
    await waitFor("Feeds (");
    await save("sources");
    keys("Q");
  } finally {
    await site.close();
  }
}

try {
  if (onlySources) {
    await captureSources();
    process.exit(0);
  }
  tmux(
    "-f",
    "/dev/null",
    "new-session",
    "-d",
    "-s",
    "c",
    "-x",
    cols,
    "-y",
    rows,
    `cd ${ROOT} && env -u CI ${cli} tui --data ${dir} seeds`,
  );
  await waitFor("sorted by");
  await save("stories");
  keys("?");
  await waitFor("Everywhere");
  await save("help");
  keys("q", "Enter");
  await waitFor("Events (");
  await save("overview");
  keys("3", "/");
  type("minor incursion");
  keys("Enter");
  await waitFor("/minor incursion (");
  await waitFor("carried by 2 articles");
  await save("minor-incursion");
  keys("Escape");
  await waitFor("/:filter");
  keys("5");
  await waitFor("massed more than 90,000");
  await save("troop-figures");
  keys("/");
  type("lavrov's");
  keys("Enter");
  await waitFor("/lavrov's (");
  await save("lavrov-spelling");
  keys("Escape");
  await waitFor("/:filter");
  keys("/");
  type("stated date");
  keys("Enter");
  await waitFor("/stated date (");
  await save("001-date-disagreement");
  keys("j", "Enter");
  await waitFor("provenance:");
  await save("001-date-reader");
  keys("Q");
} finally {
  try {
    tmux("kill-server");
  } catch {
    // Already ended.
  }
  rmSync(dir, { recursive: true, force: true });
}
