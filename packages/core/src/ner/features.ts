// Feature extraction for the tagger. Each token's word, lowercase form, shapes and affixes are hashed
// once per document; templates combine those integers, and the result is reduced to an index into
// the model's hashed weight table. No feature string is ever built.
import { finalize as finalizeImported, hashLower, hashString, mix as mixImported } from "./hash.ts";
import { GAZ_MAX_LEN, GAZETTEER_SEED, gazetteerStep, type Gazetteer } from "./gazetteer.ts";

/** Feature groups, switchable so the training script can measure what each one is worth. */
export const FEATURE_GROUPS = {
  affix: 1,
  context2: 2,
  shapeConj: 4,
  position: 8,
  docCase: 16,
  aggregate: 32,
  gazetteer: 64,
} as const;
export const ALL_FEATURES = 127;

export interface FeatureOptions {
  /** Bit set of FEATURE_GROUPS. */
  groups: number;
  /** Names from the training data (the shipped list). */
  gazetteer?: Gazetteer;
  /** Names seen across the current batch of articles. */
  batch?: Gazetteer;
  /** Training only: this document's own gold names, subtracted so the model learns from names seen elsewhere. */
  exclude?: Gazetteer;
}

/** Features of every token of a document: token t owns feats[offs[t] .. offs[t+1]). */
export interface DocFeatures {
  feats: Int32Array;
  offs: Int32Array;
  /** sentStarts[s] is the index of the first token of sentence s; one extra entry at the end. */
  sentStarts: Int32Array;
}

// Template ids; any distinct constants work, they only seed the hash.
const T_BIAS = 1,
  T_W = 2,
  T_L = 3,
  T_SL = 4,
  T_SS = 5,
  T_PRE = 6,
  T_SUF = 10;
const T_LM1 = 20,
  T_LP1 = 21,
  T_LM2 = 22,
  T_LP2 = 23,
  T_SSM1 = 24,
  T_SSP1 = 25;
const T_SS_M1_0 = 26,
  T_SS_0_P1 = 27,
  T_SS_3 = 28,
  T_L_M1_0 = 29,
  T_L_0_P1 = 30;
const T_HEAD = 31,
  T_POS = 32,
  T_SENTIDX = 33,
  T_SENTLEN = 34,
  T_HEAD_L = 35;
const T_DOC1 = 40,
  T_DOC2 = 41,
  T_DOC3 = 42,
  T_AGGP = 43,
  T_AGGN = 44;
const T_GAZ = 50,
  T_GAZMAJ = 51,
  T_GAZCAP = 52,
  T_WM1 = 53,
  T_WP1 = 54;

// Module-local bindings: under tsx/CommonJS interop an imported function is read through a
// getter on every call, which cost a quarter of the tagging time in profiles.
const mix = mixImported;
const finalize = finalizeImported;

const BOS = hashString("<s>", 7);
const EOS = hashString("</s>", 7);
const MAX_AGG = 4;

// Per-token scratch, grown as needed and reused across documents (the tagger is single-threaded).
let cap = 0;
let W = new Int32Array(0),
  L = new Int32Array(0),
  SL = new Int32Array(0),
  SS = new Int32Array(0);
let PRE = new Int32Array(0),
  SUF = new Int32Array(0),
  FLAGS = new Uint8Array(0),
  LEN = new Uint16Array(0);
const F_UPPER1 = 1,
  F_ALLUP = 2,
  F_LOWER1 = 4,
  F_LETTER = 8;

function ensure(n: number): void {
  if (n <= cap) return;
  cap = Math.max(n, cap * 2, 1024);
  W = new Int32Array(cap);
  L = new Int32Array(cap);
  SL = new Int32Array(cap);
  SS = new Int32Array(cap);
  PRE = new Int32Array(cap * 4);
  SUF = new Int32Array(cap * 4);
  FLAGS = new Uint8Array(cap);
  LEN = new Uint16Array(cap);
}

function charClass(w: string, i: number): number {
  const c = w.charCodeAt(i);
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 48 && c <= 57) return 100; // d
  if (c < 128) return c;
  const ch = w[i];
  if (ch !== ch.toLowerCase()) return 88;
  if (ch !== ch.toUpperCase()) return 120;
  return 0x2022; // any other non-ASCII symbol
}

function tokenInfo(w: string, t: number): void {
  W[t] = hashString(w, 11);
  L[t] = hashLower(w, 1);
  const n = w.length;
  LEN[t] = Math.min(n, 65535);
  let sl = 0x811c9dc5 | 0,
    ss = 0x811c9dc5 | 0,
    prev = -1,
    run = 0,
    flags = 0,
    upper = 0,
    lower = 0;
  let pre = 0x811c9dc5 | 0;
  for (let i = 0; i < n; i++) {
    const k = charClass(w, i);
    if (k === 88) upper++;
    else if (k === 120) lower++;
    if (i === 0) flags |= k === 88 ? F_UPPER1 : k === 120 ? F_LOWER1 : 0;
    if (k === prev) run++;
    else {
      run = 1;
      ss = Math.imul(ss ^ k, 0x01000193);
    }
    if (run <= 4) sl = Math.imul(sl ^ k, 0x01000193);
    prev = k;
    if (i < 4) {
      let c = w.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      pre = Math.imul(pre ^ c, 0x01000193);
      PRE[t * 4 + i] = pre;
    }
  }
  for (let i = n; i < 4; i++) PRE[t * 4 + i] = 0;
  let suf = 0x811c9dc5 | 0;
  for (let i = 0; i < 4; i++) {
    if (i < n) {
      let c = w.charCodeAt(n - 1 - i);
      if (c >= 65 && c <= 90) c += 32;
      suf = Math.imul(suf ^ c, 0x01000193);
      SUF[t * 4 + i] = suf;
    } else SUF[t * 4 + i] = 0;
  }
  if (upper + lower > 0) flags |= F_LETTER;
  if (upper > 0 && lower === 0) flags |= F_ALLUP;
  FLAGS[t] = flags;
  SL[t] = sl;
  SS[t] = ss;
}

// Gazetteer matches of the current sentence: [from, to (inclusive), type bits, best type,
// majority flag, source (0 shipped, 1 batch)] per match.
const SPAN_FIELDS = 6;
let SPANS = new Int32Array(64 * SPAN_FIELDS);

function findGazetteerSpans(a: number, b: number, opts: FeatureOptions): number {
  let count = 0;
  for (let src = 0; src < 2; src++) {
    const gz = src === 0 ? opts.gazetteer : opts.batch;
    if (!gz || gz.size === 0) continue;
    const ex = src === 0 ? opts.exclude : undefined;
    for (let i = a; i < b; i++) {
      if (!(FLAGS[i] & F_UPPER1)) continue;
      let h = GAZETTEER_SEED;
      for (let j = i; j < b && j - i < GAZ_MAX_LEN; j++) {
        h = gazetteerStep(h, L[j]);
        const c = gz.get(h);
        if (!c) break; // no name starts with these tokens
        if (!(FLAGS[j] & F_LETTER)) continue;
        const e = ex ? ex.get(h) : undefined;
        let total = 0,
          best = 0,
          bestC = 0,
          types = 0;
        for (let ty = 0; ty < 4; ty++) {
          const v = c[ty] - (e ? e[ty] : 0);
          if (v <= 0) continue;
          total += v;
          types |= 1 << ty;
          if (v > bestC) (bestC = v), (best = ty);
        }
        if (total === 0) continue;
        if ((count + 1) * SPAN_FIELDS > SPANS.length) {
          const bigger = new Int32Array(SPANS.length * 2);
          bigger.set(SPANS);
          SPANS = bigger;
        }
        const o = count * SPAN_FIELDS;
        SPANS[o] = i;
        SPANS[o + 1] = j;
        SPANS[o + 2] = types;
        SPANS[o + 3] = best;
        SPANS[o + 4] = bestC * 2 > total ? 1 : 0;
        SPANS[o + 5] = src;
        count++;
      }
    }
  }
  return count;
}

/**
 * Computes the hashed feature indices of every token of a document (a list of tokenized sentences).
 * Document-level groups look at the other sentences: how a word is capitalized elsewhere, the
 * contexts of its other occurrences, and names from the gazetteers.
 *
 * @example
 * const f = featurizeDocument([["EU", "rejects", "German", "call"]], (1 << 20) - 1, { groups: ALL_FEATURES });
 * // f.offs[1] - f.offs[0] is the number of features of "EU"
 */
export function featurizeDocument(
  sentences: readonly (readonly string[])[],
  mask: number,
  opts: FeatureOptions,
): DocFeatures {
  let n = 0;
  for (const s of sentences) n += s.length;
  ensure(n);
  const sentStarts = new Int32Array(sentences.length + 1);
  const headline = new Uint8Array(sentences.length);
  let t = 0;
  for (let s = 0; s < sentences.length; s++) {
    sentStarts[s] = t;
    const toks = sentences[s];
    let up = 0,
      low = 0;
    for (let i = 0; i < toks.length; i++, t++) {
      tokenInfo(toks[i], t);
      const f = FLAGS[t];
      if (f & F_LETTER) {
        if (f & F_ALLUP) up++;
        else low++;
      }
    }
    // An ALL-CAPS sentence (Reuters headlines, datelines) carries no capitalization evidence.
    headline[s] = up > 0 && low === 0 && toks.length > 0 ? 1 : 0;
  }
  sentStarts[sentences.length] = n;
  const g = opts.groups;

  // How each word is written in sentences where capitalization means something. Map keys are cut
  // to 30 bits so V8 keeps them as small integers.
  const docCase = new Map<number, number>();
  const occ = new Map<number, number[]>();
  if (g & (FEATURE_GROUPS.docCase | FEATURE_GROUPS.aggregate)) {
    for (let s = 0; s < sentences.length; s++) {
      const a = sentStarts[s],
        b = sentStarts[s + 1];
      for (let i = a; i < b; i++) {
        const f = FLAGS[i];
        if (!(f & F_LETTER)) continue;
        const key = L[i] & 0x3fffffff;
        if (!headline[s]) {
          const bit =
            i === a ? (f & F_UPPER1 ? 4 : 0) : f & F_ALLUP && LEN[i] > 1 ? 8 : f & F_UPPER1 ? 2 : f & F_LOWER1 ? 1 : 0;
          if (bit) docCase.set(key, (docCase.get(key) ?? 0) | bit);
        }
        if (f & F_UPPER1) {
          let list = occ.get(key);
          if (!list) occ.set(key, (list = []));
          if (list.length < MAX_AGG * 3) list.push(i, i > a ? L[i - 1] : BOS, i + 1 < b ? L[i + 1] : EOS);
        }
      }
    }
  }

  let feats = new Int32Array(n * 48 + 256);
  const offs = new Int32Array(n + 1);
  let k = 0;

  for (let s = 0; s < sentences.length; s++) {
    const a = sentStarts[s],
      b = sentStarts[s + 1];
    const len = b - a;
    const head = headline[s];
    const sentIdx = Math.min(s, 3);
    const lenBucket = len <= 3 ? len : len <= 6 ? 4 : 5;
    const nSpans = g & FEATURE_GROUPS.gazetteer ? findGazetteerSpans(a, b, opts) : 0;

    for (let i = a; i < b; i++) {
      // Room for every feature of this token: the fixed templates, the aggregates and the spans.
      if (k + 64 + nSpans * 6 > feats.length) {
        const bigger = new Int32Array(feats.length * 2 + nSpans * 6);
        bigger.set(feats.subarray(0, k));
        feats = bigger;
      }
      offs[i] = k;
      const p = i - a;
      const lm1 = i > a ? L[i - 1] : BOS,
        lp1 = i + 1 < b ? L[i + 1] : EOS;
      const ssm1 = i > a ? SS[i - 1] : BOS,
        ssp1 = i + 1 < b ? SS[i + 1] : EOS;
      feats[k++] = finalize(T_BIAS) & mask;
      feats[k++] = finalize(mix(T_W, W[i])) & mask;
      feats[k++] = finalize(mix(T_L, L[i])) & mask;
      feats[k++] = finalize(mix(T_SL, SL[i])) & mask;
      feats[k++] = finalize(mix(T_SS, SS[i])) & mask;
      feats[k++] = finalize(mix(T_LM1, lm1)) & mask;
      feats[k++] = finalize(mix(T_LP1, lp1)) & mask;
      feats[k++] = finalize(mix(T_WM1, i > a ? W[i - 1] : BOS)) & mask;
      feats[k++] = finalize(mix(T_WP1, i + 1 < b ? W[i + 1] : EOS)) & mask;
      if (g & FEATURE_GROUPS.affix) {
        for (let q = 0; q < 4; q++) {
          if (PRE[i * 4 + q]) feats[k++] = finalize(mix(T_PRE + q, PRE[i * 4 + q])) & mask;
          if (SUF[i * 4 + q]) feats[k++] = finalize(mix(T_SUF + q, SUF[i * 4 + q])) & mask;
        }
      }
      if (g & FEATURE_GROUPS.context2) {
        feats[k++] = finalize(mix(T_LM2, i > a + 1 ? L[i - 2] : BOS)) & mask;
        feats[k++] = finalize(mix(T_LP2, i + 2 < b ? L[i + 2] : EOS)) & mask;
        feats[k++] = finalize(mix(mix(T_L_M1_0, lm1), L[i])) & mask;
        feats[k++] = finalize(mix(mix(T_L_0_P1, L[i]), lp1)) & mask;
      }
      if (g & FEATURE_GROUPS.shapeConj) {
        feats[k++] = finalize(mix(T_SSM1, ssm1)) & mask;
        feats[k++] = finalize(mix(T_SSP1, ssp1)) & mask;
        feats[k++] = finalize(mix(mix(T_SS_M1_0, ssm1), SS[i])) & mask;
        feats[k++] = finalize(mix(mix(T_SS_0_P1, SS[i]), ssp1)) & mask;
        feats[k++] = finalize(mix(mix(mix(T_SS_3, ssm1), SS[i]), ssp1)) & mask;
      }
      if (g & FEATURE_GROUPS.position) {
        const pb = p === 0 ? 0 : p === 1 ? 1 : 2;
        feats[k++] = finalize(mix(mix(T_HEAD, head * 4 + pb), SS[i])) & mask;
        feats[k++] = finalize(mix(mix(T_POS, pb), SS[i])) & mask;
        feats[k++] = finalize(mix(mix(T_SENTIDX, sentIdx * 2 + head), SS[i])) & mask;
        feats[k++] = finalize(mix(mix(T_SENTLEN, lenBucket), SS[i])) & mask;
        if (head) feats[k++] = finalize(mix(T_HEAD_L, L[i])) & mask;
      }
      if (g & FEATURE_GROUPS.docCase && FLAGS[i] & F_LETTER) {
        const dc = docCase.get(L[i] & 0x3fffffff) ?? 0;
        feats[k++] = finalize(mix(mix(T_DOC1, dc), SS[i])) & mask;
        feats[k++] = finalize(mix(mix(T_DOC2, dc), head * 4 + (p === 0 ? 1 : 0))) & mask;
        feats[k++] = finalize(mix(mix(T_DOC3, dc & 3), L[i])) & mask;
      }
      if (g & FEATURE_GROUPS.aggregate && FLAGS[i] & F_UPPER1) {
        const list = occ.get(L[i] & 0x3fffffff);
        if (list) {
          for (let q = 0; q < list.length; q += 3) {
            if (list[q] === i) continue;
            feats[k++] = finalize(mix(T_AGGP, list[q + 1])) & mask;
            feats[k++] = finalize(mix(T_AGGN, list[q + 2])) & mask;
          }
        }
      }
      for (let q = 0; q < nSpans; q++) {
        const o = q * SPAN_FIELDS;
        const from = SPANS[o],
          to = SPANS[o + 1];
        if (i < from || i > to) continue;
        const pos = from === to ? 3 : i === from ? 0 : i === to ? 2 : 1;
        const types = SPANS[o + 2],
          best = SPANS[o + 3],
          majority = SPANS[o + 4];
        // Shipped and batch names share the same features: the batch list is trained "for free".
        for (let ty = 0; ty < 4; ty++) if (types & (1 << ty)) feats[k++] = finalize(mix(T_GAZ, ty * 4 + pos)) & mask;
        feats[k++] = finalize(mix(mix(T_GAZMAJ, best * 4 + pos), majority)) & mask;
        feats[k++] = finalize(mix(mix(T_GAZCAP, best * 4 + pos), FLAGS[i] & 7)) & mask;
      }
    }
  }
  offs[n] = k;
  return { feats: feats.subarray(0, k), offs, sentStarts };
}
