// Paragraph and sentence splitting with offsets. Paragraphs are what the cleaners judge
// (boilerplate is a line or a block, never half a sentence).

export interface Segment {
  text: string;
  start: number;
  end: number;
}

const TERMINAL = /[.!?…。！？]["'\u201d\u2019)\]」』]*$/;

/**
 * Splits text into paragraphs: blank-line separated blocks, and inside a block every line,
 * unless the block is hard-wrapped prose (lines that do not end a sentence), which is joined.
 * @example splitParagraphs("Title\n\nOne.\nTwo.").map((p) => p.text) // ["Title", "One.", "Two."]
 */
export function splitParagraphs(text: string): Segment[] {
  const out: Segment[] = [];
  const lines: Segment[] = [];
  let pos = 0;
  const flush = () => {
    if (lines.length === 0) return;
    if (lines.length >= 3 && isHardWrapped(lines)) {
      out.push({ text: lines.map((l) => l.text).join(" "), start: lines[0].start, end: lines[lines.length - 1].end });
    } else out.push(...lines);
    lines.length = 0;
  };
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const trimmed = raw.trim();
    if (trimmed) {
      const lead = raw.length - raw.trimStart().length;
      lines.push({ text: trimmed, start: pos + lead, end: pos + lead + trimmed.length });
    } else flush();
    pos = nl + 1;
  }
  flush();
  return out;
}

// Wrapped prose: most lines stop mid-sentence and all but the last are of similar, long-ish length.
function isHardWrapped(lines: Segment[]): boolean {
  const body = lines.slice(0, -1);
  const open = body.filter((l) => !TERMINAL.test(l.text)).length;
  const lengths = body.map((l) => l.text.length);
  const max = Math.max(...lengths);
  const min = Math.min(...lengths);
  return open / body.length >= 0.6 && min >= 40 && max <= 100 && max - min <= 35;
}

// A period after these does not end a sentence.
const ABBREV = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sen",
  "rep",
  "gov",
  "gen",
  "lt",
  "col",
  "sgt",
  "capt",
  "st",
  "jr",
  "sr",
  "vs",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "no",
  "inc",
  "corp",
  "co",
  "ltd",
  "u.s",
  "u.k",
  "u.n",
  "e.u",
  "d.c",
  "a.m",
  "p.m",
  "ft",
  "mt",
  "ave",
  "rev",
  "hon",
  "pres",
  "gov",
  "atty",
  "supt",
]);
const SENTENCE_END = /[.!?…]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018([]?[A-Z0-9\u201c])/g;

/**
 * Splits a paragraph into sentences with offsets, not breaking after common abbreviations
 * ("Mr.", "U.S.") or single initials ("Antony J. Blinken").
 * @example splitSentences("Mr. Blinken spoke. He left.").map((s) => s.text) // ["Mr. Blinken spoke.", "He left."]
 */
export function splitSentences(text: string, offset = 0): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === "." && isAbbreviation(text, m.index)) continue;
    push(out, text, start, end, offset);
    start = end;
  }
  push(out, text, start, text.length, offset);
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1])) i--;
  const word = text.slice(i, dot).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word))
    return text[i] === text[i].toUpperCase() && text[i] !== text[i].toLowerCase();
  return ABBREV.has(word);
}

function push(out: Segment[], text: string, start: number, end: number, offset: number): void {
  const raw = text.slice(start, end);
  const t = raw.trim();
  if (!t) return;
  const lead = raw.length - raw.trimStart().length;
  out.push({ text: t, start: offset + start + lead, end: offset + start + lead + t.length });
}
