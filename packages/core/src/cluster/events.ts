import type { Article } from "../schema/article.ts";
import { articleEventFeatureList, type FeatureBag, type FeatureList } from "./events.features.ts";
import { anchorConflicts, eventAnchor, type EventAnchor } from "./events.anchor.ts";

export { eventFeatures, articleEventFeatures, type FeatureBag } from "./events.features.ts";

export interface EventClusterOptions {
  /** Average-link cosine threshold for the second, event-level pass. */
  threshold?: number;
  /** Keep apart articles whose leads place their happening in different places (default true). */
  anchors?: boolean;
  /** Prefix of the returned event ids. */
  idPrefix?: string;
  /**
   * How many articles each input stands for (its copies included), in input order: counted that many
   * times in document frequencies and cluster sizes, as the copies themselves would be. Default 1.
   */
  weights?: readonly number[];
}

/** Relative weight of each feature namespace (see events.features.ts). */
export const FEATURE_WEIGHTS: Record<string, number> = { w: 1, n: 2, nn: 2, y: 2, "#": 2 };

/**
 * The first pass groups articles about the same kind of happening (a topic); the second re-weights
 * features by how specific they are inside that topic and splits it into concrete events.
 * Chosen on the ECB+ dev topics (bench/clustering/dev.jsonl, 8 topics x 2 events): B-cubed F1
 * 0.995 on raw text, 0.992 through `analyze`; through `analyze` every event threshold from 0.07 to
 * 0.12 scores >= 0.95; on 20 random halves of the dev topics the mean is 0.989 (worst 0.950); with
 * the 344 unrelated articles of bench/quotes/dev.jsonl mixed in it stays 0.995. Day-of-month
 * features ("February 1") were tried and dropped: reports of one incident are dated on different
 * days, so they split events more than they separate them (raw F1 0.983).
 */
export const TOPIC_THRESHOLD = 0.03;
export const EVENT_THRESHOLD = 0.09;

/** A weighted, L2-normalised sparse vector: feature ids (batch-local) and their weights. */
export interface EventVector {
  ids: Int32Array;
  vals: Float64Array;
}

/**
 * Feature bags with their keys interned once per batch: both passes weigh the same bags, and
 * looking a string key up (and reading its namespace) for every feature of every pass was most of
 * their cost. Per feature: whether its term frequency is dampened by sqrt (names) or log, and its
 * namespace weight.
 */
interface InternedBags {
  ids: Int32Array[];
  tfs: Float64Array[];
  sqrt: Uint8Array;
  weight: Float64Array;
  /** Scratch document frequencies, all zero between calls of `weigh`. */
  df: Int32Array;
}

function intern(lists: FeatureList[]): InternedBags {
  const idOf = new Map<string, number>();
  const sqrt: number[] = [];
  const weight: number[] = [];
  const ids: Int32Array[] = [];
  const tfs: Float64Array[] = [];
  for (const { keys, counts } of lists) {
    const bi = new Int32Array(keys.length);
    for (let f = 0; f < keys.length; f++) {
      const k = keys[f];
      let id = idOf.get(k);
      if (id === undefined) {
        idOf.set(k, (id = idOf.size));
        const ns = k.slice(0, k.indexOf(":"));
        sqrt.push(ns === "n" || ns === "nn" ? 1 : 0);
        weight.push(FEATURE_WEIGHTS[ns] ?? 1);
      }
      bi[f] = id;
    }
    ids.push(bi);
    tfs.push(Float64Array.from(counts));
  }
  return { ids, tfs, sqrt: Uint8Array.from(sqrt), weight: Float64Array.from(weight), df: new Int32Array(idOf.size) };
}

function weigh(bags: InternedBags, members: number[], counts?: readonly number[]): EventVector[] {
  const { df, sqrt, weight } = bags;
  for (const i of members) for (const id of bags.ids[i]) df[id] += counts?.[i] ?? 1;
  let n = 0;
  for (const i of members) n += counts?.[i] ?? 1;
  // Same arithmetic as per feature, with log((n + 1) / d) computed once per document frequency.
  const idf = new Float64Array(n + 1);
  for (let d = 1; d <= n; d++) idf[d] = Math.log((n + 1) / d);
  const vecs = members.map((i) => {
    const bi = bags.ids[i];
    const bt = bags.tfs[i];
    const ids = new Int32Array(bi.length);
    const vals = new Float64Array(bi.length);
    let k = 0;
    let norm = 0;
    for (let f = 0; f < bi.length; f++) {
      const id = bi[f];
      const d = df[id];
      // A feature only one article has cannot link anything; leaving it out keeps the norm honest.
      if (d < 2 && n > 1) continue;
      const tf = bt[f];
      const x = (sqrt[id] ? Math.sqrt(tf) : 1 + Math.log(tf)) * idf[d] * weight[id];
      if (x <= 0) continue;
      ids[k] = id;
      vals[k++] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let f = 0; f < k; f++) vals[f] /= norm;
    return { ids: ids.slice(0, k), vals: vals.slice(0, k) };
  });
  for (const i of members) for (const id of bags.ids[i]) df[id] = 0;
  return vecs;
}

/**
 * All pairwise cosines through an inverted index: the cost is the sum over features of
 * (articles sharing it)^2, not n^2 times the vector length, so unrelated articles cost nothing.
 */
function similarityMatrix(vecs: EventVector[]): Float64Array[] {
  const n = vecs.length;
  // Postings in flat typed arrays, each feature's slot sized by its document count (counted first).
  const slotOf = new Map<number, number>();
  const counts: number[] = [];
  for (const { ids } of vecs)
    for (let f = 0; f < ids.length; f++) {
      const s = slotOf.get(ids[f]);
      if (s === undefined) {
        slotOf.set(ids[f], counts.length);
        counts.push(1);
      } else counts[s]++;
    }
  const start = new Int32Array(counts.length + 1);
  for (let s = 0; s < counts.length; s++) start[s + 1] = start[s] + counts[s];
  const fill = start.slice(0, counts.length);
  const docs = new Int32Array(start[counts.length]);
  const weights = new Float64Array(start[counts.length]);
  // One buffer for the whole matrix: a per-row allocation would be copied by every minor GC of the call.
  const buf = new Float64Array(n * n);
  const sim = vecs.map((_, i) => buf.subarray(i * n, (i + 1) * n));
  for (let i = 0; i < n; i++) {
    const row = sim[i];
    const { ids, vals } = vecs[i];
    for (let f = 0; f < ids.length; f++) {
      const s = slotOf.get(ids[f])!;
      const x = vals[f];
      // Per pair, products are summed in the order of this row's features, as before.
      for (let q = start[s], end = fill[s]; q < end; q++) row[docs[q]] += x * weights[q];
      docs[fill[s]] = i;
      weights[fill[s]++] = x;
    }
    for (let j = 0; j < i; j++) sim[j][i] = row[j];
  }
  return sim;
}

/** Average-link agglomerative clustering; returns a cluster index per item. Deterministic (ties by index). */
export function averageLink(
  vecs: EventVector[],
  threshold: number,
  cannotLink?: (i: number, j: number) => boolean,
  sizes?: readonly number[],
): number[] {
  const n = vecs.length;
  // blocked[i][j]: some member of cluster i may not share an event with some member of cluster j.
  const blockedBuf = cannotLink ? new Uint8Array(n * n) : null;
  const blocked: Uint8Array[] | null = blockedBuf ? vecs.map((_, i) => blockedBuf.subarray(i * n, (i + 1) * n)) : null;
  if (blocked && cannotLink)
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (cannotLink(i, j)) blocked[i][j] = blocked[j][i] = 1;
  const sim = similarityMatrix(vecs);
  const size = Array.from({ length: n }, (_, i) => sizes?.[i] ?? 1);
  const alive = new Uint8Array(n).fill(1);
  const parent = Array.from({ length: n }, (_, i) => i);
  // Each row's best partner is cached, so a merge costs a scan of the rows it touched rather than
  // of the whole matrix (788 articles: ~40x faster than rescanning). Ties go to the lowest index,
  // as a full scan would.
  const bestVal = new Float64Array(n).fill(-Infinity);
  const bestIdx = new Int32Array(n).fill(-1);
  const rescan = (i: number) => {
    let v = -Infinity;
    let b = -1;
    const row = sim[i];
    const bl = blocked?.[i];
    if (bl) {
      for (let j = 0; j < n; j++)
        if (j !== i && alive[j] && row[j] > v && !bl[j]) {
          v = row[j];
          b = j;
        }
    } else
      for (let j = 0; j < n; j++)
        if (j !== i && alive[j] && row[j] > v) {
          v = row[j];
          b = j;
        }
    bestVal[i] = v;
    bestIdx[i] = b;
  };
  for (let i = 0; i < n; i++) rescan(i);
  for (;;) {
    let best = threshold;
    let bi = -1;
    for (let i = 0; i < n; i++)
      if (alive[i] && bestVal[i] > best) {
        best = bestVal[i];
        bi = i;
      }
    if (bi < 0) break;
    let bj = bestIdx[bi];
    if (bj < bi) [bi, bj] = [bj, bi];
    // Lance-Williams update for average link.
    const rowI = sim[bi];
    const rowJ = sim[bj];
    const si = size[bi];
    const sj = size[bj];
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const v = (si * rowI[k] + sj * rowJ[k]) / (si + sj);
      rowI[k] = v;
      sim[k][bi] = v;
      if (blocked?.[bj][k]) blocked[bi][k] = blocked[k][bi] = 1;
    }
    size[bi] += size[bj];
    alive[bj] = 0;
    parent[bj] = bi;
    rescan(bi);
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi) continue;
      if (bestIdx[k] === bi || bestIdx[k] === bj) rescan(k);
      else if (!blocked?.[k][bi] && (sim[k][bi] > bestVal[k] || (sim[k][bi] === bestVal[k] && bi < bestIdx[k]))) {
        bestVal[k] = sim[k][bi];
        bestIdx[k] = bi;
      }
    }
  }
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  return parent.map((_, i) => find(i));
}

/**
 * Clusters feature bags into events in two passes: by topic over the whole batch, then inside each
 * topic with weights recomputed from that topic alone, so words every report of the topic shares
 * ("pirates", "Oscars") stop counting and the names, numbers and years that tell two incidents
 * apart decide. Returns a cluster label per bag (the index of the cluster's first member).
 */
export function clusterBags(
  bags: FeatureBag[],
  opts: {
    topicThreshold?: number;
    eventThreshold?: number;
    cannotLink?: (i: number, j: number) => boolean;
    weights?: readonly number[];
  } = {},
): number[] {
  return clusterFeatureLists(
    bags.map((b) => ({ keys: [...b.keys()], counts: [...b.values()] })),
    opts,
  );
}

/** `clusterBags` on features as parallel lists. */
export function clusterFeatureLists(
  bags: FeatureList[],
  opts: {
    topicThreshold?: number;
    eventThreshold?: number;
    cannotLink?: (i: number, j: number) => boolean;
    weights?: readonly number[];
  } = {},
): number[] {
  const all = bags.map((_, i) => i);
  const interned = intern(bags);
  const w = opts.weights;
  const topics = averageLink(weigh(interned, all, w), opts.topicThreshold ?? TOPIC_THRESHOLD, undefined, w);
  const groups = new Map<number, number[]>();
  topics.forEach((t, i) => groups.set(t, [...(groups.get(t) ?? []), i]));
  const label = new Array<number>(bags.length);
  for (const members of groups.values()) {
    if (members.length < 2) {
      for (const i of members) label[i] = members[0];
      continue;
    }
    const cl = opts.cannotLink;
    const sub = averageLink(
      weigh(interned, members, w),
      opts.eventThreshold ?? EVENT_THRESHOLD,
      cl && ((x, y) => cl(members[x], members[y])),
      w && members.map((i) => w[i]),
    );
    sub.forEach((root, k) => (label[members[k]] = members[root]));
  }
  // Normalise labels to the smallest member index so output does not depend on merge order.
  const first = new Map<number, number>();
  label.forEach((l, i) => first.has(l) || first.set(l, i));
  return label.map((l) => first.get(l)!);
}

/**
 * Groups articles into concrete events (one incident, meeting, announcement): who, where, when
 * and what happened, from names, places, numbers, years and event words. Works without dates.
 * Returns article id -> event id; the event id is derived from the first article of the event,
 * so results are reproducible and independent of clocks.
 * @example
 * const events = clusterEvents(articles); // Map { "a.txt" => "event-a.txt", "b.txt" => "event-a.txt", ... }
 */
export function clusterEvents(articles: Article[], opts: EventClusterOptions = {}): Map<string, string> {
  return clusterEventsFrom(
    articles,
    articles.map((a) => ({ features: articleEventFeatureList(a), anchor: eventAnchor(a) })),
    opts,
  );
}

/** `clusterEvents` with each article's features and `eventAnchor` already read (fusion needs the anchors too). */
export function clusterEventsFrom(
  articles: Article[],
  inputs: { features: FeatureList; anchor: EventAnchor }[],
  opts: EventClusterOptions = {},
): Map<string, string> {
  const labels = clusterFeatureLists(
    inputs.map((x) => x.features),
    {
      eventThreshold: opts.threshold,
      weights: opts.weights,
      cannotLink: opts.anchors === false ? undefined : anchorConflicts(inputs.map((x) => x.anchor)),
    },
  );
  const prefix = opts.idPrefix ?? "event-";
  return new Map(articles.map((a, i) => [a.id, `${prefix}${articles[labels[i]].id}`]));
}
