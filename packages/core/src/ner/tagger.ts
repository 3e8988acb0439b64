// The public tagger: loads the shipped model once, on first use, and tags token sequences or text.
import { featurizeDocument } from "./features.ts";
import { addToGazetteer, type Gazetteer } from "./gazetteer.ts";
import { decodeBase64, tagFeatures, unpackModel, type NerModel } from "./model.ts";
import { NER_MODEL_BASE64 } from "./model.data.ts";
import { normalizeToken, tokenizeSentences } from "./tokenize.ts";
import { tagsToSpans, type NerType } from "./conll.ts";
import { harmonize } from "./harmonize.ts";

let shipped: NerModel | undefined;
let info: NerModelInfo | undefined;

export interface NerModelInfo {
  /** Size of the binary model (before base64). */
  bytes: number;
  /** Milliseconds spent decoding it on first use. */
  loadMs: number;
  scheme: string;
  buckets: number;
  /** Buckets that carry at least one weight. */
  rows: number;
  /** Memory taken by the decoded weight table. */
  denseBytes: number;
  gazetteerEntries: number;
}

/**
 * The shipped model, decoded on the first call (no network, no file system).
 *
 * @example
 * loadNerModel().tagSet.names.length // → 17 for a BILOU model
 */
export function loadNerModel(): NerModel {
  if (!shipped) {
    const t0 = performance.now();
    const bytes = decodeBase64(NER_MODEL_BASE64);
    shipped = unpackModel(bytes);
    info = {
      bytes: bytes.length,
      loadMs: performance.now() - t0,
      scheme: shipped.tagSet.scheme,
      buckets: 1 << shipped.bits,
      rows: new DataView(bytes.buffer, bytes.byteOffset).getUint32(20, true),
      denseBytes: shipped.weights.byteLength + (shipped.rowOf?.byteLength ?? 0) + (shipped.present?.byteLength ?? 0),
      gazetteerEntries: shipped.gazetteer.size,
    };
  }
  return shipped;
}

/** Size and load time of the shipped model (loads it if needed). */
export function nerModelInfo(): NerModelInfo {
  loadNerModel();
  return info!;
}

export interface TagOptions {
  /** Names seen across the current batch of articles (see buildGazetteer). */
  gazetteer?: Gazetteer;
  /** Another model (tests, experiments); defaults to the shipped one. */
  model?: NerModel;
  /** Document-level consistency pass (see harmonize.ts); on by default. */
  harmonize?: boolean;
}

// IOB2 name of each model tag id, so output strings are shared constants, not built per token.
const iob2Cache = new WeakMap<NerModel, string[]>();
function iob2Names(model: NerModel): string[] {
  let names = iob2Cache.get(model);
  if (!names) {
    names = model.tagSet.names.map((n) => (n[0] === "L" ? `I${n.slice(1)}` : n[0] === "U" ? `B${n.slice(1)}` : n));
    iob2Cache.set(model, names);
  }
  return names;
}

/**
 * Tags a document given as tokenized sentences; the sentences share document-level features (how a
 * word is capitalized elsewhere, the contexts of its other mentions). Returns IOB2 tags.
 *
 * @example
 * tagDocument([["EU", "rejects", "German", "call"]]) // → [["B-ORG", "O", "B-MISC", "O"]]
 */
export function tagDocument(sentences: readonly (readonly string[])[], opts: TagOptions = {}): string[][] {
  const model = opts.model ?? loadNerModel();
  const df = featurizeDocument(sentences, (1 << model.bits) - 1, {
    groups: model.groups,
    gazetteer: model.gazetteer,
    batch: opts.gazetteer,
  });
  const ids = new Int32Array(df.offs.length - 1);
  tagFeatures(model, df, ids);
  const names = iob2Names(model);
  const tags = sentences.map((_, s) => {
    const a = df.sentStarts[s];
    const out = new Array<string>(df.sentStarts[s + 1] - a);
    for (let i = 0; i < out.length; i++) out[i] = names[ids[a + i]];
    return out;
  });
  return opts.harmonize === false ? tags : harmonize(sentences, tags);
}

/**
 * Tags one sentence of tokens as given (CoNLL input is used as-is). Returns IOB2 tags
 * (B-/I- PER, ORG, LOC, MISC, or O).
 *
 * @example
 * tagTokens(["Antony", "J.", "Blinken", "visited", "Stockholm", "."])
 * // → ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "O"]
 */
export function tagTokens(tokens: readonly string[], opts: TagOptions = {}): string[] {
  return tagDocument([tokens], opts)[0];
}

export interface Mention {
  start: number;
  end: number;
  type: NerType;
  text: string;
}

/**
 * Finds PER/ORG/LOC/MISC mentions in text, with character offsets into it. The whole text is one
 * document (a name written plainly in the body helps its mention in a headline).
 *
 * @example
 * recognize("Secretary of State Antony J. Blinken spoke in Stockholm.")
 * // → [{ start: 19, end: 36, type: "PER", text: "Antony J. Blinken" }, { start: 46, end: 55, type: "LOC", text: "Stockholm" }]
 */
export function recognize(text: string, opts: TagOptions = {}): Mention[] {
  const sentences = tokenizeSentences(text);
  const tags = tagDocument(
    sentences.map((s) => {
      const toks = s.map((t) => normalizeToken(t.text));
      // The training headlines are ALL CAPS; a Title Case headline carries just as little case
      // evidence, so it is shown to the model the way the model knows headlines.
      return isTitleCase(toks) ? toks.map((t) => t.toUpperCase()) : toks;
    }),
    opts,
  );
  const out: Mention[] = [];
  sentences.forEach((toks, s) => {
    const spans = tagsToSpans(tags[s]);
    // A title before a capitalized word names a person. Reuters rarely writes "Mr.", so the model
    // learned little from it; news text elsewhere uses it on nearly every second mention.
    for (let i = 0; i + 1 < toks.length; i++) {
      if (!HONORIFIC_SHORT.test(toks[i].text) || !/^\p{Lu}\p{Ll}/u.test(toks[i + 1].text)) continue;
      const hit = spans.find((sp) => sp.start <= i + 1 && sp.end > i + 1);
      if (hit) {
        if (hit.start >= i) hit.type = "PER";
        continue;
      }
      let e = i + 2;
      while (e < toks.length && e < i + 4 && /^\p{Lu}/u.test(toks[e].text) && !spans.some((sp) => sp.start === e)) e++;
      spans.push({ start: i + 1, end: e, type: "PER" });
    }
    spans.sort((x, y) => x.start - y.start);
    for (const sp of spans) {
      // CoNLL names exclude titles ("Mr. Blinken" → "Blinken"); keep that convention on real text.
      while (sp.type === "PER" && sp.end - sp.start > 1 && HONORIFIC.test(toks[sp.start].text)) sp.start++;
      const start = toks[sp.start].start;
      const end = toks[sp.end - 1].end;
      out.push({ start, end, type: sp.type as NerType, text: text.slice(start, end) });
    }
  });
  return out;
}

const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Rev|President|Secretary|Minister)\.?$/;

const HONORIFIC_SHORT = /^(?:Mr|Mrs|Ms|Dr)\.?$/;

/** Headline-style capitalization: nearly every word of four or more letters starts upper-case. */
function isTitleCase(toks: readonly string[]): boolean {
  const end = toks[toks.length - 1];
  if (toks.length < 4 || end === "." || end === '"' || end === "'") return false;
  let words = 0,
    caps = 0,
    lowerShort = 0;
  for (const t of toks) {
    if (!/^\p{L}/u.test(t)) continue;
    if (t.length >= 4) {
      words++;
      if (/^\p{Lu}/u.test(t)) caps++;
    } else if (/^\p{Ll}/u.test(t)) lowerShort++;
  }
  // "Apple Unveils New iPhone as Sales Slow in China": allow the odd lower-case brand or word.
  return words >= 4 && caps >= 0.75 * words && caps > lowerShort;
}

/**
 * A per-batch gazetteer from names given as text (e.g. names confirmed across the outlets of one
 * story), to pass as `gazetteer`. Raw predictions fed back this way lowered dev F1 (docs/ner.md),
 * so give it names you trust.
 *
 * @example
 * const gaz = gazetteerFromMentions([{ text: "Sergey V. Lavrov", type: "PER" }]);
 * recognize("LAVROV WARNS NATO", { gazetteer: gaz });
 */
export function gazetteerFromMentions(mentions: readonly { text: string; type: NerType }[]): Gazetteer {
  const gaz: Gazetteer = new Map();
  for (const m of mentions) {
    const toks = tokenizeSentences(m.text)
      .flat()
      .map((t) => normalizeToken(t.text));
    addToGazetteer(gaz, toks, m.type);
  }
  return gaz;
}
