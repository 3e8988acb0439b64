// Averaged structured perceptron (Collins 2002) over the hashed features, decoded with constrained
// Viterbi. Pure and seeded: the same data and options give the same weights bit for bit.
import { makeTagSet, viterbi, type TrainScheme } from "./decode.ts";
import { featurizeDocument, type DocFeatures } from "./features.ts";
import { addToGazetteer, type Gazetteer } from "./gazetteer.ts";
import { spansToTags, tagsToSpans } from "./conll.ts";
import type { NerModel } from "./model.ts";

export interface TrainDoc {
  sentences: string[][];
  /** Gold tags in any IOB scheme. */
  tags: string[][];
}

export interface TrainOptions {
  scheme: TrainScheme;
  bits: number;
  groups: number;
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged model so far (for dev scoring). */
  onEpoch?: (epoch: number, model: NerModel) => void;
}

/** Small, fast, seeded PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function docGazetteer(doc: TrainDoc): Gazetteer {
  const gaz: Gazetteer = new Map();
  doc.sentences.forEach((toks, s) => {
    for (const sp of tagsToSpans(doc.tags[s])) addToGazetteer(gaz, toks.slice(sp.start, sp.end), sp.type);
  });
  return gaz;
}

/** The gazetteer of all names in the training documents. */
export function trainingGazetteer(docs: readonly TrainDoc[]): Gazetteer {
  const gaz: Gazetteer = new Map();
  for (const d of docs)
    for (const [k, c] of docGazetteer(d)) {
      let g = gaz.get(k);
      if (!g) gaz.set(k, (g = new Uint16Array(4)));
      for (let t = 0; t < 4; t++) g[t] = Math.min(65535, g[t] + c[t]);
    }
  return gaz;
}

/**
 * Trains a tagger. The gazetteer features of each training document are computed with that
 * document's own names removed, so the weights learn how much a name seen in *other* documents is
 * worth, which is the situation at tagging time.
 *
 * @example
 * const model = trainTagger(docs, { scheme: "BILOU", bits: 20, groups: ALL_FEATURES, epochs: 10, seed: 1 });
 */
export function trainTagger(docs: readonly TrainDoc[], opts: TrainOptions): NerModel {
  const tagSet = makeTagSet(opts.scheme);
  const K = tagSet.names.length;
  const tagIndex = new Map(tagSet.names.map((n, i) => [n, i]));
  const mask = (1 << opts.bits) - 1;
  const gazetteer = trainingGazetteer(docs);

  // Featurize everything once; epochs then only touch integers.
  const sents: { df: DocFeatures; a: number; n: number; gold: Int32Array }[] = [];
  for (const doc of docs) {
    const exclude = docGazetteer(doc);
    const df0 = featurizeDocument(doc.sentences, mask, { groups: opts.groups, gazetteer, exclude });
    const df: DocFeatures = { feats: df0.feats.slice(), offs: df0.offs, sentStarts: df0.sentStarts };
    doc.sentences.forEach((toks, s) => {
      const tags = spansToTags(tagsToSpans(doc.tags[s]), toks.length, opts.scheme === "BILOU" ? "BILOU" : "IOB2");
      sents.push({ df, a: df.sentStarts[s], n: toks.length, gold: Int32Array.from(tags, (t) => tagIndex.get(t)!) });
    });
  }

  const size = (mask + 1) * K;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const tw = new Float32Array(K * K + 2 * K);
  const tu = new Float64Array(K * K + 2 * K);
  const trans = tw.subarray(0, K * K),
    startW = tw.subarray(K * K, K * K + K),
    endW = tw.subarray(K * K + K);
  let c = 1;
  const rand = mulberry32(opts.seed);
  const order = sents.map((_, i) => i);
  let em = new Float32Array(256 * K);
  let pred = new Int32Array(256);

  const update = (idx: number, delta: number) => {
    w[idx] += delta;
    u[idx] += c * delta;
  };
  const updateT = (idx: number, delta: number) => {
    tw[idx] += delta;
    tu[idx] += c * delta;
  };

  const averaged = (): NerModel => {
    const aw = new Float32Array(size);
    for (let i = 0; i < size; i++) aw[i] = w[i] - u[i] / c;
    const at = new Float32Array(tw.length);
    for (let i = 0; i < tw.length; i++) at[i] = tw[i] - tu[i] / c;
    return {
      tagSet,
      bits: opts.bits,
      groups: opts.groups,
      weights: aw,
      scale: 1,
      trans: at.subarray(0, K * K),
      startW: at.subarray(K * K, K * K + K),
      endW: at.subarray(K * K + K),
      gazetteer,
    };
  };

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (const si of order) {
      const { df, a, n, gold } = sents[si];
      if (em.length < n * K) {
        em = new Float32Array(n * K * 2);
        pred = new Int32Array(n * 2);
      }
      const { feats, offs } = df;
      for (let t = 0; t < n; t++) {
        const base = t * K;
        for (let k = 0; k < K; k++) em[base + k] = 0;
        for (let f = offs[a + t]; f < offs[a + t + 1]; f++) {
          const row = feats[f] * K;
          for (let k = 0; k < K; k++) em[base + k] += w[row + k];
        }
      }
      viterbi(em, n, tagSet, trans, startW, endW, pred);
      for (let t = 0; t < n; t++) {
        const g = gold[t],
          p = pred[t];
        const gp = t > 0 ? gold[t - 1] : -1,
          pp = t > 0 ? pred[t - 1] : -1;
        if (g !== p) {
          for (let f = offs[a + t]; f < offs[a + t + 1]; f++) {
            const row = feats[f] * K;
            update(row + g, 1);
            update(row + p, -1);
          }
        }
        if (g !== p || gp !== pp) {
          if (t === 0) {
            updateT(K * K + g, 1);
            updateT(K * K + p, -1);
          } else {
            updateT(gp * K + g, 1);
            updateT(pp * K + p, -1);
          }
        }
      }
      if (gold[n - 1] !== pred[n - 1]) {
        updateT(K * K + K + gold[n - 1], 1);
        updateT(K * K + K + pred[n - 1], -1);
      }
      // Every sentence is one step of the averaging clock, mistakes or not.
      c++;
    }
    opts.onEpoch?.(epoch, averaged());
  }
  return averaged();
}
