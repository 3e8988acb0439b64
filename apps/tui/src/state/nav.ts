import { type Command, commandFor, type Screen } from "../keys/keymap.ts";

/** What a line offers to the keys: Enter opens `target`, `o` opens `url`, `y` copies `copy`. */
export interface LineActions {
  target?: Route;
  url?: string;
  copy?: string;
}

/** A side effect the app performs after the reducer asked for it; `seq` tells repeated requests apart. */
export type Effect =
  | { kind: "copy"; text: string; seq: number }
  | { kind: "openUrl"; url: string; seq: number }
  | { kind: "refresh"; seq: number };

/** Where the user is. Each route is one screen; the stack of them is the breadcrumb. */
export type Route =
  | { kind: "stories" }
  | { kind: "story"; id: string; title?: string; tab?: number }
  | { kind: "article"; id: string; title?: string; focus?: { start: number; end: number } }
  | { kind: "entity"; id: string; name?: string }
  | { kind: "search"; q: string }
  | { kind: "help" }
  | { kind: "sources" };

export const STORY_TABS = ["Overview", "Sources", "Quotes", "Figures", "Disagreements", "People & orgs"] as const;

export const SORTS = ["newest", "most covered", "most disputed"] as const;
export type Sort = (typeof SORTS)[number];

/** One open screen: its route and where the user is inside it. */
export interface View {
  route: Route;
  cursor: number;
  /** First visible line. */
  offset: number;
  tab: number;
  /** Lines are narrowed to those containing this text (case-insensitive). */
  filter: string;
  showRemoved: boolean;
  /** Set once the reader has been scrolled to the quote or figure it was opened at. */
  positioned: boolean;
}

export interface Prompt {
  kind: "filter" | "search";
  text: string;
}

export interface NavState {
  stack: View[];
  prompt: Prompt | null;
  sort: Sort;
  /** A one-line notice for the status bar ("copied", "no URL"); cleared by the next key. */
  notice: string | null;
  quit: boolean;
  effect: Effect | null;
}

/** What the reducer needs to know about the current screen's lines; the app computes it, the reducer stays pure. */
export interface Frame {
  /** Lines after the filter. */
  lines: number;
  /** Visible lines. */
  height: number;
  /** Indices of lines matching the filter text, for n/N. */
  matches?: number[];
  /** The actions of line `i`, for open, openUrl and copy. */
  lineAt?: (i: number) => LineActions | undefined;
}

export type Action =
  | { type: "key"; name: string | null; input: string; frame: Frame }
  | { type: "command"; command: Command; frame: Frame }
  | { type: "type"; text: string; frame: Frame }
  | { type: "push"; route: Route }
  | { type: "jump"; line: number; frame: Frame }
  | { type: "notice"; text: string | null };

export function view(route: Route): View {
  return {
    route,
    cursor: 0,
    offset: 0,
    tab: route.kind === "story" ? (route.tab ?? 0) : 0,
    filter: "",
    showRemoved: false,
    positioned: false,
  };
}

export function initialState(route: Route = { kind: "stories" }): NavState {
  return { stack: [view(route)], prompt: null, sort: "newest", notice: null, quit: false, effect: null };
}

export function current(s: NavState): View {
  return s.stack[s.stack.length - 1] as View;
}

export function screenOf(route: Route): Screen {
  return route.kind === "stories" ? "stories" : route.kind;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** Moves the cursor to `cursor` and scrolls just enough to keep it visible. */
function moveTo(v: View, cursor: number, f: Frame, scroll = 0): View {
  const last = Math.max(0, f.lines - 1);
  const c = clamp(cursor, 0, last);
  const h = Math.max(1, f.height);
  let offset = clamp(v.offset + scroll, 0, Math.max(0, f.lines - h));
  if (c < offset) offset = c;
  if (c >= offset + h) offset = c - h + 1;
  return { ...v, cursor: c, offset };
}

function replaceTop(s: NavState, v: View): NavState {
  return { ...s, stack: [...s.stack.slice(0, -1), v] };
}

/** Leaves the current screen; at the root only `close` (q) quits, Esc and h stay. */
function back(s: NavState, quitAtRoot: boolean): NavState {
  if (s.stack.length <= 1) return quitAtRoot ? { ...s, quit: true } : s;
  return { ...s, stack: s.stack.slice(0, -1) };
}

function nextMatch(v: View, f: Frame, dir: 1 | -1): number | null {
  const m = f.matches ?? [];
  if (!m.length) return null;
  if (dir === 1) return m.find((i) => i > v.cursor) ?? (m[0] as number);
  return [...m].reverse().find((i) => i < v.cursor) ?? (m[m.length - 1] as number);
}

function onCommand(s: NavState, command: Command, f: Frame): NavState {
  const v = current(s);
  const half = Math.max(1, Math.floor(f.height / 2));
  const tabs = v.route.kind === "story" ? STORY_TABS.length : 0;
  if (s.prompt) {
    if (command === "forceQuit") return { ...s, quit: true };
    if (command === "promptCancel") {
      const cleared = s.prompt.kind === "filter" ? { ...v, filter: "", cursor: 0, offset: 0 } : v;
      return replaceTop({ ...s, prompt: null }, cleared);
    }
    if (command === "promptErase") {
      const text = s.prompt.text.slice(0, -1);
      return typed({ ...s, prompt: { ...s.prompt, text } }, f);
    }
    if (command === "promptSubmit") {
      if (s.prompt.kind === "search") {
        const q = s.prompt.text.trim();
        return q ? push({ ...s, prompt: null }, { kind: "search", q }) : { ...s, prompt: null };
      }
      // Keeping the filter puts the cursor on its first match, past the headings kept for context.
      const first = f.matches?.[0];
      const kept = { ...s, prompt: null };
      return first === undefined ? kept : replaceTop(kept, moveTo(v, first, f));
    }
    return s;
  }
  switch (command) {
    case "down":
      return replaceTop(s, moveTo(v, v.cursor + 1, f));
    case "up":
      return replaceTop(s, moveTo(v, v.cursor - 1, f));
    case "top":
      return replaceTop(s, moveTo(v, 0, f));
    case "bottom":
      return replaceTop(s, moveTo(v, f.lines - 1, f));
    case "halfDown":
      return replaceTop(s, moveTo(v, v.cursor + half, f, half));
    case "halfUp":
      return replaceTop(s, moveTo(v, v.cursor - half, f, -half));
    case "pageDown":
      return replaceTop(s, moveTo(v, v.cursor + f.height, f, f.height));
    case "pageUp":
      return replaceTop(s, moveTo(v, v.cursor - f.height, f, -f.height));
    case "back":
      if (v.filter) return replaceTop(s, { ...v, filter: "", cursor: 0, offset: 0 });
      return back(s, false);
    case "close":
      return back(s, true);
    case "quit":
    case "forceQuit":
      return { ...s, quit: true };
    case "nextTab":
    case "prevTab": {
      if (!tabs) return s;
      const tab = (v.tab + (command === "nextTab" ? 1 : tabs - 1)) % tabs;
      return replaceTop(s, { ...v, tab, cursor: 0, offset: 0, filter: "" });
    }
    case "tab1":
    case "tab2":
    case "tab3":
    case "tab4":
    case "tab5":
    case "tab6": {
      const tab = Number(command.slice(3)) - 1;
      if (!tabs || tab >= tabs) return s;
      return replaceTop(s, { ...v, tab, cursor: 0, offset: 0, filter: "" });
    }
    case "filter":
      return { ...s, prompt: { kind: "filter", text: v.filter } };
    case "search":
      return { ...s, prompt: { kind: "search", text: "" } };
    case "nextMatch":
    case "prevMatch": {
      const line = nextMatch(v, f, command === "nextMatch" ? 1 : -1);
      return line === null ? { ...s, notice: "no match" } : replaceTop(s, moveTo(v, line, f));
    }
    case "sort":
      if (v.route.kind !== "stories") return s;
      return replaceTop(
        { ...s, sort: SORTS[(SORTS.indexOf(s.sort) + 1) % SORTS.length] as Sort },
        { ...v, cursor: 0, offset: 0 },
      );
    case "toggleRemoved":
      return v.route.kind === "article" ? replaceTop(s, { ...v, showRemoved: !v.showRemoved }) : s;
    case "help":
      return v.route.kind === "help" ? back(s, false) : push(s, { kind: "help" });
    case "sources":
      return v.route.kind === "stories" ? push(s, { kind: "sources" }) : s;
    case "open": {
      const target = f.lineAt?.(v.cursor)?.target;
      return target ? push(s, target) : s;
    }
    case "openUrl": {
      const url = f.lineAt?.(v.cursor)?.url;
      return url ? effect(s, { kind: "openUrl", url }) : { ...s, notice: "no URL on this line" };
    }
    case "copy": {
      const text = f.lineAt?.(v.cursor)?.copy;
      return text ? effect(s, { kind: "copy", text }) : { ...s, notice: "nothing to copy here: select a quote" };
    }
    case "refresh":
      return effect(s, { kind: "refresh" });
    default:
      return s;
  }
}

type EffectRequest = Effect extends infer E ? (E extends Effect ? Omit<E, "seq"> : never) : never;

function effect(s: NavState, e: EffectRequest): NavState {
  return { ...s, effect: { ...e, seq: (s.effect?.seq ?? 0) + 1 } as Effect };
}

function push(s: NavState, route: Route): NavState {
  return { ...s, stack: [...s.stack, view(route)] };
}

/** The filter applies as it is typed: the list narrows and the cursor goes back to the first line. */
function typed(s: NavState, _f: Frame): NavState {
  if (s.prompt?.kind !== "filter") return s;
  return replaceTop(s, { ...current(s), filter: s.prompt.text, cursor: 0, offset: 0 });
}

/** The navigation reducer: pure, so every key's effect is tested without rendering. */
export function reduce(s: NavState, a: Action): NavState {
  const cleared = s.notice && a.type !== "notice" ? { ...s, notice: null } : s;
  switch (a.type) {
    case "key": {
      // Resolved against the state as it is now, so keys arriving in one burst each see the previous one's effect.
      const typing = cleared.prompt !== null;
      const command = a.name ? commandFor(a.name, screenOf(current(cleared).route), typing) : null;
      if (command) return onCommand(cleared, command, a.frame);
      if (typing && a.input && !/[\x00-\x1f]/.test(a.input))
        return reduce(cleared, { type: "type", text: a.input, frame: a.frame });
      return cleared;
    }
    case "command":
      return onCommand(cleared, a.command, a.frame);
    case "type":
      if (!cleared.prompt) return cleared;
      return typed({ ...cleared, prompt: { ...cleared.prompt, text: cleared.prompt.text + a.text } }, a.frame);
    case "push":
      return push(cleared, a.route);
    case "jump": {
      // A jump puts the line a third of the way down, with context above it.
      const v = current(cleared);
      const h = a.frame.height;
      const offset = Math.max(0, Math.min(a.line - Math.floor(h / 3), a.frame.lines - h));
      return replaceTop(cleared, { ...moveTo({ ...v, offset }, a.line, a.frame), positioned: true });
    }
    case "notice":
      return { ...s, notice: a.text };
  }
}
