import { sql, type Kysely, type Transaction } from "kysely";
import {
  clusterStoriesAndEvents,
  dedupItem,
  isHeadlineText,
  storyItem,
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
  const t = performance.now();
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

  // 2. Stories, provisionally: a headline item joins the story the live StoryIndex puts it in (fed in
  // arrival order), a report its duplicate group's stored story or a story of its own. The placement
  // that counts is settleStories' at the end of the ingest call, a function of the stored set alone.
  const t2 = performance.now();
  const fresh = placementOrder([...newIds].map((id) => ({ id, published: state.articles.get(id)!.published })));
  const target = new Map<string, string>();
  for (const { id } of fresh) {
    const l = state.articles.get(id)!;
    let story: string | undefined;
    if (isHeadlineText(l.title, l.lede)) {
      const s = state.live.add(headlineItem(l));
      story = state.liveStory.get(s);
      if (!story) state.liveStory.set(s, (story = `story-${id}`));
    } else
      for (const m of [...(groupOf.get(id)?.articles ?? [])].sort()) {
        const sid = state.articles.get(m)?.storyId;
        if (sid && !newIds.has(m)) {
          story = sid;
          break;
        }
      }
    story ??= `story-${id}`;
    target.set(id, story);
    state.setStory(id, story);
    touched.add(story);
  }
  state.unsettled = true;
  timed("stories.provisional", t2, 0);
  for (const id of newIds) placements.set(id, { storyId: target.get(id)!, group: groupOf.get(id) ?? null });
  return placements;
}

/** The story item of a stored headline (its lede is its whole body), as core's clusterStoriesAndEvents reads it. */
function headlineItem(l: LightArticle) {
  return storyItem(articleOfLight({ ...l, head: l.lede }));
}

/**
 * Places every stored article as core's clusterStoriesAndEvents places the whole set: reports (one
 * per duplicate group) clustered into events and stories, headline items attached to a report's
 * event or grouped by StoryIndex in time order. The result depends on which articles are stored,
 * not on the order, batches or processes they came in. Writes the changed story ids, adds every
 * story that gained or lost articles to `touched`, and makes the live index the settled one.
 */
export async function settleStories(tx: Tx, state: DeriveState, rev: number, touched: Set<string>): Promise<void> {
  const t0 = performance.now();
  const repOf = (l: LightArticle): string => {
    const g = l.groupId ? state.groups.get(l.groupId) : undefined;
    if (!g || g.size === 0) return l.id;
    let first = l.id;
    for (const m of g) if (m < first) first = m;
    return first;
  };
  const reps: string[] = [];
  const rep = new Map<string, string>();
  const light: Article[] = [];
  const isHeadline = (id: string) => {
    const l = state.articles.get(id);
    return !!l && isHeadlineText(l.title, l.lede);
  };
  for (const l of state.articles.values()) {
    const r = repOf(l);
    rep.set(l.id, r);
    // Clustered from its document: a report that core clusters itself (see clusterStoriesAndEvents).
    if (!isHeadline(l.id) && (r === l.id || isHeadline(r))) reps.push(l.id);
    else light.push(articleOfLight({ ...l, head: l.lede }));
  }
  const docs = await loadArticles(tx, reps.sort(), state.docs);
  const articles = [...docs.values(), ...light];
  const t1 = performance.now();
  const { storyOf } = clusterStoriesAndEvents(articles, { representativeOf: (id) => rep.get(id) });
  timed("stories.settle (clustering)", t1, 0);
  const changes: Array<[string, string | null]> = [];
  for (const [id, s] of [...storyOf].sort((x, y) => cmp(x[0], y[0]))) {
    const before = state.articles.get(id)?.storyId ?? null;
    if (before === s) continue;
    changes.push([id, s]);
    if (before) touched.add(before);
    touched.add(s);
    state.setStory(id, s);
  }
  await setColumn(tx, "story_id", changes, rev);
  // The live index restarts from the settled headline stories, in time order, so the next calls'
  // provisional placements start from the stories that count.
  state.resetLive();
  const headlines = [...state.articles.values()]
    .filter((l) => rep.get(l.id) === l.id && isHeadlineText(l.title, l.lede))
    .map((l) => ({ l, item: headlineItem(l) }))
    .sort((x, y) => (x.item.time ?? Infinity) - (y.item.time ?? Infinity) || cmp(x.l.id, y.l.id));
  const indexStoryOf = new Map<string, string>();
  for (const { l, item } of headlines) {
    const s = state.live.addTo(item, indexStoryOf.get(l.storyId!) ?? null);
    indexStoryOf.set(l.storyId!, s);
    state.liveStory.set(s, l.storyId!);
  }
  state.unsettled = false;
  timed("stories.settle (total)", t0, 0);
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
