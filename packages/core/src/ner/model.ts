// The model: a hashed weight table (bucket × tag), tag transitions and the training-data gazetteer.
// Serialized compactly: rows (buckets) with any non-zero weight, delta-coded, with a bit mask of the
// tags that have a weight, and weights quantized to int8 or int16 with one shared scale.
import { makeTagSet, viterbi, type TagSet, type TrainScheme } from "./decode.ts";
import { packGazetteer, unpackGazetteer, type Gazetteer } from "./gazetteer.ts";
import type { DocFeatures } from "./features.ts";

export interface NerModel {
  tagSet: TagSet;
  /** log2 of the number of buckets. */
  bits: number;
  /** Feature groups the model was trained with (FEATURE_GROUPS bits). */
  groups: number;
  /**
   * weights[row * K + tag] × scale is the weight, where row = rowOf[bucket] when rowOf is set
   * (shipped models: only buckets with a weight take memory) and row = bucket otherwise (training).
   */
  weights: Float32Array | Int16Array | Int8Array;
  rowOf?: Int32Array;
  /**
   * One bit per bucket, set when the bucket has a row. Most features of a text were never given a
   * weight; this 128 KiB filter answers that from cache instead of a miss into rowOf.
   */
  present?: Uint32Array;
  scale: number;
  trans: Float32Array;
  startW: Float32Array;
  endW: Float32Array;
  gazetteer: Gazetteer;
}

let em = new Float32Array(0);
let emInt = new Int32Array(0);
let path = new Int32Array(0);

/**
 * Tags every sentence of a featurized document; tag ids go to out (one per token).
 *
 * @example
 * const f = featurizeDocument(sentences, (1 << model.bits) - 1, { groups: model.groups, gazetteer: model.gazetteer });
 * tagFeatures(model, f, new Int32Array(f.offs.length - 1));
 */
export function tagFeatures(model: NerModel, df: DocFeatures, out: Int32Array): void {
  const K = model.tagSet.names.length;
  const w = model.weights;
  const n = df.offs.length - 1;
  if (em.length < n * K) {
    em = new Float32Array(n * K * 2);
    emInt = new Int32Array(n * K * 2);
  }
  const { feats, offs } = df;
  const em_ = em,
    emInt_ = emInt;
  if (w instanceof Float32Array) {
    const em = em_;
    for (let t = 0; t < n; t++) {
      const base = t * K;
      for (let k = 0; k < K; k++) em[base + k] = 0;
      for (let f = offs[t]; f < offs[t + 1]; f++) {
        const row = feats[f] * K;
        for (let k = 0; k < K; k++) em[base + k] += w[row + k];
      }
    }
  } else if (!model.rowOf && K === 9) {
    // The shipped case (IOB2, dense table): nine accumulators in registers instead of nine memory
    // writes per feature.
    const s = model.scale;
    const em = em_;
    for (let t = 0; t < n; t++) {
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        a4 = 0,
        a5 = 0,
        a6 = 0,
        a7 = 0,
        a8 = 0;
      for (let f = offs[t], e = offs[t + 1]; f < e; f++) {
        const r = feats[f] * 9;
        a0 += w[r];
        a1 += w[r + 1];
        a2 += w[r + 2];
        a3 += w[r + 3];
        a4 += w[r + 4];
        a5 += w[r + 5];
        a6 += w[r + 6];
        a7 += w[r + 7];
        a8 += w[r + 8];
      }
      const b = t * 9;
      em[b] = a0 * s;
      em[b + 1] = a1 * s;
      em[b + 2] = a2 * s;
      em[b + 3] = a3 * s;
      em[b + 4] = a4 * s;
      em[b + 5] = a5 * s;
      em[b + 6] = a6 * s;
      em[b + 7] = a7 * s;
      em[b + 8] = a8 * s;
    }
  } else if (!model.rowOf || !model.present) {
    const s = model.scale;
    const em = em_,
      emInt = emInt_;
    for (let t = 0; t < n; t++) {
      const base = t * K;
      for (let k = 0; k < K; k++) emInt[base + k] = 0;
      for (let f = offs[t]; f < offs[t + 1]; f++) {
        const row = feats[f] * K;
        for (let k = 0; k < K; k++) emInt[base + k] += w[row + k];
      }
      for (let k = 0; k < K; k++) em[base + k] = emInt[base + k] * s;
    }
  } else {
    // Integer accumulation, scaled once per token: exact and cheaper than float adds.
    const s = model.scale;
    const rowOf = model.rowOf;
    const present = model.present;
    const em = em_,
      emInt = emInt_;
    for (let t = 0; t < n; t++) {
      const base = t * K;
      for (let k = 0; k < K; k++) emInt[base + k] = 0;
      for (let f = offs[t]; f < offs[t + 1]; f++) {
        const b = feats[f];
        if (!(present[b >>> 5] & (1 << (b & 31)))) continue;
        const r = rowOf[b];
        const row = r * K;
        for (let k = 0; k < K; k++) emInt[base + k] += w[row + k];
      }
      for (let k = 0; k < K; k++) em[base + k] = emInt[base + k] * s;
    }
  }
  for (let s = 0; s + 1 < df.sentStarts.length; s++) {
    const a = df.sentStarts[s],
      len = df.sentStarts[s + 1] - a;
    if (len === 0) continue;
    if (path.length < len) path = new Int32Array(len * 2);
    viterbi(
      len === n ? em_ : em_.subarray(a * K, (a + len) * K),
      len,
      model.tagSet,
      model.trans,
      model.startW,
      model.endW,
      path,
    );
    for (let i = 0; i < len; i++) out[a + i] = path[i];
  }
}

const MAGIC = 0x3152454e; // "NER1"
/** Up to 2^19 buckets the table is expanded densely at load (2^19 × 9 tags × int16 = 9 MiB at most). */
const DENSE_MAX_BITS = 19;

function pushVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

export interface PackOptions {
  /** 8 or 16 bit weights. */
  quantBits: 8 | 16;
  /** Weights whose magnitude is below this fraction of the largest are dropped. */
  prune: number;
}

/** Serializes a float model (as trained) into the shipped binary form. */
export function packModel(model: NerModel, opts: PackOptions): { bytes: Uint8Array; rows: number; nonZero: number } {
  const K = model.tagSet.names.length;
  const w = model.weights;
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i] * model.scale));
  const qmax = opts.quantBits === 8 ? 127 : 32767;
  const scale = max / qmax;
  const threshold = max * opts.prune;
  const body: number[] = [];
  let rows = 0,
    nonZero = 0,
    prevRow = -1;
  const q = new Int32Array(K);
  for (let r = 0; r < w.length / K; r++) {
    let mask = 0;
    for (let k = 0; k < K; k++) {
      const v = w[r * K + k] * model.scale;
      q[k] = Math.abs(v) < threshold ? 0 : Math.round(v / scale);
      if (q[k] !== 0) mask |= 1 << k;
    }
    if (!mask) continue;
    rows++;
    pushVarint(body, r - prevRow - 1);
    prevRow = r;
    pushVarint(body, mask);
    for (let k = 0; k < K; k++) {
      if (!q[k]) continue;
      nonZero++;
      if (opts.quantBits === 8) body.push(q[k] & 0xff);
      else body.push(q[k] & 0xff, (q[k] >> 8) & 0xff);
    }
  }
  const gaz = packGazetteer(model.gazetteer);
  const headerFloats = K * K + 2 * K;
  const head = new ArrayBuffer(32 + headerFloats * 4);
  const dv = new DataView(head);
  dv.setUint32(0, MAGIC, true);
  dv.setUint8(4, model.tagSet.scheme === "BILOU" ? 1 : 0);
  dv.setUint8(5, model.bits);
  dv.setUint8(6, opts.quantBits);
  dv.setUint8(7, K);
  dv.setUint32(8, model.groups, true);
  dv.setFloat64(12, scale, true);
  dv.setUint32(20, rows, true);
  dv.setUint32(24, gaz.length, true);
  dv.setUint32(28, body.length, true);
  let o = 32;
  for (const arr of [model.trans, model.startW, model.endW])
    for (let i = 0; i < arr.length; i++, o += 4) dv.setFloat32(o, arr[i], true);
  const bytes = new Uint8Array(head.byteLength + gaz.length + body.length);
  bytes.set(new Uint8Array(head), 0);
  bytes.set(gaz, head.byteLength);
  bytes.set(body, head.byteLength + gaz.length);
  return { bytes, rows, nonZero };
}

/** Reads the shipped binary form into a model with a dense integer weight table. */
export function unpackModel(bytes: Uint8Array): NerModel {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 32 || dv.getUint32(0, true) !== MAGIC)
    throw new Error("ner model: bad magic, the model data is corrupt");
  const scheme: TrainScheme = dv.getUint8(4) === 1 ? "BILOU" : "IOB2";
  const bits = dv.getUint8(5);
  const quantBits = dv.getUint8(6);
  const K = dv.getUint8(7);
  const groups = dv.getUint32(8, true);
  const scale = dv.getFloat64(12, true);
  const rows = dv.getUint32(20, true);
  const gazLen = dv.getUint32(24, true);
  const tagSet = makeTagSet(scheme);
  const floats = new Float32Array(K * K + 2 * K);
  let o = 32;
  for (let i = 0; i < floats.length; i++, o += 4) floats[i] = dv.getFloat32(o, true);
  const gazetteer = unpackGazetteer(bytes.subarray(o, o + gazLen));
  o += gazLen;
  // Small tables are expanded densely (one memory access per feature); large ones keep only their
  // rows behind an index, trading a second access for memory.
  const dense = bits <= DENSE_MAX_BITS;
  const nRows = dense ? 1 << bits : rows;
  const weights = quantBits === 8 ? new Int8Array(nRows * K) : new Int16Array(nRows * K);
  const rowOf = dense ? undefined : new Int32Array(1 << bits).fill(-1);
  const present = dense ? undefined : new Uint32Array(Math.max(1, (1 << bits) >>> 5));
  let row = -1;
  for (let r = 0; r < rows; r++) {
    let delta = 0,
      mul = 1,
      b: number;
    do {
      b = bytes[o++];
      delta += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    row += delta + 1;
    const at = dense ? row : r;
    if (rowOf && present) {
      rowOf[row] = r;
      present[row >>> 5] |= 1 << (row & 31);
    }
    let mask = 0;
    mul = 1;
    do {
      b = bytes[o++];
      mask += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    for (let k = 0; k < K; k++) {
      if (!(mask & (1 << k))) continue;
      let v: number;
      if (quantBits === 8) v = (bytes[o++] << 24) >> 24;
      else {
        v = ((bytes[o] | (bytes[o + 1] << 8)) << 16) >> 16;
        o += 2;
      }
      weights[at * K + k] = v;
    }
  }
  return {
    tagSet,
    bits,
    groups,
    weights,
    rowOf,
    present,
    scale,
    trans: floats.subarray(0, K * K),
    startW: floats.subarray(K * K, K * K + K),
    endW: floats.subarray(K * K + K),
    gazetteer,
  };
}

/** base64 → bytes without Buffer, so it also runs in a browser. */
export function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
