/**
 * The TUI's keys as data: every command with its keys, where it applies and what it does. One dispatcher
 * (`commandFor`) reads this table and the help screen is generated from it, so the two cannot disagree.
 */

/** Where a binding applies: everywhere, only in lists of a given screen, or only while typing in a prompt. */
export type Scope = "global" | "stories" | "story" | "article" | "prompt";

export type Command =
  | "down"
  | "up"
  | "top"
  | "bottom"
  | "halfDown"
  | "halfUp"
  | "pageDown"
  | "pageUp"
  | "open"
  | "back"
  | "close"
  | "quit"
  | "forceQuit"
  | "nextTab"
  | "prevTab"
  | "tab1"
  | "tab2"
  | "tab3"
  | "tab4"
  | "tab5"
  | "tab6"
  | "filter"
  | "nextMatch"
  | "prevMatch"
  | "search"
  | "sort"
  | "openUrl"
  | "copy"
  | "refresh"
  | "toggleRemoved"
  | "help"
  | "sources"
  | "promptSubmit"
  | "promptCancel"
  | "promptErase";

export interface Binding {
  command: Command;
  /** Key names as `keyName` produces them: "j", "down", "C-d", "S-tab", "enter", "esc". */
  keys: string[];
  scope: Scope;
  /** What the help screen says. */
  description: string;
}

export const KEYMAP: readonly Binding[] = [
  { command: "down", keys: ["j", "down"], scope: "global", description: "move down" },
  { command: "up", keys: ["k", "up"], scope: "global", description: "move up" },
  { command: "top", keys: ["g", "home"], scope: "global", description: "go to the top" },
  { command: "bottom", keys: ["G", "end"], scope: "global", description: "go to the bottom" },
  { command: "halfDown", keys: ["C-d"], scope: "global", description: "half a page down" },
  { command: "halfUp", keys: ["C-u"], scope: "global", description: "half a page up" },
  { command: "pageDown", keys: ["pagedown", "C-f", "space"], scope: "global", description: "a page down" },
  { command: "pageUp", keys: ["pageup", "C-b"], scope: "global", description: "a page up" },
  { command: "open", keys: ["enter", "l", "right"], scope: "global", description: "open the selected line" },
  { command: "back", keys: ["esc", "h", "left"], scope: "global", description: "go back (Esc first clears a filter)" },
  { command: "close", keys: ["q"], scope: "global", description: "go back; on the story list, quit" },
  { command: "quit", keys: ["Q"], scope: "global", description: "quit from anywhere" },
  { command: "forceQuit", keys: ["C-c"], scope: "global", description: "quit, always (also while typing)" },
  { command: "nextTab", keys: ["tab"], scope: "story", description: "next tab" },
  { command: "prevTab", keys: ["S-tab"], scope: "story", description: "previous tab" },
  { command: "tab1", keys: ["1"], scope: "story", description: "Overview: events, places, dates, who took part" },
  { command: "tab2", keys: ["2"], scope: "story", description: "Sources: articles by origin, duplicate groups" },
  { command: "tab3", keys: ["3"], scope: "story", description: "Quotes: by speaker, with the outlets carrying them" },
  { command: "tab4", keys: ["4"], scope: "story", description: "Figures: numbers per subject, each source's value" },
  { command: "tab5", keys: ["5"], scope: "story", description: "Disagreements: conflicting values side by side" },
  { command: "tab6", keys: ["6"], scope: "story", description: "People & organizations: roles, aliases" },
  { command: "filter", keys: ["/"], scope: "global", description: "filter the lines as you type (Enter keeps it)" },
  { command: "nextMatch", keys: ["n"], scope: "global", description: "next line matching the filter" },
  { command: "prevMatch", keys: ["N"], scope: "global", description: "previous line matching the filter" },
  { command: "search", keys: ["s"], scope: "global", description: "search articles, quotes and entities" },
  { command: "sort", keys: ["S"], scope: "stories", description: "sort: newest, most covered, most disputed" },
  {
    command: "sources",
    keys: ["F"],
    scope: "stories",
    description: "subscribed feeds and their health (last fetch, status, next poll, errors)",
  },
  { command: "openUrl", keys: ["o"], scope: "global", description: "open the article's URL in the browser" },
  { command: "copy", keys: ["y"], scope: "global", description: "copy the selected quote with its source (OSC 52)" },
  { command: "refresh", keys: ["r"], scope: "global", description: "reload from the store" },
  { command: "toggleRemoved", keys: ["b"], scope: "article", description: "show what cleaning removed, dimmed" },
  { command: "help", keys: ["?"], scope: "global", description: "this help" },
  { command: "promptSubmit", keys: ["enter"], scope: "prompt", description: "keep the filter / run the search" },
  { command: "promptCancel", keys: ["esc"], scope: "prompt", description: "clear the filter / cancel" },
  { command: "promptErase", keys: ["backspace"], scope: "prompt", description: "erase a character" },
];

/** The subset of Ink's `Key` that names a key; declared here so the key map needs no Ink import. */
export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

/** Names one key press the way the key map writes keys; null for input that names no single key. */
export function keyName(input: string, key: KeyFlags): string | null {
  if (key.upArrow) return "up";
  if (key.downArrow) return "down";
  if (key.leftArrow) return "left";
  if (key.rightArrow) return "right";
  if (key.pageUp) return "pageup";
  if (key.pageDown) return "pagedown";
  if (key.home) return "home";
  if (key.end) return "end";
  if (key.return) return "enter";
  if (key.escape) return "esc";
  if (key.tab) return key.shift ? "S-tab" : "tab";
  if (key.backspace || key.delete) return "backspace";
  if (key.ctrl && input.length === 1) return `C-${input.toLowerCase()}`;
  if (input === " ") return "space";
  if (input.length === 1 && !key.meta) return input;
  return null;
}

/** The screens a command can be asked for in; a screen's own scope wins over "global". */
export type Screen = "stories" | "story" | "article" | "entity" | "search" | "help" | "sources";

/**
 * The command a key runs. While typing in a prompt only the prompt's keys and Ctrl-C are commands, so typed
 * letters never trigger anything; `null` then means "insert this text".
 */
export function commandFor(name: string, screen: Screen, typing: boolean): Command | null {
  if (name === "C-c") return "forceQuit";
  if (typing) return KEYMAP.find((b) => b.scope === "prompt" && b.keys.includes(name))?.command ?? null;
  const own = KEYMAP.find((b) => b.scope === screen && b.keys.includes(name));
  if (own) return own.command;
  return KEYMAP.find((b) => b.scope === "global" && b.keys.includes(name))?.command ?? null;
}

/** Human-readable key names for the help screen and status bar. */
export function keyLabel(name: string): string {
  const named: Record<string, string> = {
    down: "↓",
    up: "↑",
    left: "←",
    right: "→",
    enter: "Enter",
    esc: "Esc",
    tab: "Tab",
    "S-tab": "Shift-Tab",
    space: "Space",
    pagedown: "PgDn",
    pageup: "PgUp",
    home: "Home",
    end: "End",
    backspace: "Backspace",
  };
  if (named[name]) return named[name];
  if (name.startsWith("C-")) return `Ctrl-${name.slice(2)}`;
  return name;
}

/** The keys of one command, for hints ("?:help"). */
export function keysOf(command: Command): string[] {
  return KEYMAP.filter((b) => b.command === command).flatMap((b) => b.keys);
}

const CONTROL_KEYS: Record<string, KeyFlags> = {
  "\r": { return: true },
  "\n": { return: true },
  "\t": { tab: true },
  "\x7f": { backspace: true },
  "\b": { backspace: true },
  "\x1b": { escape: true },
};

/**
 * Ink hands a burst of characters (typed fast, pasted, or sent by tmux) to one input call; this splits it
 * back into one key each so "jj" moves twice and "/lavrov" filters. Keys Ink already named pass as they are.
 */
export function splitKeys(input: string, key: KeyFlags): Array<{ name: string | null; input: string }> {
  // Esc typed just before another key reaches us as Meta+key ("\x1b5"); nothing is bound to Alt, so it is
  // the two keys, in order.
  if (key.meta && !key.escape && !key.ctrl && input.length >= 1)
    return [{ name: "esc", input: "" }, ...splitKeys(input, { ...key, meta: false })];
  const named = keyName(input, key);
  if (named !== null || input.length <= 1 || key.ctrl || key.meta) return [{ name: named, input }];
  return [...input].map((ch) => ({ name: keyName(ch, CONTROL_KEYS[ch] ?? {}), input: ch }));
}
