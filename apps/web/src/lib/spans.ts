/** A marked range of an article's body (UTF-16 offsets, end exclusive), as the extractors gave it. */
export interface Mark<K extends string = string> {
  start: number;
  end: number;
  kind: K;
  /** Index of the mark in its source list (the article's quotes, entities, numbers). */
  index: number;
}

export interface Piece<K extends string = string> {
  start: number;
  end: number;
  text: string;
  mark: Mark<K> | null;
}

/**
 * Cuts `text` into consecutive pieces at the marks' edges, exactly as the offsets say. Marks that
 * overlap an earlier one are dropped (the first wins), so every character is in one piece and the
 * pieces concatenate back to `text`.
 */
export function slice<K extends string>(text: string, marks: Mark<K>[], from = 0, to = text.length): Piece<K>[] {
  const sorted = marks
    .filter((m) => m.start < m.end && m.start >= from && m.end <= to)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Piece<K>[] = [];
  let at = from;
  for (const m of sorted) {
    if (m.start < at) continue;
    if (m.start > at) pieces.push({ start: at, end: m.start, text: text.slice(at, m.start), mark: null });
    pieces.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), mark: m });
    at = m.end;
  }
  if (at < to) pieces.push({ start: at, end: to, text: text.slice(at, to), mark: null });
  return pieces;
}

/** Paragraph ranges of a body: runs of text between blank lines. */
export function paragraphs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /\n\s*\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ start: at, end: text.length });
  return out;
}

/** The sentence of `text` around [start, end): from the previous sentence end (or line break) to the next. */
export function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !/[.!?\n]/.test(text[b])) b++;
  if (b < text.length && text[b] !== "\n") b++;
  return text.slice(a, b).trim();
}
