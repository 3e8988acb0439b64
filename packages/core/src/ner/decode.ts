// Tag sets and Viterbi decoding with hard constraints (an I- tag never follows O, etc.), so every
// decoded sequence is a well-formed set of spans.
import { ENTITY_TYPES } from "./conll.ts";

export type TrainScheme = "IOB2" | "BILOU";

export interface TagSet {
  scheme: TrainScheme;
  names: string[];
  /** allowed[prev * K + cur] = 1 when cur may follow prev. */
  allowed: Uint8Array;
  /** Tags a sentence may start / end with. */
  start: Uint8Array;
  end: Uint8Array;
  /** prevs[prevStart[c] .. prevStart[c+1]) are the tags allowed before c (so Viterbi skips the rest). */
  prevs: Int32Array;
  prevStart: Int32Array;
}

/**
 * The tags of a scheme with their legal transitions.
 *
 * @example
 * makeTagSet("IOB2").names // → ["O", "B-PER", "I-PER", "B-ORG", ...]
 */
export function makeTagSet(scheme: TrainScheme): TagSet {
  const prefixes = scheme === "IOB2" ? ["B", "I"] : ["B", "I", "L", "U"];
  const names = ["O"];
  for (const t of ENTITY_TYPES) for (const p of prefixes) names.push(`${p}-${t}`);
  const K = names.length;
  const allowed = new Uint8Array(K * K);
  const start = new Uint8Array(K);
  const end = new Uint8Array(K);
  const parse = (n: string) => (n === "O" ? ["O", ""] : [n[0], n.slice(2)]);
  for (let c = 0; c < K; c++) {
    const [cp] = parse(names[c]);
    // Inside/last tags continue an entity; everything else opens one or is outside.
    const continues = cp === "I" || cp === "L";
    start[c] = continues ? 0 : 1;
    end[c] = scheme === "BILOU" && (cp === "B" || cp === "I") ? 0 : 1;
    for (let p = 0; p < K; p++) {
      const [pp, pt] = parse(names[p]);
      const [, ct] = parse(names[c]);
      const open = scheme === "BILOU" ? pp === "B" || pp === "I" : pp === "B" || pp === "I";
      let ok: boolean;
      if (scheme === "BILOU") ok = open ? continues && ct === pt : !continues;
      else ok = continues ? open && ct === pt : true;
      allowed[p * K + c] = ok ? 1 : 0;
    }
  }
  const prevStart = new Int32Array(K + 1);
  const list: number[] = [];
  for (let c = 0; c < K; c++) {
    prevStart[c] = list.length;
    for (let p = 0; p < K; p++) if (allowed[p * K + c]) list.push(p);
  }
  prevStart[K] = list.length;
  return { scheme, names, allowed, start, end, prevs: Int32Array.from(list), prevStart };
}

let scratch = new Float64Array(0);
let back = new Int32Array(0);

/**
 * Best tag sequence for n tokens given emission scores em[t*K + k], transition scores
 * trans[p*K + c] and start/end scores, honouring the tag set's constraints. Writes tag ids to out.
 *
 * @example
 * const ts = makeTagSet("IOB2");
 * viterbi(new Float32Array(2 * 9), 2, ts, new Float32Array(81), new Float32Array(9), new Float32Array(9), new Int32Array(2));
 */
export function viterbi(
  em: ArrayLike<number>,
  n: number,
  ts: TagSet,
  trans: ArrayLike<number>,
  startW: ArrayLike<number>,
  endW: ArrayLike<number>,
  out: Int32Array,
): void {
  const K = ts.names.length;
  if (n === 0) return;
  if (scratch.length < n * K) {
    scratch = new Float64Array(n * K * 2);
    back = new Int32Array(n * K * 2);
  }
  const NEG = -1e300;
  const { prevs, prevStart } = ts;
  const sc = scratch,
    bk = back;
  for (let c = 0; c < K; c++) sc[c] = ts.start[c] ? startW[c] + em[c] : NEG;
  for (let t = 1; t < n; t++) {
    const base = t * K,
      pbase = base - K;
    for (let c = 0; c < K; c++) {
      let best = NEG,
        arg = 0;
      for (let q = prevStart[c]; q < prevStart[c + 1]; q++) {
        const p = prevs[q];
        const v = sc[pbase + p] + trans[p * K + c];
        if (v > best) (best = v), (arg = p);
      }
      sc[base + c] = best + em[base + c];
      bk[base + c] = arg;
    }
  }
  let best = NEG,
    arg = 0;
  const last = (n - 1) * K;
  for (let c = 0; c < K; c++) {
    if (!ts.end[c]) continue;
    const v = sc[last + c] + endW[c];
    if (v > best) (best = v), (arg = c);
  }
  out[n - 1] = arg;
  for (let t = n - 1; t > 0; t--) out[t - 1] = bk[t * K + out[t]];
}
