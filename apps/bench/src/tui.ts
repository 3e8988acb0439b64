import { execFileSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { parseArgs } from "node:util";
import { buildStore, CLUSTERING, readRows, STREAM } from "./api.ts";

/**
 * `npm run bench -- tui`: how long a key press takes to reach the screen with a 20,000-article store
 * (the store `npm run bench -- api` builds, reused), and how soon `newsfuse tui` draws its first frame
 * on the seeds store. Keys go to the real app (Ink, the in-process API, the client) through a terminal
 * double; the time runs from writing the key to the first frame Ink writes after it.
 */

const ROOT = resolve(import.meta.dirname, "../../..");
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** A terminal: records when frames are written; stdin takes keys. */
function terminal(columns: number, rows: number) {
  const writes: Array<{ at: number; text: string }> = [];
  const stdout = Object.assign(new EventEmitter(), {
    columns,
    rows,
    isTTY: true,
    write: (s: string) => {
      writes.push({ at: performance.now(), text: String(s) });
      return true;
    },
  });
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: () => {},
    ref: () => {},
    unref: () => {},
  });
  return { stdout, stdin, writes };
}

async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function keyLatency(dir: string, presses: number) {
  // Ink draws only a final frame when CI is set; the measurement needs every frame. React runs its
  // production build, as `newsfuse tui` does.
  delete process.env.CI;
  process.env.NODE_ENV ??= "production";
  const [{ openStore }, { createApp }, { createClient }, { runTui }] = await Promise.all([
    import("@newsfuse/store"),
    import("@newsfuse/api"),
    import("@newsfuse/client"),
    import("@newsfuse/tui"),
  ]);
  const t0 = performance.now();
  const store = await openStore({ dataDir: dir, command: "newsfuse bench tui" });
  const stats = await store.stats();
  const app = createApp({ store, clock: Date.now });
  const client = createClient({ baseUrl: "http://bench.local", fetch: (req) => app.fetch(req) });
  let pages = 0;
  const counted = {
    ...client,
    listStories: (q: Parameters<typeof client.listStories>[0]) => {
      pages++;
      return client.listStories(q);
    },
  };
  const term = terminal(120, 40);
  const done = runTui({
    stdin: term.stdin as unknown as NodeJS.ReadStream,
    stdout: term.stdout as unknown as NodeJS.WriteStream,
    stderr: process.stderr,
    env: {},
    patchConsole: false,
    boot: async () => ({ client: counted, where: dir }),
  });
  const screen = () => term.writes.map((w) => w.text).join("");
  await until(() => / stories · sorted by/.test(screen()), 120_000, "the story list");
  // Every page of stories in: the list is complete (its count stops changing).
  let last = -1;
  while (pages !== last) {
    last = pages;
    await new Promise((r) => setTimeout(r, 500));
  }
  const ready = performance.now() - t0;
  const storiesShown = [...screen().matchAll(/(\d+) stories · sorted/g)].at(-1)?.[1];

  const samples = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  /** Presses `key`, waits for the frame it causes, records the time; `settle` lets data arrive after. */
  const press = async (label: string, key: string, settle = 60) => {
    const before = term.writes.length;
    const cpu0 = process.cpuUsage();
    const at = performance.now();
    term.stdin.write(key);
    await until(() => term.writes.length > before, 10_000, `a frame after ${label}`);
    const frameAt = (term.writes[before] as { at: number }).at;
    const c = process.cpuUsage(cpu0);
    samples.set(label, [...(samples.get(label) ?? []), frameAt - at]);
    // CPU time of the process over the press: what the key costs, whatever else the machine is running.
    cpu.set(label, [...(cpu.get(label) ?? []), (c.user + c.system) / 1000]);
    // Past Ink's frame throttle (30 fps), so each press is measured from an idle screen.
    await new Promise((r) => setTimeout(r, settle));
  };
  const walk: Array<[string, string]> = [
    ["j (down)", "j"],
    ["j (down)", "j"],
    ["k (up)", "k"],
    ["Ctrl-d (half page)", "\x04"],
    ["Ctrl-u (half page)", "\x15"],
    ["G (bottom)", "G"],
    ["g (top)", "g"],
    ["S (sort)", "S"],
  ];
  for (let i = 0; i < presses; i++) for (const [label, key] of walk) await press(label, key);
  // The live filter over the whole list: each typed letter narrows it.
  for (let i = 0; i < Math.max(1, presses / 4); i++) {
    await press("/ (open filter)", "/");
    for (const ch of "obama") await press("filter letter", ch);
    await press("Esc (clear filter)", "\x1b", 120);
  }
  // Enter on a story: the first frame, then the frame showing the story.
  for (let i = 0; i < Math.max(1, presses / 4); i++) {
    const from = term.writes.length;
    const t = performance.now();
    await press("Enter (open story)", "\r", 0);
    const shown = () =>
      /Events \(/.test(
        term.writes
          .slice(from)
          .map((w) => w.text)
          .join(""),
      );
    await until(shown, 30_000, "the story");
    samples.set("Enter -> story drawn", [...(samples.get("Enter -> story drawn") ?? []), performance.now() - t]);
    cpu.set("Enter -> story drawn", []);
    await new Promise((r) => setTimeout(r, 60));
    await press("Tab (next tab)", "\t");
    await press("5 (disagreements)", "5");
    await press("q (back)", "q");
    await press("j (down)", "j");
  }
  term.stdin.write("Q");
  await done;
  await store.close();
  return { stats, ready, storiesShown, samples, cpu };
}

/** Command to first frame on the seeds store, in a real terminal (tmux), `runs` times. */
function firstFrame(runs: number): number[] {
  execFileSync("sh", [join(ROOT, "apps/tui/scripts/ensure-tmux.sh")], { stdio: "inherit" });
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-bench-tui-seeds-"));
  const cli = join(ROOT, "apps/cli/bin/newsfuse.js");
  execFileSync("node", [cli, "ingest", "--data", dir, join(ROOT, "seeds")], { stdio: "inherit" });
  const socket = `newsfuse-bench-tui-${process.pid}`;
  const tmux = (...a: string[]) => execFileSync("tmux", ["-L", socket, ...a], { encoding: "utf8" });
  const out: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      tmux(
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "b",
        "-x",
        "100",
        "-y",
        "30",
        `env -u CI node ${cli} tui --data ${dir}`,
      );
      for (;;) {
        if (/Ctrl-C quits|sorted by/.test(tmux("capture-pane", "-p", "-t", "b"))) break;
        if (performance.now() - t0 > 30_000) throw new Error("no first frame in 30 s");
      }
      out.push(performance.now() - t0);
      tmux("send-keys", "-t", "b", "Q");
      for (let j = 0; j < 200; j++) {
        try {
          execFileSync("tmux", ["-L", socket, "has-session", "-t", "b"], { stdio: "ignore" });
        } catch {
          break;
        }
        execFileSync("sleep", ["0.05"]);
      }
    }
  } finally {
    try {
      tmux("kill-server");
    } catch {
      // Every session already ended.
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: "string", default: "20000" },
      data: { type: "string" },
      presses: { type: "string", default: "12" },
      "first-frame-runs": { type: "string", default: "5" },
    },
  });
  const count = Number(values.articles);
  const presses = Number(values.presses);
  const dir = resolve(values.data ?? join(tmpdir(), `newsfuse-bench-api-${count}`));
  if (!existsSync(join(dir, "bench-api.json"))) {
    for (const f of [STREAM, CLUSTERING]) if (!existsSync(f)) throw new Error(`${f}: dev set not found`);
    await buildStore(dir, [...(await readRows(CLUSTERING)), ...(await readRows(STREAM))], count);
  } else console.log(`store: reusing ${dir}`);

  // A scratch copy, as the api bench does: opening applies migrations and the TUI holds the lock.
  const work = mkdtempSync(join(tmpdir(), "newsfuse-bench-tui-"));
  cpSync(dir, work, { recursive: true });
  const r = await keyLatency(work, presses).finally(() => rmSync(work, { recursive: true, force: true }));
  console.log(
    `store: ${r.stats.articles} articles, ${r.stats.stories} stories (${r.storiesShown} listed); list complete ${(r.ready / 1000).toFixed(1)} s after opening`,
  );
  console.log("key press -> frame written (target: under 50 ms); wall time, and the CPU time the process spent");
  const row = (label: string, xs: number[], cs: number[]) =>
    console.log(
      `  ${label.padEnd(22)} n=${String(xs.length).padStart(3)}  median ${ms(quantile(xs, 0.5)).padStart(9)}  p99 ${ms(quantile(xs, 0.99)).padStart(9)}   cpu median ${ms(quantile(cs, 0.5)).padStart(9)}  p99 ${ms(quantile(cs, 0.99)).padStart(9)}`,
    );
  const all: number[] = [];
  const allCpu: number[] = [];
  for (const [label, xs] of r.samples) {
    const cs = r.cpu.get(label) ?? [];
    if (!label.includes("->")) {
      all.push(...xs);
      allCpu.push(...cs);
    }
    row(label, xs, cs);
  }
  row("all key presses", all, allCpu);
  console.log(`  (${os.loadavg()[0]?.toFixed(1)} load average on ${os.cpus().length} cores)`);

  const runs = Number(values["first-frame-runs"]);
  if (runs > 0) {
    const ff = firstFrame(runs);
    console.log(
      `first frame of newsfuse tui on the seeds store (target 1.5 s): median ${ms(quantile(ff, 0.5))}, max ${ms(Math.max(...ff))} over ${ff.length} runs`,
    );
  }
}
