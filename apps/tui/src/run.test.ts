import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { TuiClient } from "./client.ts";
import { runTui } from "./run.ts";
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, CURSOR_SHOW, osc52, refusal } from "./terminal.ts";

/** A terminal double: records what is written and whether raw mode is on. */
function terminal() {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = Object.assign(new EventEmitter(), {
    columns: 100,
    rows: 30,
    isTTY: true,
    write: (s: string) => {
      out.push(String(s));
      return true;
    },
  });
  const stderr = Object.assign(new EventEmitter(), { write: (s: string) => err.push(String(s)) });
  let raw = false;
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (on: boolean) => {
      raw = on;
    },
    ref: () => {},
    unref: () => {},
  });
  const io = { stdin, stdout, stderr, patchConsole: false } as unknown as {
    stdin: NodeJS.ReadStream;
    stdout: NodeJS.WriteStream;
    stderr: NodeJS.WriteStream;
    patchConsole: boolean;
  };
  return { io, out, err, raw: () => raw, stdin };
}

const idle = <T>(): Promise<T> => new Promise<T>(() => {});
const client = (over: Partial<TuiClient> = {}): TuiClient =>
  ({
    listStories: async () => ({ items: [], nextCursor: null }),
    listSources: async () => ({ items: [] }),
    events: () => ({ [Symbol.asyncIterator]: () => ({ next: idle }) }),
    ...over,
  }) as unknown as TuiClient;

/**
 * The terminal is back when it was last told to show the cursor and leave the alternate screen, and
 * nothing but another "show cursor" (Ink's own, at exit) came after: no frame lands on the normal screen.
 */
const restored = (out: string[]) => {
  const all = out.join("");
  const at = all.lastIndexOf(CURSOR_SHOW + ALT_SCREEN_OFF);
  return at >= 0 && /^(\x1b\[\?25h)*$/.test(all.slice(at + CURSOR_SHOW.length + ALT_SCREEN_OFF.length));
};

describe("runTui", () => {
  it("draws on the alternate screen and gives the terminal back on q", async () => {
    const t = terminal();
    let listed = false;
    const c = client({
      listStories: async () => {
        listed = true;
        return { items: [], nextCursor: null };
      },
    });
    const done = runTui({ ...t.io, env: {}, boot: async () => ({ client: c, where: "test" }) });
    // Under CI=true Ink writes frames only at the end, so wait for the app to ask for data, not for text.
    for (let i = 0; i < 500 && !listed; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    expect(t.out[0]).toContain(ALT_SCREEN_ON);
    expect(t.raw()).toBe(true);
    t.stdin.write("q");
    expect(await done).toBe(0);
    expect(restored(t.out)).toBe(true);
    expect(t.raw()).toBe(false);
  });

  it("restores the terminal and then prints why when the store cannot be opened", async () => {
    const t = terminal();
    const code = await runTui({
      ...t.io,
      env: {},
      boot: async () => {
        throw new Error("/data is in use by process 42 (newsfuse serve)");
      },
    });
    expect(code).toBe(2);
    expect(restored(t.out)).toBe(true);
    expect(t.err.join("")).toBe("newsfuse tui: /data is in use by process 42 (newsfuse serve)\n");
  });

  it("restores the terminal on SIGTERM", async () => {
    const t = terminal();
    const done = runTui({ ...t.io, env: {}, boot: () => idle() });
    await new Promise((r) => setTimeout(r, 50));
    process.emit("SIGTERM", "SIGTERM");
    expect(await done).toBe(143);
    expect(restored(t.out)).toBe(true);
  });

  it("restores the terminal when a screen throws, then prints the error", async () => {
    const t = terminal();
    const broken = client({ listStories: async () => ({ items: [null], nextCursor: null }) as never });
    const code = await runTui({ ...t.io, env: {}, boot: async () => ({ client: broken, where: "test" }) });
    expect(code).toBe(1);
    expect(restored(t.out)).toBe(true);
    expect(t.err.join("")).toMatch(/^newsfuse tui: TypeError/);
  });
});

describe("refusal", () => {
  it("refuses without a terminal or on TERM=dumb, naming what to use instead", () => {
    expect(refusal({ stdinTTY: true, stdoutTTY: true, term: "xterm-256color" })).toBeNull();
    for (const io of [
      { stdinTTY: false, stdoutTTY: true, term: "xterm" },
      { stdinTTY: true, stdoutTTY: false, term: "xterm" },
      { stdinTTY: true, stdoutTTY: true, term: "dumb" },
    ]) {
      const why = refusal(io) as string;
      expect(why).not.toContain("\n");
      for (const cmd of ["fuse", "stats", "export"]) expect(why).toContain(`newsfuse ${cmd}`);
    }
  });
});

describe("osc52", () => {
  it("wraps the text in base64 for the terminal's clipboard", () => {
    expect(osc52("“minor incursion”")).toBe(`\x1b]52;c;${Buffer.from("“minor incursion”").toString("base64")}\x07`);
  });
});
