import type { Route } from "../state/nav.ts";

/** How a piece of text is drawn; the List maps styles to colours, or to attributes under NO_COLOR. */
export type Style =
  | "plain"
  | "dim"
  | "bold"
  | "heading"
  | "accent"
  | "quote"
  | "speaker"
  | "entity"
  | "removed"
  | "warn"
  | "good"
  | "key"
  | "focus";

export interface Segment {
  text: string;
  style?: Style;
}

/** One screen line. Lines of one item share its `group` (the filter keeps or drops items whole) and its actions. */
export interface Line {
  segments: Segment[];
  /** Items are filtered as a whole: a quote stays with the outlets listed under it. */
  group: number;
  /** The heading's group this line falls under; a filter matching a heading keeps its whole section. */
  section?: number;
  /** True on a section heading. */
  heading?: boolean;
  /** Enter opens this. */
  target?: Route;
  /** `o` opens this (http(s) only). */
  url?: string;
  /** `y` copies this. */
  copy?: string;
}

/**
 * A piece of text to draw. Article text is data: control characters (an escape sequence inside a
 * scraped page, a stray carriage return) are dropped, so text can never restyle or move the screen.
 */
export const seg = (text: string, style: Style = "plain"): Segment => ({
  text: text.replace(/\t/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ""),
  style,
});

export function lineText(l: Line): string {
  return l.segments.map((s) => s.text).join("");
}

/**
 * Word-wraps styled text to `width` columns. Words longer than a line are cut; `indent` columns of
 * blank lead every continuation line so wrapped items stay readable as one.
 */
export function wrapSegments(segments: Segment[], width: number, indent = 0): Segment[][] {
  const w = Math.max(8, width);
  // A continuation indent never takes more than half the line, so every line has room for text.
  indent = Math.min(indent, Math.floor(w / 2));
  const lines: Segment[][] = [];
  let cur: Segment[] = [];
  let len = 0;
  // True right after a wrap: the blank that caused it is dropped rather than starting the next line.
  let wrapped = false;
  const push = (text: string, style: Style | undefined) => {
    const last = cur[cur.length - 1];
    if (last && last.style === style) last.text += text;
    else cur.push({ text, style });
    len += text.length;
  };
  const newline = () => {
    // Trailing blanks would only push the selection highlight past the text.
    const last = cur[cur.length - 1];
    if (last) last.text = last.text.replace(/\s+$/, "");
    lines.push(cur.filter((s) => s.text.length));
    cur = [];
    len = 0;
    wrapped = true;
    if (indent) push(" ".repeat(indent), "plain");
  };
  for (const s of segments) {
    for (const token of s.text.split(/(\s+)/)) {
      if (!token) continue;
      if (/^\s+$/.test(token)) {
        if (wrapped) continue;
        if (len + token.length > w) newline();
        else push(token.replace(/\n/g, " "), s.style);
        continue;
      }
      let word = token;
      if (len + word.length > w && len > indent) newline();
      while (word.length > w - len) {
        const room = w - len;
        push(word.slice(0, room), s.style);
        word = word.slice(room);
        newline();
      }
      wrapped = false;
      push(word, s.style);
    }
  }
  if (cur.length && len > (lines.length ? indent : 0)) lines.push(cur);
  return lines.length ? lines : [[]];
}

/** Shortens text to `n` characters with an ellipsis. */
export function clip(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, Math.max(0, n - 1))}…`;
}

/** Pads or clips to exactly `n` columns, for aligned columns. */
export function cell(text: string, n: number, align: "left" | "right" = "left"): string {
  const t = clip(text, n);
  return align === "left" ? t.padEnd(n) : t.padStart(n);
}

/** Builds Line lists item by item; each item gets its own group. */
export class Lines {
  readonly lines: Line[] = [];
  private group = 0;
  constructor(readonly width: number) {}

  /** Starts a new item: lines added until the next `item()` share its group and actions. */
  item(actions: Pick<Line, "target" | "url" | "copy"> = {}): this {
    this.group++;
    this.actions = actions;
    return this;
  }
  private actions: Pick<Line, "target" | "url" | "copy"> = {};
  private section: number | undefined;

  /** One line, clipped to the width. */
  add(...segments: Segment[]): this {
    this.lines.push({
      segments,
      group: this.group,
      ...(this.section !== undefined ? { section: this.section } : {}),
      ...this.actions,
    });
    return this;
  }

  /** Text that may run over several lines, wrapped. */
  wrap(segments: Segment[], indent = 0): this {
    for (const l of wrapSegments(segments, this.width, indent)) this.add(...l);
    return this;
  }

  blank(): this {
    return this.add();
  }

  /** A section heading, its own item so filtering never leaves a heading without its lines. */
  heading(text: string): this {
    this.item();
    this.section = this.group;
    this.lines.push({ segments: [seg(text, "heading")], group: this.group, section: this.group, heading: true });
    return this;
  }
}

/**
 * Keeps the items (groups) with a line containing `filter`, case-insensitive, under their section's
 * heading; a matching heading keeps its whole section ("Joe Biden" keeps all his quotes).
 */
export function filterLines(lines: Line[], filter: string): Line[] {
  const f = filter.trim().toLowerCase();
  if (!f) return lines;
  const groups = new Set<number>();
  const sections = new Set<number>();
  const headed = new Set<number>();
  for (const l of lines)
    if (lineText(l).toLowerCase().includes(f)) {
      if (l.heading && l.section !== undefined) headed.add(l.section);
      else {
        groups.add(l.group);
        if (l.section !== undefined) sections.add(l.section);
      }
    }
  return lines.filter(
    (l) =>
      groups.has(l.group) ||
      (l.section !== undefined && headed.has(l.section)) ||
      (l.heading && l.section !== undefined && sections.has(l.section)),
  );
}

/** Indices of lines containing `filter`, for n/N. */
export function matchLines(lines: Line[], filter: string): number[] {
  const f = filter.trim().toLowerCase();
  if (!f) return [];
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (lineText(l).toLowerCase().includes(f)) out.push(i);
  });
  return out;
}
