import { spawn } from "node:child_process";
import { render } from "ink";
import { createElement } from "react";
import { type Boot, Root } from "./components/Root.tsx";
import { osc52, takeTerminal } from "./terminal.ts";

export interface RunOptions {
  boot: Boot;
  /** Closes what boot opened (the embedded store); runs after the terminal is restored. */
  close?: () => Promise<void>;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
  /** Route console output around the frames (default); tests whose runner owns the console turn it off. */
  patchConsole?: boolean;
}

/** Opens an http(s) URL with the desktop's opener; anything else is refused (article text is data, not links). */
export function openInBrowser(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    spawn(cmd, [url], { detached: true, stdio: "ignore" })
      .on("error", () => {})
      .unref();
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the TUI full screen until the user quits; resolves to the process exit code. The terminal is given
 * back on every way out (quit, Ctrl-C, SIGTERM, SIGHUP, an uncaught error) and an error is printed only
 * after that, so it lands on the normal screen where it stays readable.
 */
export function runTui(opts: RunOptions): Promise<number> {
  const stdin = opts.stdin ?? process.stdin;
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  const env = opts.env ?? process.env;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const restore = takeTerminal(stdout, stdin);

  return new Promise<number>((resolve) => {
    let finished = false;
    const finish = (code: number, message?: string) => {
      if (finished) return;
      finished = true;
      try {
        instance.unmount();
      } catch {
        // Unmounting a tree that threw can throw again; the terminal is restored below regardless.
      }
      restore();
      if (message) stderr.write(`${message}\n`);
      const closing = opts.close ? opts.close().catch(() => {}) : Promise.resolve();
      // The handlers stay until the store is closed: with none of ours left, Ink's signal-exit would
      // re-raise a SIGTERM and end the process before the store is flushed.
      void closing.then(() => {
        for (const [sig, fn] of handlers) process.off(sig, fn);
        resolve(code);
      });
    };
    const handlers: Array<[string, (...a: unknown[]) => void]> = [
      ["SIGTERM", () => finish(143)],
      ["SIGHUP", () => finish(129)],
      ["SIGINT", () => finish(130)],
      ["uncaughtException", (e) => finish(1, `newsfuse tui: ${(e as Error)?.stack ?? String(e)}`)],
      ["unhandledRejection", (e) => finish(1, `newsfuse tui: ${(e as Error)?.stack ?? String(e)}`)],
    ];
    for (const [sig, fn] of handlers) process.on(sig, fn);

    const instance = render(
      createElement(Root, {
        boot: opts.boot,
        noColor,
        onQuit: () => finish(0),
        onFatal: (m: string) => finish(2, `newsfuse tui: ${m}`),
        copy: (text: string) => stdout.write(osc52(text)),
        openUrl: (url: string) => {
          openInBrowser(url);
        },
      }),
      { stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: opts.patchConsole ?? true },
    );
    // Ink ends the tree itself when a component throws: restore, then print the error on the normal screen.
    instance.waitUntilExit().then(
      () => finish(0),
      (e: unknown) => finish(1, `newsfuse tui: ${(e as Error)?.stack ?? String(e)}`),
    );
  });
}
