// The name recognizers `extractEntities` can run: the trained model, the rules, or both.
import { recognize as recognizeByModel } from "../ner/index.ts";
import { gazetteerType, recognizeByRules, type MentionRecognizer, type MentionSpan } from "./mentions.ts";

/**
 * The trained model's spans, plus rule spans in stretches the model left untagged: the model
 * generalizes to names no list holds, the rules catch forms 1996 Reuters copy rarely shows
 * ("Mr. Blinken", Title Case headlines of today's outlets). Where the two overlap, the rules win
 * only with stronger evidence: a name the gazetteer knows ("Kremlin" is an organization in today's
 * news, a place in the model's 1996 copy), or a longer organization name that contains the model's
 * span ("Russian Foreign Ministry" over "Foreign Ministry").
 * @example recognizeHybrid("Secretary of State Antony J. Blinken met Mr. Lavrov in Stockholm.")
 */
export function recognizeHybrid(text: string): MentionSpan[] {
  return windowed(text, (part) => mergeMentions(part, modelSpans(part), recognizeByRules(part)));
}

const modelSpans = (text: string): MentionSpan[] =>
  recognizeByModel(text).map((m) => ({ start: m.start, end: m.end, type: m.type }));

/**
 * Longest stretch of text one recognizer call sees. The model's document features and both token
 * lists take ~70 bytes of memory per input character, so a text far longer than any article (the
 * longest in the dev sets is under 20,000 characters) is cut into windows at paragraph or sentence
 * breaks: memory stays bounded and time linear, and an article-sized text is one window as before.
 */
export const RECOGNIZER_WINDOW = 100_000;

/** Runs `recognize` on each window of `text` (see RECOGNIZER_WINDOW), with spans shifted back to `text`. */
export function windowed(
  text: string,
  recognize: (part: string) => MentionSpan[],
  size = RECOGNIZER_WINDOW,
): MentionSpan[] {
  if (text.length <= size) return recognize(text);
  const out: MentionSpan[] = [];
  for (let a = 0; a < text.length; ) {
    const b = windowEnd(text, a, size);
    for (const s of recognize(text.slice(a, b))) out.push({ start: s.start + a, end: s.end + a, type: s.type });
    a = b;
  }
  return out;
}

/** Where the window starting at `a` ends: after the last paragraph break in reach, else the last sentence end, else the last space. */
function windowEnd(text: string, a: number, size: number): number {
  const limit = a + size;
  if (limit >= text.length) return text.length;
  const floor = a + (size >> 1);
  const para = text.lastIndexOf("\n\n", limit - 2);
  if (para >= floor) return para + 2;
  for (let i = limit - 1; i >= floor; i--)
    if (text[i] === "\n" || (text[i] === " " && text[i - 1] === ".")) return i + 1;
  const space = text.lastIndexOf(" ", limit - 1);
  if (space >= floor) return space + 1;
  // No break at all: cut, but never between the two halves of a surrogate pair.
  const low = text.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}

/**
 * The hybrid recognizer's merge of the model's spans with the rules' spans (see `recognizeHybrid`).
 * @example mergeMentions("Mr. Lavrov", [], [{ start: 4, end: 10, type: "PER" }])
 */
export function mergeMentions(text: string, model: MentionSpan[], rules: MentionSpan[]): MentionSpan[] {
  // Every overlap question below is answered by binary search over spans sorted by start, so the
  // merge stays linear-logarithmic in the number of spans: a pairwise scan made a multi-megabyte
  // text take minutes.
  const modelByStart = [...model].sort((a, b) => a.start - b.start);
  const strong = rules.filter((r) => {
    if (gazetteerType(text.slice(r.start, r.end)) !== null) return true;
    if (r.type !== "ORG") return false;
    // A model span inside r starts at or after r.start and before r.end.
    for (let k = firstStartAtOrAfter(modelByStart, r.start); k < modelByStart.length; k++) {
      const m = modelByStart[k]!;
      if (m.start >= r.end) break;
      if (overlaps(m, r) && m.end <= r.end && r.end - r.start > m.end - m.start) return true;
    }
    return false;
  });
  const strongIndex = new OverlapIndex(strong);
  const out = model.filter((m) => !strongIndex.overlaps(m));
  for (const r of strong) out.push(r); // not push(...strong): a big text has more spans than a call takes arguments
  const placed = new OverlapIndex(out);
  // Rules added below never overlap one another, so they stay sorted by start and by end at once.
  const added: MentionSpan[] = [];
  for (const r of rules) {
    if (placed.overlaps(r) || overlapsDisjoint(added, r)) continue;
    added.splice(firstEndAfter(added, r.start), 0, r);
    out.push(r);
  }
  return out.sort((a, b) => a.start - b.start);
}

const overlaps = (a: MentionSpan, b: MentionSpan) => a.start < b.end && b.start < a.end;

/** Index of the first span (sorted by start) whose start is at or after `pos`. */
function firstStartAtOrAfter(spans: MentionSpan[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span (of disjoint spans sorted by start) whose end is after `pos`. */
function firstEndAfter(spans: MentionSpan[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapsDisjoint(spans: MentionSpan[], s: MentionSpan): boolean {
  const k = firstEndAfter(spans, s.start);
  return k < spans.length && overlaps(spans[k]!, s);
}

/**
 * A fixed set of spans (which may overlap one another) that answers "does any overlap this one": the
 * spans starting before `s.end` are a prefix of the start order, and one of them overlaps `s` exactly
 * when the largest end in that prefix lies past `s.start`.
 */
class OverlapIndex {
  private readonly starts: number[];
  private readonly maxEnd: number[];
  constructor(spans: MentionSpan[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((x) => x.start);
    this.maxEnd = [];
    let m = Number.NEGATIVE_INFINITY;
    for (const x of sorted) this.maxEnd.push((m = Math.max(m, x.end)));
  }
  overlaps(s: MentionSpan): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < s.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1]! > s.start;
  }
}

export const RECOGNIZERS = {
  model: ((text: string) => windowed(text, modelSpans)) as MentionRecognizer,
  rules: ((text: string) => windowed(text, recognizeByRules)) as MentionRecognizer,
  hybrid: recognizeHybrid as MentionRecognizer,
};
export type RecognizerName = keyof typeof RECOGNIZERS;

/** What `analyze` runs unless told otherwise. */
export const DEFAULT_RECOGNIZER: RecognizerName = "hybrid";
