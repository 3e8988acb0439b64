import { sql, type Kysely, type Transaction } from "kysely";
import type { Story } from "@newsfuse/core";
import type { DB } from "../db/types.ts";
import { loadEncoded, type EncodedDocs } from "./docs.ts";
import { ts, withTs, type FusedRows } from "./fused-rows.ts";
import type { FuseJob } from "./fuse-job.ts";
import { shortHash } from "./ids.ts";
import { timed } from "./phases.ts";
import type { DeriveState } from "./state.ts";

type Tx = Transaction<DB> | Kysely<DB>;
type Row = Record<string, unknown>;

// Fusion of a story reads at most this many of its articles (earliest and latest halves): re-fusing a
// story touched by every batch must not grow with its size.
export const MAX_FUSE_ARTICLES = 400;
const CHUNK = 500;

/** The tables one story's fusion owns, with their keys. */
const CHILDREN = [
  { table: "story_entities", pk: ["story_id", "entity_id"], rows: (o: FusedRows) => o.storyEntities },
  { table: "quotes", pk: ["id"], rows: (o: FusedRows) => o.quotes },
  { table: "events", pk: ["id"], rows: (o: FusedRows) => o.events },
  { table: "discrepancies", pk: ["id"], rows: (o: FusedRows) => o.discrepancies },
] as const;
const STORY_COLUMNS = [
  "title",
  "span_from",
  "span_to",
  "article_count",
  "event_count",
  "quote_count",
  "discrepancy_count",
  "data",
  "tsv",
  "updated_at",
] as const;

const keyOf = (pk: readonly string[], r: Row) => pk.map((c) => String(r[c])).join("\t");
// tsv is derived from the row's own text columns, so it takes no part in telling whether a row changed.
const hashOf = (r: Row) =>
  shortHash(
    JSON.stringify(r, (k, v) => (k === "tsv" ? undefined : v)),
    16,
  );

interface Written {
  /** The story row's updated_at as this process wrote it (ms). */
  stamp: number;
  /** `${table}\t${key}` -> hash of the row written. */
  rows: Map<string, string>;
  /** article id -> `${event}\t${fused}` written. */
  articles: Map<string, string>;
}

/**
 * What the last fusion of each story wrote, so a re-fusion writes only the rows that changed: most of
 * a big story's entities, quotes and events do not change when a few articles join it. An entry is
 * used only while the story row still carries the stamp this process wrote, so a rolled-back
 * transaction or another process's fusion makes it fall back to a full rewrite.
 */
export class FusedCache {
  readonly stories = new Map<string, Written>();
  private last = 0;

  /** A fresh stamp, strictly increasing within the process. */
  stamp(): number {
    this.last = Math.max(Date.now(), this.last + 1);
    return this.last;
  }

  clear(): void {
    this.stories.clear();
  }
}

/** Fuses one story (AnalyzePool.fuse: on a worker). */
export type Fuser = (job: FuseJob) => Promise<FusedRows>;

/**
 * Re-fuses the given stories from their stored articles and writes what changed, a handful of
 * statements for the whole set (a round trip per story and table would dominate ingest). The stories
 * are fused in parallel by `fuse`.
 */
export async function refuseStories(
  tx: Tx,
  storyIds: string[],
  docs: EncodedDocs,
  cache: FusedCache,
  fuse: Fuser,
): Promise<void> {
  if (!storyIds.length) return;
  const half = Math.floor(MAX_FUSE_ARTICLES / 2);
  // Up to MAX_FUSE_ARTICLES per story: its earliest and latest halves.
  const rows = await sql<{ id: string; story_id: string; n: number }>`
    select id, story_id, n from (
      select id, story_id,
        row_number() over (partition by story_id order by published nulls last, id) as rn,
        count(*) over (partition by story_id)::int as n
      from articles where story_id = any(${storyIds}::text[])
    ) x
    where n <= ${MAX_FUSE_ARTICLES} or rn <= ${half} or rn > n - ${half}`.execute(tx);
  let t = performance.now();
  const docsById = timed(
    "fuse: read documents",
    t,
    await loadEncoded(
      tx,
      rows.rows.map((r) => r.id),
      docs,
    ),
  );
  const byStory = new Map<string, { n: number; articles: FuseJob["articles"] }>();
  for (const r of rows.rows) {
    let e = byStory.get(r.story_id);
    if (!e) byStory.set(r.story_id, (e = { n: r.n, articles: [] }));
    e.articles.push({ id: r.id, doc: docsById.get(r.id)! });
  }
  const stamps = new Map<string, number>();
  for (const r of await tx.selectFrom("stories").select(["id", "updated_at"]).where("id", "in", storyIds).execute())
    stamps.set(r.id, new Date(r.updated_at).getTime());
  const ordered = [...storyIds].sort();
  const stampOf = new Map(ordered.map((id) => [id, cache.stamp()]));
  // Every story goes to the workers at once; the results are written a part at a time, as they come,
  // so the writes of one part overlap the fusion of the next.
  const pending = new Map(
    ordered.map((id) => {
      const e = byStory.get(id);
      const p = e
        ? fuse({ storyId: id, articles: e.articles, count: e.n, updatedAt: new Date(stampOf.get(id)!).toISOString() })
        : Promise.resolve(null);
      p.catch(() => {});
      return [id, p] as const;
    }),
  );
  for (let i = 0; i < ordered.length; i += WRITE_PART) {
    const part = ordered.slice(i, i + WRITE_PART);
    t = performance.now();
    const fusedOf = new Map<string, FusedRows>();
    for (const id of part) {
      const out = await pending.get(id)!;
      if (out) fusedOf.set(id, out);
    }
    timed("fuse: waiting for fusion", t, 0);
    t = performance.now();
    await writeFused(tx, part, fusedOf, stamps, stampOf, cache);
    timed("fuse: diff and write", t, 0);
  }
}

// Stories whose fused rows are written together (see refuseStories).
const WRITE_PART = 25;

/** Writes the fused rows of `ordered` stories that differ from what this process last wrote for them. */
async function writeFused(
  tx: Tx,
  ordered: string[],
  fusedOf: Map<string, FusedRows>,
  stamps: Map<string, number>,
  stampOf: Map<string, number>,
  cache: FusedCache,
): Promise<void> {
  const rewrite: string[] = []; // stories whose rows are all deleted first (cascade) and written anew
  const upserts = new Map<string, Row[]>(CHILDREN.map((c) => [c.table, []]));
  const deletes = new Map<string, Row[]>(CHILDREN.map((c) => [c.table, []]));
  const storyRows: Row[] = [];
  const entityRows = new Map<string, Row>();
  const articleRows: Array<{ id: string; event: string | null; fused: string | null }> = [];
  for (const id of ordered) {
    const out = fusedOf.get(id);
    const before = cache.stories.get(id);
    cache.stories.delete(id);
    const valid = before && stamps.get(id) === before.stamp;
    if (!valid || !out) {
      if (stamps.has(id)) rewrite.push(id);
      if (!out) continue;
    }
    const written: Written = { stamp: stampOf.get(id)!, rows: new Map(), articles: new Map() };
    storyRows.push(out.story);
    const entity = new Map(out.entities.map((r) => [String(r.id), r]));
    for (const c of CHILDREN) {
      for (const r of c.rows(out)) {
        const k = `${c.table}\t${keyOf(c.pk, r)}`;
        const h = hashOf(r);
        written.rows.set(k, h);
        if (valid && before.rows.get(k) === h) continue;
        upserts.get(c.table)!.push(r);
        // An unchanged story_entities row proves its entity exists (the foreign key keeps it), so only
        // the entities of written rows are offered.
        if (c.table === "story_entities") entityRows.set(String(r.entity_id), entity.get(String(r.entity_id))!);
      }
    }
    if (valid)
      for (const k of before.rows.keys())
        if (!written.rows.has(k)) {
          const [table, ...key] = k.split("\t");
          const pk = CHILDREN.find((c) => c.table === table)!.pk;
          deletes.get(table!)!.push(Object.fromEntries(pk.map((col, i) => [col, key[i]])));
        }
    for (const a of out.articles) {
      const v = `${a.event}\t${a.fused}`;
      written.articles.set(a.id, v);
      if (!valid || before.articles.get(a.id) !== v) articleRows.push(a);
    }
    cache.stories.set(id, written);
  }

  if (rewrite.length) await tx.deleteFrom("stories").where("id", "in", rewrite).execute(); // cascades to the CHILDREN
  for (const c of CHILDREN) {
    const gone = deletes.get(c.table)!;
    for (let i = 0; i < gone.length; i += CHUNK) {
      const chunk = gone.slice(i, i + CHUNK);
      if (c.pk.length === 1)
        await sql`delete from ${sql.table(c.table)} where id = any(${chunk.map((r) => r.id)}::text[])`.execute(tx);
      else
        await sql`delete from story_entities where (story_id, entity_id) in (select * from unnest(${chunk.map((r) => r.story_id)}::text[], ${chunk.map((r) => r.entity_id)}::text[]))`.execute(
          tx,
        );
    }
  }
  await upsert(tx, "entities", [...entityRows.values()].map(withTs), ["id"], []);
  await upsert(tx, "stories", storyRows.map(withTs), ["id"], STORY_COLUMNS);
  for (const c of CHILDREN) {
    const rs = upserts.get(c.table)!.map(withTs);
    await upsert(
      tx,
      c.table,
      rs,
      c.pk,
      Object.keys(rs[0] ?? {}).filter((k) => !(c.pk as readonly string[]).includes(k)),
    );
  }
  for (let i = 0; i < articleRows.length; i += CHUNK) {
    const arts = articleRows.slice(i, i + CHUNK);
    await sql`
      insert into article_fusion (article_id, event_id, fused_published)
      select id, event_id, fp::jsonb from unnest(${arts.map((a) => a.id)}::text[], ${arts.map((a) => a.event)}::text[], ${arts.map((a) => a.fused)}::text[]) as v(id, event_id, fp)
      where exists (select 1 from articles a where a.id = v.id)
      on conflict (article_id) do update set event_id = excluded.event_id, fused_published = excluded.fused_published
      where article_fusion.event_id is distinct from excluded.event_id or article_fusion.fused_published is distinct from excluded.fused_published`.execute(
      tx,
    );
  }
}

/** Inserts rows, updating `columns` of rows that exist (nothing when `columns` is empty). */
async function upsert(
  tx: Tx,
  table: string,
  rows: Row[],
  pk: readonly string[],
  columns: readonly string[],
): Promise<void> {
  // One statement must not touch a row twice.
  const unique = [...new Map(rows.map((r) => [keyOf(pk, r), r])).values()];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const q = tx.insertInto(table as keyof DB).values(unique.slice(i, i + CHUNK) as never);
    await q
      .onConflict((oc) => {
        const target = oc.columns(pk as never);
        return columns.length
          ? target.doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never)
          : target.doNothing();
      })
      .execute();
  }
}

/** Re-fuses one story (see refuseStories). */
export function refuseStory(tx: Tx, storyId: string, docs: EncodedDocs, cache: FusedCache, fuse: Fuser): Promise<void> {
  return refuseStories(tx, [storyId], docs, cache, fuse);
}

/**
 * Records for the stories among `storyIds` that have none yet: title, dates and articles from the
 * light index, nothing fused (no events, quotes or entities). They stand until the story's fusion,
 * which the caller has marked dirty, replaces them.
 */
export async function writeUnfused(tx: Tx, storyIds: string[], state: DeriveState): Promise<void> {
  if (!storyIds.length) return;
  const have = new Set(
    (await tx.selectFrom("stories").select("id").where("id", "in", storyIds).execute()).map((r) => r.id),
  );
  const rows: Row[] = [];
  for (const id of storyIds) {
    const members = [...(state.stories.get(id) ?? [])].map((m) => state.articles.get(m)!).filter(Boolean);
    if (have.has(id) || !members.length) continue;
    members.sort((x, y) => (x.published ?? "9999").localeCompare(y.published ?? "9999") || (x.id < y.id ? -1 : 1));
    const dates = members.map((m) => m.published).filter((d): d is string => !!d);
    const story: Story = {
      id,
      title: members.find((m) => m.title)?.title ?? members[0]!.lede.slice(0, 80),
      span: { from: dates[0] ?? null, to: dates[dates.length - 1] ?? null },
      articles: members.map((m) => ({
        id: m.id,
        title: m.title,
        outlet: m.outlet ?? m.agency,
        agency: m.agency,
        republishedFrom: null,
        date: m.published,
        dateInferred: false,
      })),
      events: [],
      entities: [],
      quotes: [],
      numbers: [],
      discrepancies: [],
    };
    rows.push({
      id,
      title: story.title,
      span_from: story.span.from,
      span_to: story.span.to,
      article_count: members.length,
      event_count: 0,
      quote_count: 0,
      discrepancy_count: 0,
      data: JSON.stringify(story),
      tsv: ts(story.title),
      updated_at: new Date().toISOString(),
    });
  }
  await upsert(tx, "stories", rows, ["id"], []);
}
