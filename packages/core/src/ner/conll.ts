// CoNLL-2003 reading, tag-scheme conversion and conlleval-style scoring. Pure (takes text, not paths)
// so the bench, the training script and the tests share one implementation.
import { err, ok, type Result } from "../errors.ts";

export const ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type NerType = (typeof ENTITY_TYPES)[number];

export interface ConllSentence {
  tokens: string[];
  /** Gold tags (last column) as written in the file, or "O" when the line has a single column. */
  tags: string[];
  /** The original lines, so a prediction can be appended as a new last column. */
  lines: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/** A chunk [start, end) of one sentence with its type. */
export interface TagSpan {
  start: number;
  end: number;
  type: string;
}

/**
 * Parses CoNLL text: one token per line, blank lines between sentences, `-DOCSTART-` between documents.
 *
 * @example
 * const docs = parseConll("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n", "x.conll");
 * // docs.ok && docs.value[0].sentences[0].tokens → ["EU", "rejects"]
 */
export function parseConll(text: string, input = "<conll>"): Result<ConllDocument[]> {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let cur: ConllSentence = { tokens: [], tags: [], lines: [] };
  const flushSentence = () => {
    if (cur.tokens.length) doc.sentences.push(cur);
    cur = { tokens: [], tags: [], lines: [] };
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const cols = line.trim().split(/\s+/);
    if (cols[0] === "") {
      flushSentence();
      continue;
    }
    if (cols[0] === "-DOCSTART-") {
      flushSentence();
      if (doc.sentences.length) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    const tag = cols.length > 1 ? cols[cols.length - 1] : "O";
    if (tag !== "O" && !/^([BIES]-)?[A-Za-z]+$/.test(tag)) {
      return err(
        "input_malformed",
        `${input} line ${n + 1}: "${tag}" is not an IOB tag (expected O, I-PER, B-LOC, ...)`,
        input,
        {
          line: n + 1,
        },
      );
    }
    cur.tokens.push(cols[0]);
    cur.tags.push(tag);
    cur.lines.push(line);
  }
  flushSentence();
  if (doc.sentences.length) docs.push(doc);
  if (!docs.length) return err("input_empty", `${input} holds no CoNLL tokens`, input);
  return ok(docs);
}

function splitTag(tag: string): [string, string] {
  if (tag === "O" || tag === "") return ["O", ""];
  if (tag.length > 2 && tag[1] === "-" && "BIESLU".includes(tag[0])) return [tag[0], tag.slice(2)];
  return ["I", tag];
}

/**
 * Chunks exactly as conlleval counts them; IOB1, IOB2, IOBES and BILOU all read the same way.
 *
 * @example
 * tagsToSpans(["I-PER", "I-PER", "O", "B-LOC"]) // → [{start:0,end:2,type:"PER"},{start:3,end:4,type:"LOC"}]
 */
export function tagsToSpans(tags: readonly string[]): TagSpan[] {
  const out: TagSpan[] = [];
  let prevP = "O";
  let prevT = "";
  let start = -1;
  for (let i = 0; i <= tags.length; i++) {
    let [p, t] = i < tags.length ? splitTag(tags[i]) : ["O", ""];
    // BILOU's L and U are conlleval's E and S.
    if (p === "L") p = "E";
    else if (p === "U") p = "S";
    if (start >= 0) {
      const ends = prevP === "E" || prevP === "S" || p === "B" || p === "S" || p === "O" || prevT !== t;
      if (ends) {
        out.push({ start, end: i, type: prevT });
        start = -1;
      }
    }
    if (p !== "O") {
      const starts = p === "B" || p === "S" || prevP === "O" || prevP === "E" || prevP === "S" || prevT !== t;
      if (starts) start = i;
    }
    prevP = p;
    prevT = t;
  }
  return out;
}

export type TagScheme = "IOB1" | "IOB2" | "BILOU";

/**
 * Writes spans as tags of the given scheme (IOB1 = the original CoNLL-2003 scheme, B- only between
 * two adjacent entities of one type).
 *
 * @example
 * spansToTags([{ start: 0, end: 2, type: "PER" }], 3, "BILOU") // → ["B-PER", "L-PER", "O"]
 */
export function spansToTags(spans: readonly TagSpan[], length: number, scheme: TagScheme): string[] {
  const tags = new Array<string>(length).fill("O");
  let prevEnd = -1;
  let prevType = "";
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) {
      let p = "I";
      if (scheme === "IOB2") p = i === s.start ? "B" : "I";
      else if (scheme === "BILOU") p = s.end - s.start === 1 ? "U" : i === s.start ? "B" : i === s.end - 1 ? "L" : "I";
      else if (i === s.start && prevEnd === s.start && prevType === s.type) p = "B";
      tags[i] = `${p}-${s.type}`;
    }
    prevEnd = s.end;
    prevType = s.type;
  }
  return tags;
}

/** True when the tags look like IOB1: no B- except directly after an entity of the same type. */
export function isIob1(tagSeqs: readonly (readonly string[])[]): boolean {
  for (const tags of tagSeqs) {
    for (let i = 0; i < tags.length; i++) {
      const [p, t] = splitTag(tags[i]);
      if (p !== "B") continue;
      const [pp, pt] = i > 0 ? splitTag(tags[i - 1]) : ["O", ""];
      if (pp === "O" || pt !== t) return false;
    }
  }
  return true;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface NerScore {
  overall: PRF;
  byType: Record<string, PRF>;
  tokens: number;
  tokenAccuracy: number;
}

function prf(correct: number, gold: number, predicted: number): PRF {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

/**
 * Entity-level micro precision/recall/F1 with exact span and type, as conlleval (and
 * bench/scorers/score_ner.py) counts them.
 *
 * @example
 * scoreNer([["I-PER", "O"]], [["B-PER", "O"]]).overall.f1 // → 1
 */
export function scoreNer(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): NerScore {
  const g: Record<string, number> = {};
  const p: Record<string, number> = {};
  const c: Record<string, number> = {};
  let tokens = 0;
  let tokOk = 0;
  let G = 0;
  let P = 0;
  let C = 0;
  for (let s = 0; s < gold.length; s++) {
    const gs = tagsToSpans(gold[s]);
    const ps = tagsToSpans(pred[s]);
    const keys = new Set(gs.map((x) => `${x.start},${x.end},${x.type}`));
    for (const x of gs) g[x.type] = (g[x.type] ?? 0) + 1;
    for (const x of ps) {
      p[x.type] = (p[x.type] ?? 0) + 1;
      if (keys.has(`${x.start},${x.end},${x.type}`)) {
        c[x.type] = (c[x.type] ?? 0) + 1;
        C++;
      }
    }
    G += gs.length;
    P += ps.length;
    for (let i = 0; i < gold[s].length; i++) {
      tokens++;
      const a = splitTag(gold[s][i]);
      const b = splitTag(pred[s][i]);
      if (a[0] === b[0] && a[1] === b[1]) tokOk++;
    }
  }
  const byType: Record<string, PRF> = {};
  const types = [
    ...ENTITY_TYPES,
    ...Object.keys({ ...g, ...p })
      .filter((t) => !(ENTITY_TYPES as readonly string[]).includes(t))
      .sort(),
  ];
  for (const t of types) byType[t] = prf(c[t] ?? 0, g[t] ?? 0, p[t] ?? 0);
  return { overall: prf(C, G, P), byType, tokens, tokenAccuracy: tokens ? tokOk / tokens : 0 };
}
