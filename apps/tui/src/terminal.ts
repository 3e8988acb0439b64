/** Escape sequences for full-screen use; each pair undoes the other. */
export const ALT_SCREEN_ON = "\x1b[?1049h";
export const ALT_SCREEN_OFF = "\x1b[?1049l";
export const CURSOR_HIDE = "\x1b[?25l";
export const CURSOR_SHOW = "\x1b[?25h";

export interface TtyOut {
  write(s: string): unknown;
}
export interface TtyIn {
  isTTY?: boolean;
  setRawMode?: (on: boolean) => unknown;
}

/**
 * Takes the terminal over (alternate screen, cursor hidden) and returns the one function that gives it
 * back: it leaves the alternate screen, shows the cursor and turns raw mode off, and is safe to call
 * any number of times from any exit path (quit, Ctrl-C, SIGTERM, an uncaught error).
 */
export function takeTerminal(stdout: TtyOut, stdin: TtyIn): () => void {
  stdout.write(ALT_SCREEN_ON + CURSOR_HIDE);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY) stdin.setRawMode?.(false);
    } catch {
      // stdin may already be closed; the escape sequences below still restore the screen.
    }
    stdout.write(CURSOR_SHOW + ALT_SCREEN_OFF);
  };
}

/** Why the TUI will not start here, or null when stdin and stdout are terminals that can draw. */
export function refusal(io: { stdinTTY: boolean; stdoutTTY: boolean; term: string | undefined }): string | null {
  const instead =
    "use `newsfuse fuse <paths>` for a report, `newsfuse stats` for counts or `newsfuse export` for JSON Lines";
  if (!io.stdinTTY) return `newsfuse tui needs a terminal on stdin; ${instead}`;
  if (!io.stdoutTTY) return `newsfuse tui needs a terminal on stdout; ${instead}`;
  if (io.term === "dumb") return `newsfuse tui cannot draw on TERM=dumb; ${instead}`;
  return null;
}

/** OSC 52: asks the terminal (and tmux, with set-clipboard) to put `text` on the system clipboard. */
export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, "utf8").toString("base64")}\x07`;
}
