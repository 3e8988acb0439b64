import type { Article } from "../schema/article.ts";
import type { DuplicateGroup, DuplicateKind, DuplicatePair } from "../schema/duplicate.ts";
import { err, ok, type Result } from "../errors.ts";
import { signatureOf, textFeatures, type DedupFeatureCache, type DedupFeatures } from "./features.ts";
import { LshIndex } from "./lsh.ts";
import { MINHASH_SIZE } from "./minhash.ts";
import { setSimilarity } from "./shingles.ts";
import { UnionFind } from "./unionfind.ts";

/**
 * A pair is a near duplicate at this shingle Jaccard or above. Chosen with `npm run bench -- scale`
 * on perturbed copies of the 197 ECB+ dev texts (sentences dropped, reordered, edited, boilerplate
 * swapped): copies score 0.55-1.0, while the most similar two *different* dev articles (not wire
 * copies) stay below 0.35 and the five seeds, which share quotes, below 0.1.
 */
export const NEAR_JACCARD = 0.5;
/**
 * Or at this containment |A∩B|/min(|A|,|B|): a trimmed or extended copy of a wire story keeps
 * nearly all of the shorter text's shingles though its Jaccard can fall well below 0.5.
 */
export const NEAR_CONTAINMENT = 0.8;
/**
 * Containment alone counts only when the shorter text has this many shingles: a 5-word phrase
 * inside a long article is not a copy of it, but a one-sentence teaser (12+ words) lifted from
 * the article is (ECB+ dev has such a pair: a 131-character teaser, containment 0.85).
 */
export const CONTAINMENT_MIN_SHINGLES = 10;

/** What dedup needs to know about one item; build it from an Article with `dedupItem`. */
export interface DedupItem {
  id: string;
  text: string;
  /** ISO date, used to pick the likely original (earliest). */
  date?: string | null;
  /** Wire agency credited (Reuters, AP): preferred as the original after the date. */
  agency?: string | null;
  /** Outlet that published this copy; copies under different outlets are "syndicated". */
  outlet?: string | null;
}

/** The stored evidence for one item: enough to re-index it without re-reading its text. */
export interface DedupEntry {
  id: string;
  /** 64-bit hash (hex) of the normalized text: equal hashes are exact duplicates. */
  exact: string;
  shingles: Uint32Array;
  signature: Uint32Array;
  date: string | null;
  agency: string | null;
  outlet: string | null;
  /** Length of the text in words (longest text wins ties for the original). */
  words: number;
}

/** JSON-safe form of a DedupIndex: entries in insertion order, arrays base64-encoded. */
export interface SerializedDedupIndex {
  version: 1;
  minhashSize: number;
  entries: {
    id: string;
    exact: string;
    shingles: string;
    signature: string;
    date: string | null;
    agency: string | null;
    outlet: string | null;
    words: number;
  }[];
}

export interface DedupOptions {
  minJaccard?: number;
  minContainment?: number;
  containmentMinShingles?: number;
  /** Keep MinHash signatures after indexing (needed by `serialize`); default true. */
  keepSignatures?: boolean;
  /** Keeps per-article features between calls (see DedupFeatureCache); the groups are the same without it. */
  cache?: DedupFeatureCache;
}

/**
 * The dedup view of an Article: its body (its title when the body is empty, as for headline-only
 * feed items), stated or inferred date, agency and outlet.
 * @example dedupItem(analyze({ id: "a", text: "GENEVA (AP) — ..." })).text.startsWith("GENEVA")
 */
export function dedupItem(a: Article): DedupItem {
  const body = a.body.trim();
  return {
    id: a.id,
    text: body.length > 0 ? body : (a.title ?? ""),
    date: a.published.stated ?? a.published.inferred,
    agency: a.provenance.agency ?? a.provenance.republishedFrom,
    outlet: a.provenance.outlet,
  };
}

/**
 * Computes the signatures of one item (exact hash, shingles, MinHash): the part a store persists.
 * @example dedupEntry({ id: "a", text: "Blinken met Lavrov in Geneva on Friday." }).signature.length // 128
 */
export function dedupEntry(item: DedupItem): DedupEntry {
  const f = textFeatures(item.text);
  return entryOf(item, f, signatureOf(f));
}

function entryOf(item: DedupItem, f: DedupFeatures, signature: Uint32Array): DedupEntry {
  return {
    id: item.id,
    exact: f.exact,
    shingles: f.shingles,
    signature,
    date: item.date ?? null,
    agency: item.agency ?? null,
    outlet: item.outlet ?? null,
    words: f.words,
  };
}

const NO_SIGNATURE = new Uint32Array(0);

interface GroupState {
  members: number[];
  pairs: DuplicatePair[];
}

/**
 * Incremental duplicate detection, layered: exact hash of the normalized text, then MinHash/LSH
 * candidates, then an exact Jaccard/containment check, then union-find groups. Every member and
 * every accepted pair is kept as evidence.
 * @example
 * const index = new DedupIndex();
 * index.add({ id: "a", text: wireStory });
 * index.add({ id: "b", text: wireStory + " Some material came from AP." })?.articles // ["a", "b"]
 */
export class DedupIndex {
  private readonly entries: DedupEntry[] = [];
  private readonly byId = new Map<string, number>();
  private readonly byExact = new Map<string, number>();
  private readonly lsh = new LshIndex();
  private readonly uf = new UnionFind(1024);
  private readonly groupsByRoot = new Map<number, GroupState>();
  private readonly minJaccard: number;
  private readonly minContainment: number;
  private readonly containmentMinShingles: number;
  private readonly keepSignatures: boolean;
  private readonly cache: DedupFeatureCache | null;

  constructor(options: DedupOptions = {}) {
    this.cache = options.cache ?? null;
    this.minJaccard = options.minJaccard ?? NEAR_JACCARD;
    this.minContainment = options.minContainment ?? NEAR_CONTAINMENT;
    this.containmentMinShingles = options.containmentMinShingles ?? CONTAINMENT_MIN_SHINGLES;
    this.keepSignatures = options.keepSignatures ?? true;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Adds one item (or Article) and returns the duplicate group it now belongs to, or null. */
  add(input: DedupItem | Article): DuplicateGroup | null {
    const item = "body" in input ? dedupItem(input) : input;
    if (this.byId.has(item.id)) return this.groupOf(item.id);
    const f = this.cache ? this.cache.features(item.id, item.text) : textFeatures(item.text);
    // Only LSH reads a signature, and an exact copy never reaches it: unless the signatures are
    // kept for `serialize`, a copy skips the MinHash, its costliest part.
    const needed = this.keepSignatures || f.shingles.length === 0 || !this.byExact.has(f.exact);
    return this.addEntry(entryOf(item, f, needed ? signatureOf(f) : NO_SIGNATURE));
  }

  /** Adds an item whose signatures were computed before (e.g. reloaded from a store). */
  addEntry(entry: DedupEntry): DuplicateGroup | null {
    const known = this.byId.get(entry.id);
    if (known !== undefined) return this.groupOf(entry.id);
    const idx = this.uf.add();
    this.entries.push(entry);
    this.byId.set(entry.id, idx);
    if (entry.shingles.length === 0) return null;

    const exactTwin = this.byExact.get(entry.exact);
    if (exactTwin !== undefined) {
      // Same normalized text: linked to its first copy; it adds nothing new to the LSH buckets.
      this.link(exactTwin, idx, { a: this.entries[exactTwin].id, b: entry.id, jaccard: 1, containment: 1 });
    } else {
      this.byExact.set(entry.exact, idx);
      const keys = this.lsh.bandKeys(entry.signature);
      for (const c of this.lsh.query(entry.signature, keys)) {
        const other = this.entries[c];
        const sim = setSimilarity(other.shingles, entry.shingles);
        if (this.accepts(sim, Math.min(other.shingles.length, entry.shingles.length))) {
          this.link(c, idx, {
            a: other.id,
            b: entry.id,
            jaccard: round(sim.jaccard),
            containment: round(sim.containment),
          });
        }
      }
      this.lsh.insert(idx, entry.signature, keys);
    }
    if (!this.keepSignatures) entry.signature = new Uint32Array(0);
    return this.groupOf(entry.id);
  }

  private accepts(sim: { jaccard: number; containment: number }, minShingles: number): boolean {
    if (sim.jaccard >= this.minJaccard) return true;
    return minShingles >= this.containmentMinShingles && sim.containment >= this.minContainment;
  }

  private link(a: number, b: number, pair: DuplicatePair): void {
    const ra = this.uf.find(a);
    const rb = this.uf.find(b);
    const ga = this.groupsByRoot.get(ra) ?? { members: [ra], pairs: [] };
    if (ra === rb) {
      ga.pairs.push(pair);
      this.groupsByRoot.set(ra, ga);
      return;
    }
    const gb = this.groupsByRoot.get(rb) ?? { members: [rb], pairs: [] };
    const root = this.uf.union(ra, rb);
    this.groupsByRoot.delete(ra);
    this.groupsByRoot.delete(rb);
    // Append the smaller group to the larger, so a title repeated thousands of times stays linear.
    const [big, small] = ga.members.length >= gb.members.length ? [ga, gb] : [gb, ga];
    for (const m of small.members) big.members.push(m);
    for (const p of small.pairs) big.pairs.push(p);
    big.pairs.push(pair);
    this.groupsByRoot.set(root, big);
  }

  /** The duplicate group of an item already added, or null when it has no copy. */
  groupOf(id: string): DuplicateGroup | null {
    const idx = this.byId.get(id);
    if (idx === undefined) return null;
    const g = this.groupsByRoot.get(this.uf.find(idx));
    return g ? this.describe(g) : null;
  }

  /** Every group with at least two members, in order of their first member. */
  groups(): DuplicateGroup[] {
    const first = (g: GroupState) => g.members.reduce((m, x) => Math.min(m, x), Infinity);
    return [...this.groupsByRoot.values()].sort((x, y) => first(x) - first(y)).map((g) => this.describe(g));
  }

  /** Group number (the union-find root) of every item, for callers that only need the partition. */
  groupIndex(id: string): number | undefined {
    const idx = this.byId.get(id);
    return idx === undefined ? undefined : this.uf.find(idx);
  }

  private describe(g: GroupState): DuplicateGroup {
    const members = [...g.members].sort((x, y) => x - y).map((i) => this.entries[i]);
    const exact = members.every((m) => m.exact === members[0].exact);
    const sources = new Set(members.map((m) => (m.outlet ?? m.agency ?? "").toLowerCase()).filter((s) => s.length > 0));
    const kind: DuplicateKind = sources.size > 1 ? "syndicated" : exact ? "exact" : "near";
    return {
      id: `dup-${members[0].id}`,
      kind,
      articles: members.map((m) => m.id),
      original: pickOriginal(members).id,
      similarity: g.pairs.reduce((min, p) => Math.min(min, p.jaccard), 1),
      pairs: g.pairs.map((p) => ({ ...p })),
    };
  }

  /** JSON-safe snapshot of every entry's signatures; `DedupIndex.restore` rebuilds the index from it. */
  serialize(): SerializedDedupIndex {
    return {
      version: 1,
      minhashSize: MINHASH_SIZE,
      entries: this.entries.map((e) => ({
        id: e.id,
        exact: e.exact,
        shingles: u32ToBase64(e.shingles),
        signature: u32ToBase64(e.signature),
        date: e.date,
        agency: e.agency,
        outlet: e.outlet,
        words: e.words,
      })),
    };
  }

  /** Rebuilds an index from `serialize()` output without recomputing any signature. */
  static restore(data: unknown, options: DedupOptions = {}): Result<DedupIndex> {
    const d = data as Partial<SerializedDedupIndex> | null;
    if (!d || typeof d !== "object" || d.version !== 1 || !Array.isArray(d.entries)) {
      return err(
        "input_malformed",
        "dedup index snapshot is not a version 1 snapshot (expected {version: 1, entries: [...]})",
        "dedup index",
      );
    }
    if (d.minhashSize !== MINHASH_SIZE) {
      return err(
        "input_malformed",
        `dedup index snapshot has ${d.minhashSize}-value signatures; this build uses ${MINHASH_SIZE}`,
        "dedup index",
      );
    }
    const index = new DedupIndex(options);
    for (const [i, e] of d.entries.entries()) {
      const shingles = typeof e?.shingles === "string" ? base64ToU32(e.shingles) : null;
      const signature = typeof e?.signature === "string" ? base64ToU32(e.signature) : null;
      if (
        !e ||
        typeof e.id !== "string" ||
        typeof e.exact !== "string" ||
        !shingles ||
        !signature ||
        (signature.length !== MINHASH_SIZE && shingles.length > 0)
      ) {
        return err(
          "input_malformed",
          `dedup index snapshot entry ${i} is malformed (needs id, exact, base64 shingles and a ${MINHASH_SIZE}-value signature)`,
          "dedup index",
          { entry: i },
        );
      }
      index.addEntry({
        id: e.id,
        exact: e.exact,
        shingles,
        signature,
        date: e.date ?? null,
        agency: e.agency ?? null,
        outlet: e.outlet ?? null,
        words: e.words ?? 0,
      });
    }
    return ok(index);
  }
}

// Earliest date first (undated last), then a wire agency's copy, then the longest text, then the first seen.
function pickOriginal(members: DedupEntry[]): DedupEntry {
  let best = members[0];
  for (const m of members.slice(1)) {
    const dm = m.date ?? "9999";
    const db = best.date ?? "9999";
    if (dm !== db) {
      if (dm < db) best = m;
      continue;
    }
    if (!!m.agency !== !!best.agency) {
      if (m.agency) best = m;
      continue;
    }
    if (m.words > best.words) best = m;
  }
  return best;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

// btoa/atob exist in browsers and in Node 16+, so core stays free of Buffer.
function u32ToBase64(a: Uint32Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function base64ToU32(s: string): Uint32Array | null {
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    return null;
  }
  if (bin.length % 4 !== 0) return null;
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Uint32Array(bytes.buffer);
}

/**
 * Exact, near and syndicated duplicate groups in a batch of analyzed articles (input order is
 * the arrival order). Groups keep every member, each verified pair and the likely original.
 * @example findDuplicates([a, copyOfA, b]) // [{ kind: "exact", articles: [a.id, copyOfA.id], ... }]
 */
export function findDuplicates(articles: Array<Article | DedupItem>, options: DedupOptions = {}): DuplicateGroup[] {
  const index = new DedupIndex({ keepSignatures: false, ...options });
  for (const a of articles) index.add(a);
  return index.groups();
}
