import { combineHash, fmix32 } from "./hash.ts";

/**
 * LSH banding: 42 bands of 3 rows over the 128-value signature. A pair becomes a candidate with
 * probability 1-(1-J^3)^42: 0.996 at Jaccard 0.5, 0.68 at 0.3, 0.04 at 0.1. The low end matters
 * because a copy trimmed to a third of a wire story has Jaccard ~0.3 (found by containment).
 * 32 bands of 4 rows (0.87 at 0.5) found 97.3% of the all-pairs duplicate pairs among the
 * first 10k stream headlines; see `npm run bench -- scale` for the figure with these bands.
 */
export const LSH_BANDS = 42;
export const LSH_ROWS = 3;
/**
 * At most this many most-recent entries of one bucket are returned as candidates. A bucket
 * only grows past it for a text repeated very often (boilerplate, "Business Highlights");
 * the exact-hash layer already links those, so the cap bounds the cost without losing groups.
 */
export const LSH_BUCKET_CAP = 64;

/**
 * A multimap from band hashes to document numbers on typed arrays (open addressing, one linked
 * list per bucket), so a few million band entries cost tens of MB rather than a Map per bucket.
 * @example const lsh = new LshIndex(); lsh.insert(0, sig); lsh.query(sigOfACopy) // [0]
 */
export class LshIndex {
  private keys: Uint32Array;
  private heads: Int32Array;
  private used: Uint8Array;
  private filled = 0;
  private next: Int32Array;
  private docs: Int32Array;
  private entries = 0;

  constructor(
    readonly bands = LSH_BANDS,
    readonly rows = LSH_ROWS,
    readonly bucketCap = LSH_BUCKET_CAP,
    capacity = 1 << 12,
  ) {
    this.keys = new Uint32Array(capacity);
    this.heads = new Int32Array(capacity).fill(-1);
    this.used = new Uint8Array(capacity);
    this.next = new Int32Array(capacity);
    this.docs = new Int32Array(capacity);
  }

  /** Number of (band, document) entries stored. */
  get size(): number {
    return this.entries;
  }

  private bandKey(sig: Uint32Array, band: number): number {
    let h = fmix32((band + 1) * 0x27d4eb2d);
    const start = band * this.rows;
    for (let r = 0; r < this.rows; r++) h = combineHash(h, sig[start + r]);
    return h;
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = fmix32(key) & mask;
    while (this.used[i] && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  private growTable(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    const oldUsed = this.used;
    const cap = oldKeys.length * 2;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(-1);
    this.used = new Uint8Array(cap);
    for (let i = 0; i < oldKeys.length; i++) {
      if (!oldUsed[i]) continue;
      const s = this.slot(oldKeys[i]);
      this.used[s] = 1;
      this.keys[s] = oldKeys[i];
      this.heads[s] = oldHeads[i];
    }
  }

  private pushEntry(doc: number, nextEntry: number): number {
    if (this.entries === this.docs.length) {
      const d = new Int32Array(this.docs.length * 2);
      d.set(this.docs);
      this.docs = d;
      const n = new Int32Array(this.next.length * 2);
      n.set(this.next);
      this.next = n;
    }
    this.docs[this.entries] = doc;
    this.next[this.entries] = nextEntry;
    return this.entries++;
  }

  /** The band hashes of a signature; compute them once to both query and insert. */
  bandKeys(sig: Uint32Array): Uint32Array {
    const keys = new Uint32Array(this.bands);
    for (let b = 0; b < this.bands; b++) keys[b] = this.bandKey(sig, b);
    return keys;
  }

  /** Candidates sharing at least one band with `sig` (each once, most recent first per bucket). */
  query(sig: Uint32Array, keys = this.bandKeys(sig)): number[] {
    const seen = new Set<number>();
    for (let b = 0; b < this.bands; b++) {
      const s = this.slot(keys[b]);
      if (!this.used[s]) continue;
      let e = this.heads[s];
      for (let k = 0; e >= 0 && k < this.bucketCap; k++, e = this.next[e]) seen.add(this.docs[e]);
    }
    return [...seen];
  }

  /** Files document `doc` under each band of its signature. */
  insert(doc: number, sig: Uint32Array, keys = this.bandKeys(sig)): void {
    for (let b = 0; b < this.bands; b++) {
      if ((this.filled + 1) * 2 > this.keys.length) this.growTable();
      const key = keys[b];
      const s = this.slot(key);
      if (!this.used[s]) {
        this.used[s] = 1;
        this.keys[s] = key;
        this.filled++;
      }
      this.heads[s] = this.pushEntry(doc, this.heads[s]);
    }
  }
}
