/** B-cubed and pairwise clustering scores, as bench/clustering/README.md and score_clusters.py define them. */
export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
  pairPrecision: number;
  pairRecall: number;
  pairF1: number;
  goldClusters: number;
  predictedClusters: number;
  items: number;
}

/**
 * Scores predicted clusters against gold. Every gold id is scored; an id with no prediction (or
 * a null one) is a singleton; predicted ids missing from gold are ignored.
 * @example bcubed(new Map([["a", "g"], ["b", "g"]]), new Map([["a", "1"], ["b", "2"]])).recall // 0.5
 */
export function bcubed(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string | null>,
): ClusterScores {
  const ids = [...gold.keys()];
  const predOf = (id: string, i: number) => {
    const p = predicted.get(id);
    return p === undefined || p === null ? `\u0000singleton:${i}` : `p:${p}`;
  };
  const goldSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  const jointSize = new Map<string, number>();
  const preds = ids.map(predOf);
  ids.forEach((id, i) => {
    const g = gold.get(id)!;
    const p = preds[i];
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    const j = `${g}\u0000${p}`;
    jointSize.set(j, (jointSize.get(j) ?? 0) + 1);
  });
  let p = 0;
  let r = 0;
  ids.forEach((id, i) => {
    const g = gold.get(id)!;
    const joint = jointSize.get(`${g}\u0000${preds[i]}`)!;
    p += joint / predSize.get(preds[i])!;
    r += joint / goldSize.get(g)!;
  });
  const n = ids.length || 1;
  p /= n;
  r /= n;
  const pairs = (m: Map<string, number>) => [...m.values()].reduce((s, k) => s + (k * (k - 1)) / 2, 0);
  const correct = pairs(jointSize);
  const predicted2 = pairs(predSize);
  const gold2 = pairs(goldSize);
  const pp = predicted2 === 0 ? 1 : correct / predicted2;
  const pr = gold2 === 0 ? 1 : correct / gold2;
  return {
    precision: p,
    recall: r,
    f1: p + r === 0 ? 0 : (2 * p * r) / (p + r),
    pairPrecision: pp,
    pairRecall: pr,
    pairF1: pp + pr === 0 ? 0 : (2 * pp * pr) / (pp + pr),
    goldClusters: goldSize.size,
    predictedClusters: predSize.size,
    items: ids.length,
  };
}
