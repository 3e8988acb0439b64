import { sql, type Kysely, type Transaction } from "kysely";
import {
  clusterStories,
  dedupItem,
  findDuplicates,
  type Article,
  type DedupItem,
  type DuplicateGroup,
} from "@newsfuse/core";
import type { DB } from "../db/types.ts";
import { HEAD_CHARS, articleOfLight, lightOf, type DeriveState, type LightArticle } from "./state.ts";
import { shortHash } from "./ids.ts";
import { encodeDoc, loadArticles } from "./docs.ts";
import { timed } from "./phases.ts";
import { articleTsv } from "../search/article-tsv.ts";

type Tx = Transaction<DB> | Kysely<DB>;

/** One freshly analyzed article on its way into the store. */
export interface NewArticle {
  article: Article;
  keys: number[];
  /** The encoded document when the analysis worker made it (docs.ts encodeDoc). */
  doc?: Uint8Array;
  /** The tsvector literal when the analysis worker made it. */
  tsv?: string | null;
  rawHash: string;
  item: number;
  origin: string;
}

/** What the batch decided about one new article. */
export interface Placement {
  storyId: string | null;
  group: DuplicateGroup | null;
}

// Story assignment re-clusters at most this many members of each candidate story (the most recent):
// bounded so a huge story costs the same as a small one; older members keep their story.
const STORY_POOL_PER_STORY = 40;
// At most this many stories take part in one batch's re-clustering.
const MAX_CANDIDATE_STORIES = 32;

// How many members of an existing duplicate group (besides its original) are re-checked with new copies,
// and how many of one group's members a new article brings into the pool as its own candidates: a new
// copy of a syndicated story shares keys with every stored copy, and comparing it with a few of them
// decides as well as with all (the groups are merged with the stored ones afterwards).
const GROUP_SAMPLE = 3;
const CANDIDATES_PER_GROUP = 3;

const CHUNK = 500;
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const json = (v: unknown) => JSON.stringify(v);
/** The date an article can be trusted for: its stated date unless analysis flagged it, else an inferred one. */
export const dateOf = (a: Article) =>
  (a.published.conflicts.length === 0 ? a.published.stated : null) ?? a.published.inferred ?? null;

/** Fills in the heads (what story clustering reads) of light articles loaded without them. */
async function loadHeads(tx: Tx, members: LightArticle[]): Promise<void> {
  const missing = members.filter((m) => m.head === null);
  for (let i = 0; i < missing.length; i += CHUNK) {
    const chunk = missing.slice(i, i + CHUNK);
    const rows = await tx
      .selectFrom("articles")
      .select(["id", "head"])
      .where(
        "id",
        "in",
        chunk.map((m) => m.id),
      )
      .execute();
    const head = new Map(rows.map((r) => [r.id, r.head]));
    for (const m of chunk) m.head = head.get(m.id) ?? m.lede;
  }
}

/** Inserts the analyzed articles, placed by deriveBatch, with their per-article facts (signatures, numeric claims). */
export async function insertArticles(
  tx: Tx,
  state: DeriveState,
  rev: number,
  batch: NewArticle[],
  placements: Map<string, Placement>,
  jsTsv: boolean,
): Promise<void> {
  if (!batch.length) return;
  // In the order they were placed in stories, which a replay of the stored assignments (by seq) follows.
  const items = placementOrder(batch.map((n) => ({ id: n.article.id, published: dateOf(n.article), n }))).map(
    (x) => x.n,
  );
  for (const n of items) {
    n.doc ??= encodeDoc(n.article);
    state.encoded.set(n.article.id, n.doc);
  }
  await insertChunks(items, (c) =>
    tx
      .insertInto("articles")
      .values(
        c.map(({ article: a, doc, tsv, rawHash, item, origin }) => ({
          id: a.id,
          raw_hash: rawHash,
          item,
          origin,
          title: a.title,
          outlet: a.provenance.outlet,
          agency: a.provenance.agency,
          published: dateOf(a),
          story_id: placements.get(a.id)?.storyId ?? null,
          duplicate_group_id: placements.get(a.id)?.group?.id ?? null,
          rev,
          doc: doc!,
          head: a.body.slice(0, HEAD_CHARS),
          url: a.provenance.url,
          entity_list: json(a.entities.map((e) => ({ name: e.name, type: e.type }))),
          tsv: articleTsv(a.title, a.body, jsTsv, tsv),
        })),
      )
      .execute(),
  );
  await insertChunks(items, (c) =>
    tx
      .insertInto("signatures")
      .values(c.map((n) => ({ article_id: n.article.id, keys: n.keys })))
      .execute(),
  );
  const claims = items.flatMap(({ article: a }) =>
    a.numbers.map((n, idx) => ({
      article_id: a.id,
      idx,
      text: n.text,
      value: n.value,
      qualifier: n.qualifier,
      unit: n.unit,
      subject: n.subject,
      start_pos: n.start,
      end_pos: n.end,
    })),
  );
  await insertChunks(claims, (c) => tx.insertInto("numeric_claims").values(c).execute());
}

/**
 * Merges groups found on the pool with the stored groups they touch (union of members and pair
 * evidence). The pool held each stored group's original, so the pool's choice of original stands.
 */
export function mergeGroups(found: DuplicateGroup[], stored: DuplicateGroup[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? (parent.set(r, r), r);
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const all = [...found, ...stored];
  for (const g of all) for (const m of g.articles) union(g.articles[0]!, m);
  const byRoot = new Map<string, DuplicateGroup[]>();
  for (const g of all) {
    const r = find(g.articles[0]!);
    byRoot.set(r, [...(byRoot.get(r) ?? []), g]);
  }
  const out: DuplicateGroup[] = [];
  for (const parts of byRoot.values()) {
    const members = [...new Set(parts.flatMap((g) => g.articles))].sort();
    const lead =
      parts.filter((g) => found.includes(g)).sort((x, y) => y.articles.length - x.articles.length)[0] ?? parts[0]!;
    const pairs = new Map<string, DuplicateGroup["pairs"][number]>();
    for (const g of parts) for (const p of g.pairs) pairs.set([p.a, p.b].sort().join("|"), p);
    out.push({
      id: groupId(members),
      kind: lead.kind,
      articles: members,
      original: lead.original,
      similarity: Math.min(...parts.map((g) => g.similarity)),
      pairs: [...pairs.values()].sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b)),
    });
  }
  return out.sort((x, y) => cmp(x.id, y.id));
}

/** Group ids follow the smallest member id, so the same members always give the same id. */
export function groupId(members: string[]): string {
  return `dup-${shortHash([...members].sort()[0]!)}`;
}

/**
 * Deduplicates, assigns stories and re-fuses the touched stories for a batch of articles that are
 * already inserted. Runs inside the batch transaction, with the derive lock held.
 */
export async function deriveBatch(
  tx: Tx,
  state: DeriveState,
  rev: number,
  batch: NewArticle[],
  touched: Set<string>,
): Promise<Map<string, Placement>> {
  const placements = new Map<string, Placement>();
  if (!batch.length) return placements;
  for (const n of batch) {
    state.apply(lightOf(n.article, n.keys));
    state.docs.set(n.article);
    state.dedupItems.set(n.article.id, { ...dedupItem(n.article), text: "" });
  }
  const full = new Map<string, Article>(batch.map((n) => [n.article.id, n.article]));
  const newIds = new Set(full.keys());

  // 1. Duplicates: candidates from the key index plus a sample of each group they are in (its
  // original and a few members: a group of hundreds of copies must not be re-read for every batch);
  // core's findDuplicates decides on that pool, and its groups are merged with the stored groups.
  const pool = new Set<string>(newIds);
  for (const n of batch) {
    const fromGroup = new Map<string, number>();
    for (const c of state.dedupCandidates(n.keys, n.article.id)) {
      const g = state.articles.get(c)?.groupId;
      if (g && !newIds.has(c)) {
        const k = fromGroup.get(g) ?? 0;
        if (k >= CANDIDATES_PER_GROUP) continue;
        fromGroup.set(g, k + 1);
      }
      pool.add(c);
    }
  }
  const oldGroupIds = new Set<string>();
  for (const id of [...pool]) {
    const g = state.articles.get(id)?.groupId;
    if (g && !newIds.has(id)) oldGroupIds.add(g);
  }
  const oldGroups = new Map<string, DuplicateGroup>();
  if (oldGroupIds.size) {
    const rows = await tx
      .selectFrom("duplicate_groups")
      .select(["id", "data"])
      .where("id", "in", [...oldGroupIds])
      .execute();
    for (const r of rows) oldGroups.set(r.id, r.data as DuplicateGroup);
  }
  for (const g of [...oldGroups.values()].sort((x, y) => cmp(x.id, y.id))) {
    pool.add(g.original);
    for (const m of [...g.articles].sort().slice(0, GROUP_SAMPLE)) pool.add(m);
  }
  // A stored member whose dedup features this process holds goes in as its dedup item, text left out
  // (the cache serves the features: article texts never change); only the others' documents are read.
  const known = new Map<string, DedupItem>();
  if (pool.size <= state.dedupFeatures.capacity / 2)
    for (const id of pool) {
      const item = full.has(id) ? undefined : state.dedupItems.get(id);
      if (item && state.dedupFeatures.has(id)) known.set(id, item);
    }
  const missing = [...pool].filter((id) => !full.has(id) && !known.has(id));
  for (const [id, a] of await loadArticles(tx, missing, state.docs)) {
    full.set(id, a);
    state.dedupItems.set(id, { ...dedupItem(a), text: "" });
  }
  const poolArticles = [...pool]
    .sort()
    .map((id) => full.get(id) ?? known.get(id)!)
    .filter(Boolean);
  let t = performance.now();
  const found = timed(
    "dedup.findDuplicates",
    t,
    pool.size > 1 ? findDuplicates(poolArticles, { cache: state.dedupFeatures }) : [],
  );
  const finalGroups = mergeGroups(found, [...oldGroups.values()]);
  const groupOf = new Map<string, DuplicateGroup>();
  for (const g of finalGroups) for (const m of g.articles) groupOf.set(m, g);
  const finalIds = new Set(finalGroups.map((g) => g.id));
  const gone = [...oldGroups.keys()].filter((id) => !finalIds.has(id));
  if (gone.length) await tx.deleteFrom("duplicate_groups").where("id", "in", gone).execute();
  // Stored groups the batch did not change are not written again.
  const changed = finalGroups.filter((g) => !sameGroup(g, oldGroups.get(g.id)));
  await insertChunks(changed, (c) =>
    tx
      .insertInto("duplicate_groups")
      .values(c.map((g) => ({ id: g.id, kind: g.kind, original: g.original, similarity: g.similarity, data: json(g) })))
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          kind: eb.ref("excluded.kind"),
          original: eb.ref("excluded.original"),
          similarity: eb.ref("excluded.similarity"),
          data: eb.ref("excluded.data"),
        })),
      )
      .execute(),
  );
  const affected = new Set<string>([...pool, ...[...oldGroups.values()].flatMap((g) => g.articles)]);
  const groupChanges: Array<[string, string | null]> = [];
  for (const id of [...affected].sort()) {
    const gid = groupOf.get(id)?.id ?? null;
    const before = state.articles.get(id)?.groupId ?? null;
    if (gid !== before) {
      if (!newIds.has(id)) groupChanges.push([id, gid]);
      state.setGroup(id, gid);
    }
  }
  await setColumn(tx, "duplicate_group_id", groupChanges, rev);

  // 2. Stories. The new articles and every (recent) member of the stories they might belong to are
  // clustered together, all in the same light form and in a canonical order (date, then id), and the
  // neighbourhood is reassigned from the result. The outcome then depends on which articles are
  // stored, not on the order or the process they came in: what makes concurrent ingest and a rerun
  // after a crash agree with one uninterrupted run.
  const candidates = new Set<string>();
  for (const id of newIds) {
    const l = state.articles.get(id)!;
    for (const s of state.storyCandidates(l)) candidates.add(s);
    for (const m of groupOf.get(id)?.articles ?? []) {
      const s = state.articles.get(m)?.storyId;
      if (s) candidates.add(s);
    }
  }
  // One more step out: the stories the candidates' own members point at. A story that an earlier
  // arrival order split off is then back in the neighbourhood and re-clustered with the rest.
  for (const s of [...candidates].sort()) {
    if (candidates.size >= MAX_CANDIDATE_STORIES) break;
    for (const id of [...(state.stories.get(s) ?? [])].sort().slice(0, STORY_POOL_PER_STORY)) {
      for (const c of state.storyCandidates(state.articles.get(id)!, 4))
        if (candidates.size < MAX_CANDIDATE_STORIES) candidates.add(c);
    }
  }
  const members: LightArticle[] = [...newIds].map((id) => state.articles.get(id)!);
  for (const s of [...candidates].sort()) {
    const recent = [...(state.stories.get(s) ?? [])]
      .map((id) => state.articles.get(id)!)
      .filter((l) => l && !newIds.has(l.id))
      .sort((x, y) => cmp(y.published ?? "", x.published ?? "") || cmp(x.id, y.id))
      .slice(0, STORY_POOL_PER_STORY);
    members.push(...recent);
  }
  members.sort((x, y) => cmp(x.published ?? "", y.published ?? "") || cmp(x.id, y.id));
  await loadHeads(tx, members);
  t = performance.now();
  const clusters = timed(
    "stories.clusterStories",
    t,
    clusterStories(members.map(articleOfLight), { cache: state.storyFeatures }),
  );
  const byCluster = new Map<string, LightArticle[]>();
  for (const m of members) {
    const c = clusters.get(m.id) ?? `solo:${m.id}`;
    byCluster.set(c, [...(byCluster.get(c) ?? []), m]);
  }
  // Larger clusters choose first; each keeps the existing story most of its members are in, and a
  // story split in two keeps its id on the larger part. Other clusters are new stories named after
  // their smallest article id.
  const ordered = [...byCluster.values()].sort((x, y) => y.length - x.length || cmp(x[0]!.id, y[0]!.id));
  const taken = new Set<string>();
  const target = new Map<string, string>();
  for (const group of ordered) {
    const votes = new Map<string, number>();
    for (const m of group) if (m.storyId && !newIds.has(m.id)) votes.set(m.storyId, (votes.get(m.storyId) ?? 0) + 1);
    let story = [...votes].filter(([sid]) => !taken.has(sid)).sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))[0]?.[0];
    if (!story) {
      const base = `story-${shortHash(group.map((m) => m.id).sort()[0]!)}`;
      story = base;
      for (let n = 2; taken.has(story) || (state.stories.get(story)?.size ?? 0) > 0; n++) story = `${base}-${n}`;
    }
    taken.add(story);
    for (const m of group) target.set(m.id, story);
  }
  const storyChanges: Array<[string, string | null]> = [];
  for (const m of members) {
    const s = target.get(m.id)!;
    const before = state.articles.get(m.id)!.storyId;
    if (s !== before) {
      if (!newIds.has(m.id)) storyChanges.push([m.id, s]);
      if (before) touched.add(before);
      state.setStory(m.id, s);
      // Only stories whose membership changed need fusing again; the rest of the neighbourhood is as it was.
      touched.add(s);
    }
  }
  storyChanges.sort((x, y) => cmp(x[0], y[0]));
  await setColumn(tx, "story_id", storyChanges, rev);
  for (const id of newIds) placements.set(id, { storyId: target.get(id)!, group: groupOf.get(id) ?? null });
  return placements;
}

/** The order a batch's new articles are placed in and inserted: by date (undated last), then id. */
export function placementOrder<T extends { id: string; published: string | null }>(items: T[]): T[] {
  return [...items].sort((x, y) => cmp(x.published ?? "\uffff", y.published ?? "\uffff") || cmp(x.id, y.id));
}

/** Whether two groups say the same (field by field: a stored group comes back from JSONB with its own key order). */
function sameGroup(x: DuplicateGroup, y: DuplicateGroup | undefined): boolean {
  if (!y || x.id !== y.id || x.kind !== y.kind || x.original !== y.original || x.similarity !== y.similarity)
    return false;
  if (x.articles.length !== y.articles.length || x.pairs.length !== y.pairs.length) return false;
  for (let i = 0; i < x.articles.length; i++) if (x.articles[i] !== y.articles[i]) return false;
  for (let i = 0; i < x.pairs.length; i++) {
    const p = x.pairs[i]!;
    const q = y.pairs[i]!;
    if (p.a !== q.a || p.b !== q.b || p.jaccard !== q.jaccard || p.containment !== q.containment) return false;
  }
  return true;
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sets one text column of many articles (and their rev) in one statement. */
async function setColumn(
  tx: Tx,
  column: "story_id" | "duplicate_group_id",
  changes: Array<[string, string | null]>,
  rev: number,
): Promise<void> {
  if (!changes.length) return;
  await sql`
    update articles a set ${sql.ref(column)} = v.val, rev = ${rev}
    from unnest(${changes.map((c) => c[0])}::text[], ${changes.map((c) => c[1])}::text[]) as v(id, val)
    where a.id = v.id`.execute(tx);
}
