import { type Kysely, Migrator, sql, type Insertable, type Selectable, type Transaction } from "kysely";
import {
  Article as ArticleSchema,
  DuplicateGroup as DuplicateGroupSchema,
  EntityRecord as EntityRecordSchema,
  QuoteRecord as QuoteRecordSchema,
  Story as StorySchema,
  Discrepancy as DiscrepancySchema,
  NewsfuseFailure,
  type Article,
  type EntityRecord,
  type NewsfuseError,
  type QuoteRecord,
  type StoryArticle,
  type StorySort,
} from "@newsfuse/core";
import type { DB, RawInputsTable, StoriesTable } from "./db/types.ts";
import { migrationProvider } from "./db/migrations.ts";
import type { DeriveState, LightArticle } from "./pipeline/state.ts";
import type { NewArticle, Placement } from "./pipeline/derive.ts";
import { timed } from "./pipeline/phases.ts";
import type { AnalyzePool } from "./pipeline/pool.ts";
import type { AnalyzedRaw } from "./pipeline/analyze-raw.ts";
import type { FuseJob } from "./pipeline/fuse-job.ts";
import type * as IngestPipeline from "./ingest-pipeline.ts";
import { contentHash } from "./pipeline/ids.ts";
import { Lru, docColumn, loadArticles, readDoc } from "./pipeline/docs.ts";
import { spokenBy, storyNames } from "./queries/names.ts";
import { coverageOf, originsOf, outletsOf } from "./queries/origins.ts";
import { storyBundle } from "./queries/bundle.ts";
import { createSourceStore, type SourceStore } from "./sources.ts";
import type {
  ArticleDetail,
  ArticleSummary,
  EntityDetail,
  IngestItemResult,
  IngestOptions,
  Page,
  PageQuery,
  RawInput,
  SearchResult,
  Store,
  StoreEvent,
  StoreStats,
  StoryBundle,
  StoryQuery,
  StorySummary,
} from "./types.ts";

type Tx = Transaction<DB> | Kysely<DB>;

let ingestPipeline: typeof IngestPipeline | undefined;
/** Loads the write path (see ingest-pipeline.ts) once per process; every method that writes awaits it first. */
async function loadPipeline(): Promise<typeof IngestPipeline> {
  ingestPipeline ??= await import("./ingest-pipeline.ts");
  return ingestPipeline;
}
/** The write path, in code that runs only after its method awaited loadPipeline. */
function pipeline(): typeof IngestPipeline {
  if (!ingestPipeline) throw new Error("internal: the ingest pipeline is used before loadPipeline()");
  return ingestPipeline;
}

/** Options every backend shares. */
export interface SqlStoreOptions {
  backend: "embedded" | "server";
  /** Items (articles) per transaction; a dump or feed holding more is stored a batch at a time. */
  batchSize?: number;
  /** Analysis worker threads; 0 analyzes in this thread. Default: one per core. */
  workers?: number;
  /** Called when the store closes (releases the embedded lock). */
  onClose?: () => Promise<void> | void;
  /** Where the data lives, for messages and stats. */
  location: string;
}

// Every batch takes this transaction-scoped advisory lock: story assignment and duplicate groups depend
// on what is already stored, so concurrent ingest processes take turns for that part (analysis, the
// expensive part, still runs in parallel outside the lock).
const DERIVE_LOCK = 0x6e657773; // "news"
const DEFAULT_BATCH = 32;
const ANALYZE_AHEAD = 3;
// Stories re-fused per transaction: small, so readers of the embedded store (one connection) get in
// between chunks instead of waiting for the whole pass.
const DIRTY_CHUNK = 25;
const INGEST_DIRTY_CHUNK = 200;
const MAX_RETRIES = 5;

/** Part of one ingest call's work: a raw input's items from `from` on (one batch's worth), or the whole input. */
interface IngestUnit {
  input: number;
  from: number;
  /** Stored whole already: nothing to analyze. */
  known: boolean;
  /** Items it is expected to hold, for how far analysis runs ahead. */
  weight: number;
  job?: Promise<AnalyzedRaw | null>;
}

interface StoredInput {
  complete: boolean;
  articleCount: number;
  /** The items stored, for an input stored in part. */
  items?: number[];
}

const json = (v: unknown) => JSON.stringify(v);

function encodeCursor(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString("base64url");
}
function decodeCursor<T>(c: string | undefined, what: string): T | null {
  if (!c) return null;
  try {
    return JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as T;
  } catch {
    throw new NewsfuseFailure({
      code: "input_malformed",
      message: `cursor "${c}" is not a cursor this store issued`,
      input: what,
    });
  }
}
function seqOf(c: { seq?: unknown } | null, what: string): string | null {
  if (!c) return null;
  if (typeof c.seq !== "string" || !/^\d{1,18}$/.test(c.seq))
    throw new NewsfuseFailure({
      code: "input_malformed",
      message: `cursor is not a cursor this store issued`,
      input: what,
    });
  return c.seq;
}
function idOf(c: { id?: unknown } | null, what: string): { id: string } | null {
  if (!c) return null;
  if (typeof c.id !== "string")
    throw new NewsfuseFailure({
      code: "input_malformed",
      message: `cursor is not a cursor this store issued`,
      input: what,
    });
  return { id: c.id };
}
function clampLimit(l: number | undefined): number {
  return Math.min(200, Math.max(1, Math.floor(l ?? 50)));
}

function isRetryable(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  // serialization_failure, deadlock_detected, unique_violation (a concurrent writer stored the same input first)
  return code === "40001" || code === "40P01" || code === "23505";
}

/** The one Store implementation: the same SQL over PGlite (embedded) or a PostgreSQL server. */
export class SqlStore implements Store {
  readonly backend: "embedded" | "server";
  readonly location: string;
  private derived: DeriveState | null = null;
  /** The in-memory indexes, made with the pipeline: reads never touch them. */
  private get state(): DeriveState {
    this.derived ??= new (pipeline().DeriveState)();
    return this.derived;
  }
  private readonly listeners = new Set<(e: StoreEvent) => void>();
  /** StorySummary figures by `<story id>|<updated_at>` (see summarize). */
  private readonly summaryExtras = new Lru<SummaryExtras>(SUMMARY_CACHE_SIZE);
  private pool: AnalyzePool | null = null;
  private closed = false;
  private epoch: number | null = null;

  constructor(
    readonly db: Kysely<DB>,
    private readonly opts: SqlStoreOptions,
  ) {
    this.backend = opts.backend;
    this.location = opts.location;
  }

  /** Applies pending migrations; returns the names applied. */
  async migrate(): Promise<string[]> {
    const { error, results } = await new Migrator({ db: this.db, provider: migrationProvider }).migrateToLatest();
    if (error)
      throw new NewsfuseFailure({
        code: "store_error",
        message: `${this.location}: migration failed (${(error as Error).message})`,
        input: this.location,
      });
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  }

  /** Loads the in-memory indexes (dedup keys, story terms, memberships) from the tables. */
  async loadIndexes(): Promise<{ articles: number; ms: number }> {
    const t0 = performance.now();
    await loadPipeline();
    this.state.clear();
    await this.catchUp(this.db);
    return { articles: this.state.articles.size, ms: performance.now() - t0 };
  }

  private async catchUp(tx: Tx): Promise<void> {
    const epoch = await this.readEpoch(tx);
    if (this.epoch !== null && epoch !== this.epoch) this.state.clear();
    this.epoch = epoch;
    const rows = await tx
      .selectFrom("articles as a")
      .leftJoin("signatures as s", "s.article_id", "a.id")
      .select([
        "a.id",
        "a.title",
        "a.published",
        "a.outlet",
        "a.agency",
        "a.story_id",
        "a.duplicate_group_id",
        sql<string>`a.rev::text`.as("rev"),
        sql<string>`left(a.head, ${pipeline().LEDE_CHARS})`.as("lede"),
        "a.entity_list as entities",
        "a.url",
        "s.keys",
      ])
      .where(sql<boolean>`a.rev > ${this.state.rev}`)
      .orderBy("a.seq")
      .execute();
    for (const r of rows) {
      this.state.apply({
        id: r.id,
        title: r.title,
        published: r.published,
        outlet: r.outlet,
        agency: r.agency,
        lede: r.lede ?? "",
        head: null,
        entities: (r.entities ?? []).map((e) => ({
          name: e.name,
          type: e.type as LightArticle["entities"][number]["type"],
        })),
        url: r.url,
        storyId: r.story_id,
        groupId: r.duplicate_group_id,
        keys: r.keys ?? [],
      });
      this.state.rev = Math.max(this.state.rev, Number(r.rev));
    }
  }

  private async readEpoch(tx: Tx): Promise<number> {
    const row = await tx.selectFrom("meta").select("value").where("key", "=", "epoch").executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  private emit(e: StoreEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        /* a listener's failure is its own */
      }
    }
  }

  /**
   * Whether this database's to_tsvector is the one englishTsvector reproduces, so article vectors are
   * built in JS (see search/article-tsv.ts). Asked once, before the first write (never inside a
   * transaction: PGlite has one connection).
   */
  private tsvInJs = false;
  private tsvAsked = false;
  private async askTsv(): Promise<void> {
    if (this.tsvAsked) return;
    this.tsvInJs = await (await loadPipeline()).jsTsvectorAgrees(this.db);
    this.tsvAsked = true;
  }

  private readonly fuser = (job: FuseJob) => this.analyzer().fuse(job);

  private analyzer(): AnalyzePool {
    if (!this.pool) this.pool = new (pipeline().AnalyzePool)(this.opts.workers);
    return this.pool;
  }

  async ingest(inputs: RawInput[], opts: IngestOptions = {}): Promise<IngestItemResult[]> {
    this.assertOpen();
    await this.askTsv();
    const size = Math.max(1, opts.batchSize ?? this.opts.batchSize ?? DEFAULT_BATCH);
    // Inputs already stored are found up front (one query, not one per batch: the embedded database has a
    // single connection, and a query issued mid-batch would wait for the batch's transaction); each batch
    // checks again inside its transaction. An input stored in part (an ingest killed midway through a
    // dump) is read again and only its missing items are analyzed.
    const hashes = inputs.map((r) => contentHash(r.body));
    const stored = await this.storedInputs(hashes);
    // A batch holds up to `size` items (articles), not raw inputs: a JSON Lines dump or a feed is stored
    // a batch at a time, each committed, with progress counted in articles.
    const units: IngestUnit[] = [];
    let nextInput = 0;
    const items = hashes.map((h) => Math.max(1, stored.get(h)?.articleCount ?? 1));
    const analyze = (u: IngestUnit) => {
      const raw = inputs[u.input]!;
      u.job = u.known
        ? Promise.resolve(null)
        : this.analyzer().run({
            body: raw.body,
            contentType: raw.contentType,
            origin: raw.origin,
            prepare: { tsv: this.tsvInJs },
            range: { from: u.from, to: u.from + size, skip: stored.get(hashes[u.input]!)?.items },
          });
      u.job.catch(() => {});
    };
    // Analysis runs up to ANALYZE_AHEAD batches ahead of the batch being written, so the workers stay
    // busy while the main thread writes and the writer rarely waits.
    const fill = () => {
      let ahead = 0;
      for (const u of units) {
        if (!u.job) analyze(u);
        ahead += u.weight;
        if (ahead >= ANALYZE_AHEAD * size) return;
      }
      while (nextInput < inputs.length && ahead < ANALYZE_AHEAD * size) {
        const i = nextInput++;
        const u: IngestUnit = { input: i, from: 0, known: stored.get(hashes[i]!)?.complete ?? false, weight: 1 };
        units.push(u);
        analyze(u);
        ahead += u.weight;
      }
    };
    const results: IngestItemResult[][] = [];
    let done = 0;
    let failed = 0;
    const storiesBefore = new Set([...this.state.stories].filter(([, m]) => m.size).map(([s]) => s));
    const touchedInCall = new Set<string>();
    fill();
    while (units.length) {
      const batch: Array<{ unit: IngestUnit; analyzed: AnalyzedRaw | null }> = [];
      let articles = 0;
      const tw = performance.now();
      while (units.length && articles < size) {
        const u = units[0]!;
        if (!u.job) analyze(u);
        const analyzed = await u.job!;
        units.shift();
        if (analyzed && u.from === 0) {
          // The first range of an input tells how many items it holds: the rest follow it, in order.
          items[u.input] = Math.max(1, analyzed.items);
          const rest: IngestUnit[] = [];
          for (let from = size; from < analyzed.items; from += size)
            rest.push({ input: u.input, from, known: false, weight: Math.min(size, analyzed.items - from) });
          units.unshift(...rest);
        }
        batch.push({ unit: u, analyzed });
        articles += analyzed ? Math.max(1, analyzed.articles.length + analyzed.errors.length) : 1;
        fill();
      }
      timed("waiting for analysis", tw, 0);
      const tb = performance.now();
      const r = await this.writeBatch(
        batch.map((b) => inputs[b.unit.input]!),
        batch.map((b) => hashes[b.unit.input]!),
        batch.map((b) => b.analyzed),
        true,
      );
      timed("batch transaction (total)", tb, 0);
      results.push(r.results);
      done += r.results.length;
      failed += r.results.filter((x) => x.status === "error").length;
      const total = Math.max(
        done,
        items.reduce((n, k) => n + k, 0),
      );
      const ev: StoreEvent = { type: "ingest.progress", done, total, failed };
      opts.onProgress?.(ev);
      this.emit(ev);
      for (const s of [...r.created, ...r.updated]) touchedInCall.add(s);
    }
    // Batches placed their articles provisionally; the stories that count are the stored set's, and
    // the results and story events report those.
    if (this.state.unsettled) for (const s of await this.settle()) touchedInCall.add(s);
    for (const r of results.flat())
      if ("storyId" in r && r.id)
        (r as { storyId: string | null }).storyId = this.state.articles.get(r.id)?.storyId ?? null;
    for (const s of [...touchedInCall].sort()) {
      if (!this.state.stories.get(s)?.size) continue;
      this.emit({ type: storiesBefore.has(s) ? "story.updated" : "story.created", storyId: s });
    }
    const tf = performance.now();
    if (opts.fuse !== "defer") {
      const fused = await this.fuseDirty({ chunk: INGEST_DIRTY_CHUNK });
      opts.onFused?.(fused);
    }
    timed("refuse dirty stories at the end", tf, 0);
    return results.flat();
  }

  /** Places every stored article as the whole stored set decides (settleStories); stories that changed are marked dirty. */
  private async settle(): Promise<Set<string>> {
    return this.rollbackSafe(() =>
      this.db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(${DERIVE_LOCK})`.execute(tx);
        return this.settleIn(tx);
      }),
    );
  }

  /** `settle` inside a transaction that holds the derive lock; returns the stories that changed. */
  private async settleIn(tx: Tx): Promise<Set<string>> {
    await this.catchUp(tx);
    const rev = this.state.rev + 1;
    const touched = new Set<string>();
    await pipeline().settleStories(tx, this.state, rev, touched);
    const ids = [...touched].sort();
    await pipeline().writeUnfused(tx, ids, this.state);
    if (ids.length)
      await tx
        .insertInto("dirty_stories")
        .values(ids.map((story_id) => ({ story_id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    this.state.rev = rev;
    return touched;
  }

  /**
   * Re-fuses every story marked dirty, a chunk per transaction (each chunk clears its markers). Small
   * chunks let readers of the embedded store (one connection) in between; ingest's own pass at the end
   * of a call takes bigger ones, which keep both workers busy while the main thread writes.
   */
  async fuseDirty(opts: { chunk?: number } = {}): Promise<number> {
    const chunk = Math.max(1, opts.chunk ?? DIRTY_CHUNK);
    await loadPipeline();
    let n = 0;
    for (;;) {
      const done = await this.rollbackSafe(() =>
        this.db.transaction().execute(async (tx) => {
          await sql`select pg_advisory_xact_lock(${DERIVE_LOCK})`.execute(tx);
          return this.fuseDirtyIn(tx, chunk);
        }),
      );
      n += done;
      if (done < chunk) return n;
    }
  }

  private async fuseDirtyIn(tx: Tx, limit: number): Promise<number> {
    const rows = await tx.selectFrom("dirty_stories").select("story_id").orderBy("story_id").limit(limit).execute();
    const ids = rows.map((r) => r.story_id);
    if (!ids.length) return 0;
    await pipeline().refuseStories(tx, ids, this.state.encoded, this.state.fused, this.fuser);
    await tx.deleteFrom("dirty_stories").where("story_id", "in", ids).execute();
    // Entities no story names any more (fusion now spells or merges them differently) go.
    await sql`delete from entities e where not exists (select 1 from story_entities se where se.entity_id = e.id)`.execute(
      tx,
    );
    return ids.length;
  }

  /**
   * The given inputs this store holds: whole (every item it can read is stored) or in part, with the
   * items stored (a dump's ingest killed between two of its batches).
   */
  private async storedInputs(hashes: string[]): Promise<Map<string, StoredInput>> {
    const out = new Map<string, StoredInput>();
    const unique = [...new Set(hashes)];
    for (let i = 0; i < unique.length; i += 1000) {
      const rows = await this.db
        .selectFrom("raw_inputs as r")
        .select([
          "r.content_hash",
          "r.article_count",
          sql<number>`(select count(*)::int from articles a where a.raw_hash = r.content_hash)`.as("stored"),
        ])
        .where("r.content_hash", "in", unique.slice(i, i + 1000))
        .execute();
      for (const r of rows)
        out.set(r.content_hash, { complete: r.stored >= r.article_count, articleCount: r.article_count });
    }
    const partial = [...out].filter(([, v]) => !v.complete).map(([h]) => h);
    for (let i = 0; i < partial.length; i += 1000) {
      const rows = await this.db
        .selectFrom("articles")
        .select(["raw_hash", "item"])
        .where("raw_hash", "in", partial.slice(i, i + 1000))
        .execute();
      for (const r of rows) (out.get(r.raw_hash)!.items ??= []).push(r.item);
    }
    return out;
  }

  /** One batch, one transaction; retried from scratch when a concurrent writer forces it. */
  private async writeBatch(
    batch: RawInput[],
    hashes: string[],
    analyzed: Array<AnalyzedRaw | null>,
    ranged = false,
  ): Promise<{ results: IngestItemResult[]; created: string[]; updated: string[] }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction().execute((tx) => this.processBatch(tx, batch, hashes, analyzed, ranged));
      } catch (e) {
        // The in-memory indexes may hold changes of the rolled-back transaction: rebuild them.
        this.state.clear();
        this.epoch = null;
        if (attempt < MAX_RETRIES && isRetryable(e)) continue;
        throw e instanceof NewsfuseFailure
          ? e
          : new NewsfuseFailure({
              code: "store_error",
              message: `${this.location}: could not store a batch (${(e as Error).message})`,
              input: this.location,
            });
      }
    }
  }

  private async processBatch(
    tx: Tx,
    batch: RawInput[],
    hashes: string[],
    analyzed: Array<AnalyzedRaw | null>,
    ranged = false,
  ): Promise<{ results: IngestItemResult[]; created: string[]; updated: string[] }> {
    const t0 = performance.now();
    await sql`select pg_advisory_xact_lock(${DERIVE_LOCK})`.execute(tx);
    await this.catchUp(tx);
    timed("lock + catch up", t0, 0);
    const rev = this.state.rev + 1;
    // Stored inputs, and each one's stored items (item number → article id). With `ranged`, each entry of
    // the batch is a range of its input's items (a dump stored a batch at a time), so a stored input may
    // be stored only in part; otherwise each entry is a whole input.
    const existing = new Map<string, Map<number, string>>();
    const knownRows = await tx
      .selectFrom("raw_inputs as r")
      .leftJoin("articles as a", (j) =>
        ranged
          ? j.onRef("a.raw_hash", "=", "r.content_hash")
          : j.onRef("a.raw_hash", "=", "r.content_hash").on("a.item", "=", sql.lit(0)),
      )
      .select(["r.content_hash", "a.id", "a.item"])
      .where("r.content_hash", "in", [...new Set(hashes)])
      .execute();
    for (const r of knownRows) {
      const m = existing.get(r.content_hash) ?? new Map<number, string>();
      existing.set(r.content_hash, m);
      if (r.id !== null && r.item !== null) m.set(r.item, r.id);
    }
    const knownIds = (hash: string): string[] => {
      const m = existing.get(hash);
      return m?.size ? [...m.entries()].sort((x, y) => x[0] - y[0]).map(([, id]) => id) : [hash];
    };

    const results: Array<IngestItemResult[]> = batch.map(() => []);
    const fresh: NewArticle[] = [];
    const rawRows: Array<Insertable<RawInputsTable>> = [];
    // Items stored by this batch, by input: the same bytes given twice in one call are stored once.
    const seenInBatch = new Map<string, Map<number, string>>();
    const ids = new Set<string>();
    const unique = (wanted: string, hash: string, item: number) => {
      let id = wanted;
      // The same name from a different input (two "index.html" in different folders) gets the content hash appended.
      if (this.state.articles.has(id) || ids.has(id)) id = `${wanted}~${hash.slice(0, 8)}${item ? `-${item}` : ""}`;
      for (let n = 2; this.state.articles.has(id) || ids.has(id); n++)
        id = `${wanted}~${hash.slice(0, 8)}-${item}-${n}`;
      ids.add(id);
      return id;
    };
    const rawInBatch = new Set<string>();
    for (let i = 0; i < batch.length; i++) {
      const raw = batch[i]!;
      const hash = hashes[i]!;
      let a = analyzed[i];
      if (ranged && a) {
        // A range of an input: its items stored already (by the run this one resumes, or a concurrent
        // one) are known; the others go on.
        const have = (item: number) => existing.get(hash)?.get(item) ?? seenInBatch.get(hash)?.get(item);
        for (const item of a.skipped ?? []) {
          const id = have(item);
          if (id !== undefined) results[i]!.push({ status: "known", id });
        }
        const keep = a.articles.filter((it) => have(it.item) === undefined);
        if (keep.length < a.articles.length) {
          for (const it of a.articles) {
            const id = have(it.item);
            if (id !== undefined) results[i]!.push({ status: "known", id });
          }
          a = { ...a, articles: keep };
        }
      } else {
        const seen = seenInBatch.get(hash);
        const known = seen ? [...seen.values()] : existing.has(hash) ? knownIds(hash) : null;
        if (known) {
          // One result per stored article: a dump ingested again reports each of its articles known.
          for (const id of ranged ? known : known.slice(0, 1)) results[i]!.push({ status: "known", id });
          continue;
        }
      }
      // Analyzed before another process stored it, or never analyzed because it was known then: redo.
      if (!a)
        a = await this.analyzer().run({
          body: raw.body,
          contentType: raw.contentType,
          origin: raw.origin,
          prepare: { tsv: this.tsvInJs },
        });
      for (const e of a.errors) results[i]!.push(errorResult(e, raw.origin));
      if (!a.articles.length) continue;
      if (!existing.has(hash) && !rawInBatch.has(hash)) {
        rawInBatch.add(hash);
        rawRows.push({
          content_hash: hash,
          body: raw.body,
          content_type: raw.contentType,
          origin: raw.origin,
          // What a complete store of the input holds (ingest resumes an input stored in part).
          article_count: ranged ? a.readable : a.articles.length,
        });
      }
      for (const it of a.articles) {
        const id = unique(it.article.id, hash, it.item);
        const article = id === it.article.id ? it.article : { ...it.article, id };
        const prepared = id === it.article.id ? it.prepared : undefined; // a renamed article is encoded anew
        fresh.push({
          article,
          keys: prepared?.keys ?? pipeline().signatureKeys(article),
          doc: prepared?.doc,
          tsv: prepared?.tsv,
          rawHash: hash,
          item: it.item,
          origin: it.origin,
        });
      }
      const seen = seenInBatch.get(hash) ?? new Map<number, string>();
      seenInBatch.set(hash, seen);
      for (const n of fresh.slice(fresh.length - a.articles.length)) seen.set(n.item, n.article.id);
    }
    let t = performance.now();
    // Several raw inputs per statement: a round trip per input would cost more than the rows.
    for (let i = 0; i < rawRows.length; i += 64)
      await tx
        .insertInto("raw_inputs")
        .values(rawRows.slice(i, i + 64))
        .execute();
    timed("insert", t, 0);
    const touched = new Set<string>();
    const before = new Set(this.state.stories.keys());
    t = performance.now();
    // Placed before they are inserted, so each article row is written once with its story and group.
    const placements = await pipeline().deriveBatch(tx, this.state, rev, fresh, touched);
    timed("derive (dedup + stories, total)", t, 0);
    t = performance.now();
    await pipeline().insertArticles(tx, this.state, rev, fresh, placements, this.tsvInJs);
    timed("insert", t, 0);
    t = performance.now();
    // Touched stories are marked dirty and fused once at the end of the ingest call (or by the
    // caller's fuseDirty): a story touched by many batches is fused once, not once per batch. A new
    // story gets an unfused record now (title, dates, articles), so every article's story exists at
    // commit. Markers commit with the batch, so a crash leaves them for the next ingest to finish.
    const touchedIds = [...touched].sort();
    await pipeline().writeUnfused(tx, touchedIds, this.state);
    if (touchedIds.length)
      await tx
        .insertInto("dirty_stories")
        .values(touchedIds.map((story_id) => ({ story_id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    timed("refuse (total)", t, 0);
    this.state.rev = rev;

    let f = 0;
    for (let i = 0; i < batch.length; i++) {
      const hash = hashes[i]!;
      while (f < fresh.length && fresh[f]!.rawHash === hash) {
        const n = fresh[f++]!;
        results[i]!.push(placementResult(n.article.id, placements.get(n.article.id)));
      }
    }
    const created = [...touched].filter((s) => !before.has(s));
    return { results: results.flat(), created, updated: [...touched].filter((s) => before.has(s)) };
  }

  /** Runs a transaction; if it fails, the in-memory indexes, which may hold its changes, are rebuilt. */
  private async rollbackSafe<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      this.state.clear();
      this.epoch = null;
      throw e;
    }
  }

  async deleteArticle(id: string): Promise<boolean> {
    this.assertOpen();
    await loadPipeline();
    const done = await this.rollbackSafe(() =>
      this.db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(${DERIVE_LOCK})`.execute(tx);
        const row = await tx
          .selectFrom("articles")
          .select(["id", "story_id", "duplicate_group_id", "raw_hash"])
          .where("id", "=", id)
          .executeTakeFirst();
        if (!row) return false;
        await tx.deleteFrom("articles").where("id", "=", id).execute();
        if (row.duplicate_group_id) {
          const g = await tx
            .selectFrom("duplicate_groups")
            .select("data")
            .where("id", "=", row.duplicate_group_id)
            .executeTakeFirst();
          const members = ((g?.data as { articles?: string[] })?.articles ?? []).filter((m) => m !== id);
          await tx.deleteFrom("duplicate_groups").where("id", "=", row.duplicate_group_id).execute();
          if (members.length)
            await tx.updateTable("articles").set({ duplicate_group_id: null }).where("id", "in", members).execute();
          if (members.length >= 2) {
            const arts = [...(await loadArticles(tx, members)).values()];
            for (const grp of pipeline().findDuplicates(arts)) {
              const gid = pipeline().groupId(grp.articles);
              await tx
                .insertInto("duplicate_groups")
                .values({
                  id: gid,
                  kind: grp.kind,
                  original: grp.original,
                  similarity: grp.similarity,
                  data: json({ ...grp, id: gid }),
                })
                .execute();
              await tx
                .updateTable("articles")
                .set({ duplicate_group_id: gid })
                .where("id", "in", grp.articles)
                .execute();
            }
          }
        }
        const left = await tx
          .selectFrom("articles")
          .select("id")
          .where("raw_hash", "=", row.raw_hash)
          .executeTakeFirst();
        // The raw input goes with its last article; otherwise ingesting it again would say "known" for a deleted article.
        if (!left) await tx.deleteFrom("raw_inputs").where("content_hash", "=", row.raw_hash).execute();
        this.state.docs.delete(id);
        this.state.encoded.delete(id);
        if (row.story_id)
          await pipeline().refuseStory(tx, row.story_id, this.state.encoded, this.state.fused, this.fuser);
        const epoch = (await this.readEpoch(tx)) + 1;
        await tx
          .insertInto("meta")
          .values({ key: "epoch", value: json(epoch) })
          .onConflict((oc) => oc.column("key").doUpdateSet({ value: json(epoch) }))
          .execute();
        return true;
      }),
    );
    await this.loadIndexes();
    return done;
  }

  async reanalyze(opts: { onProgress?: (e: StoreEvent) => void } = {}): Promise<{ articles: number }> {
    this.assertOpen();
    await this.askTsv();
    const size = this.opts.batchSize ?? DEFAULT_BATCH;
    // One transaction: a reanalysis that dies midway leaves the previous derived data untouched.
    const count = await this.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${DERIVE_LOCK})`.execute(tx);
      const raws = await tx
        .selectFrom("raw_inputs")
        .select(["content_hash", "body", "content_type", "origin"])
        .orderBy("seq")
        .execute();
      for (const t of [
        "dirty_stories",
        "story_entities",
        "quotes",
        "events",
        "discrepancies",
        "stories",
        "entities",
        "duplicate_groups",
        "numeric_claims",
        "signatures",
        "article_fusion",
        "articles",
        "raw_inputs",
      ] as const)
        await tx.deleteFrom(t).execute();
      this.state.clear();
      this.epoch = null;
      let n = 0;
      for (let i = 0; i < raws.length; i += size) {
        const chunk = raws
          .slice(i, i + size)
          .map((r) => ({ body: new Uint8Array(r.body), contentType: r.content_type, origin: r.origin }));
        const analyzed = await this.analyzer().map(chunk.map((c) => ({ ...c, prepare: { tsv: this.tsvInJs } })));
        const out = await this.processBatch(
          tx,
          chunk,
          raws.slice(i, i + size).map((r) => r.content_hash),
          analyzed,
        );
        // Inputs whose items all fail now stay stored: reanalysis must never lose a raw input.
        for (let j = 0; j < chunk.length; j++) {
          if (!analyzed[j]!.articles.length)
            await tx
              .insertInto("raw_inputs")
              .values({
                content_hash: raws[i + j]!.content_hash,
                body: chunk[j]!.body,
                content_type: chunk[j]!.contentType,
                origin: chunk[j]!.origin,
                article_count: 0,
              })
              .onConflict((oc) => oc.doNothing())
              .execute();
        }
        n += out.results.filter((r) => r.status === "created" || r.status === "duplicate").length;
        const ev: StoreEvent = {
          type: "ingest.progress",
          done: Math.min(i + size, raws.length),
          total: raws.length,
          failed: 0,
        };
        opts.onProgress?.(ev);
        this.emit(ev);
      }
      await this.settleIn(tx);
      while ((await this.fuseDirtyIn(tx, DIRTY_CHUNK)) > 0);
      const epoch = (await this.readEpoch(tx)) + 1;
      await tx
        .insertInto("meta")
        .values({ key: "epoch", value: json(epoch) })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: json(epoch) }))
        .execute();
      return n;
    });
    await this.loadIndexes();
    return { articles: count };
  }

  async listStories(q: StoryQuery): Promise<Page<StorySummary>> {
    const limit = clampLimit(q.limit);
    const sort = q.sort ?? "newest";
    const key = STORY_SORT_KEYS[sort];
    const after = storyCursor(decodeCursor<{ seq?: unknown; k?: unknown }>(q.cursor, "cursor"), sort);
    let query = this.db
      .selectFrom("stories as s")
      .select([
        ...STORY_SUMMARY_COLUMNS,
        sql<string>`s.seq::text`.as("cursor_seq"),
        sql<string | null>`${key ? sql.raw(key) : sql`null`}::text`.as("cursor_k"),
      ]);
    if (after)
      query = query.where(
        key
          ? sql<boolean>`(${sql.raw(key)}, s.seq) < (${after.k}::${sql.raw(key === "s.updated_at" ? "timestamptz" : "int")}, ${after.seq}::bigint)`
          : sql<boolean>`s.seq < ${after.seq}::bigint`,
      );
    if (q.q)
      query = query.where(
        sql<boolean>`(s.tsv @@ websearch_to_tsquery('english', ${q.q}) or exists (select 1 from articles a where a.story_id = s.id and a.tsv @@ websearch_to_tsquery('english', ${q.q})))`,
      );
    if (q.from) query = query.where(sql<boolean>`coalesce(s.span_to, s.span_from) >= ${q.from}`);
    if (q.to) query = query.where(sql<boolean>`coalesce(s.span_from, s.span_to) <= ${q.to}`);
    if (q.entity) query = query.where(storyNames(q.entity));
    if (q.source)
      query = query.where(
        sql<boolean>`exists (select 1 from articles a where a.story_id = s.id and (lower(a.outlet) = lower(${q.source}) or lower(a.agency) = lower(${q.source})))`,
      );
    if (key) query = query.orderBy(sql.raw(key), "desc");
    const rows = await query
      .orderBy("s.seq", "desc")
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.summarize(page),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor(key ? { seq: last.cursor_seq, k: last.cursor_k } : { seq: last.cursor_seq })
          : null,
    };
  }

  /**
   * Summaries of stored story rows, with the origin, outlet and coverage figures of their articles.
   * Those are computed from the stories' articles, then kept by story and `updated_at`: a story whose
   * articles or fusion change is re-fused, which moves its `updated_at`, so a kept entry is never stale.
   */
  private async summarize(rows: StorySummaryRow[]): Promise<StorySummary[]> {
    const key = (r: StorySummaryRow) => `${r.id}|${new Date(r.updated_at).toISOString()}`;
    const missing = rows.filter((r) => !this.summaryExtras.get(key(r)));
    if (missing.length) {
      const computed = await this.summaryExtrasOf(missing.map((r) => r.id));
      for (const r of missing) this.summaryExtras.set(key(r), computed.get(r.id)!);
    }
    return rows.map((r) => ({ ...toStorySummary(r), ...this.summaryExtras.get(key(r))! }));
  }

  private async summaryExtrasOf(ids: string[]): Promise<Map<string, SummaryExtras>> {
    // The fused article lists of these stories only: selected with the page, PostgreSQL would read
    // every matching story's document before sorting and limiting.
    const lists = await this.db
      .selectFrom("stories")
      .select(["id", sql<unknown>`data->'articles'`.as("articles")])
      .where("id", "in", ids)
      .execute();
    const fusedOf = new Map(lists.map((l) => [l.id, (l.articles ?? []) as StoryArticle[]]));
    const members = await this.db
      .selectFrom("articles as a")
      .leftJoin("duplicate_groups as g", "g.id", "a.duplicate_group_id")
      .select(["a.story_id", "a.id", "a.outlet", "a.agency", "a.duplicate_group_id", "g.original"])
      .where("a.story_id", "in", ids)
      .execute();
    const byStory = new Map<string, typeof members>();
    for (const m of members) {
      const list = byStory.get(m.story_id!);
      if (list) list.push(m);
      else byStory.set(m.story_id!, [m]);
    }
    const out = new Map<string, SummaryExtras>();
    for (const id of ids) {
      const fused = new Map((fusedOf.get(id) ?? []).map((a) => [a.id, a]));
      const list = byStory.get(id) ?? [];
      const { origins } = originsOf(
        list.map((m) => ({
          id: m.id,
          outlet: m.outlet,
          agency: m.agency,
          republishedFrom: fused.get(m.id)?.republishedFrom ?? null,
          materialFrom: [],
          duplicateGroupId: m.duplicate_group_id,
        })),
        list.flatMap((m) =>
          m.duplicate_group_id && m.original ? [{ id: m.duplicate_group_id, original: m.original }] : [],
        ),
      );
      out.set(id, {
        originCount: origins.length,
        ...outletsOf(list),
        ...coverageOf(list.map((m) => fused.get(m.id)?.date ?? null)),
      });
    }
    return out;
  }

  async getStory(id: string) {
    const row = await this.db.selectFrom("stories").select("data").where("id", "=", id).executeTakeFirst();
    return row ? parseRow(StorySchema, row.data, `story ${id}`) : null;
  }

  async getStoryBundle(id: string): Promise<StoryBundle | null> {
    const story = await this.getStory(id);
    if (!story) return null;
    const quotes = await this.db
      .selectFrom("quotes")
      .select(["id", "data"])
      .where("story_id", "=", id)
      .orderBy("id")
      .execute();
    const entityIds = await this.db
      .selectFrom("story_entities")
      .select("entity_id")
      .where("story_id", "=", id)
      .orderBy("entity_id")
      .execute();
    const rows = await this.db
      .selectFrom("articles as a")
      .leftJoin("article_fusion as f", "f.article_id", "a.id")
      .select([docColumn("a"), "a.id", "a.url", "a.duplicate_group_id", "f.fused_published"])
      .where("a.story_id", "=", id)
      .orderBy("a.seq")
      .execute();
    const groupIds = [...new Set(rows.flatMap((r) => (r.duplicate_group_id ? [r.duplicate_group_id] : [])))];
    const groups = groupIds.length
      ? (
          await this.db
            .selectFrom("duplicate_groups")
            .select(["id", "data"])
            .where("id", "in", groupIds)
            .orderBy("id")
            .execute()
        ).map((g) => parseRow(DuplicateGroupSchema, g.data, `duplicate group ${g.id}`))
      : [];
    return storyBundle({
      story,
      quotes: quotes.map((r) => parseRow(QuoteRecordSchema, r.data, `quote ${r.id}`)),
      entities: await this.entityRecords(
        entityIds.map((e) => e.entity_id),
        id,
      ),
      articles: rows.map((r) => {
        const doc = readDoc(r.doc);
        return {
          id: r.id,
          url: r.url,
          duplicateGroupId: r.duplicate_group_id,
          article: doc,
          published: (r.fused_published as Article["published"] | null) ?? doc.published,
        };
      }),
      groups,
    });
  }

  async listArticles(q: PageQuery & { q?: string; source?: string; story?: string }): Promise<Page<ArticleSummary>> {
    const limit = clampLimit(q.limit);
    const after = seqOf(decodeCursor<{ seq: string }>(q.cursor, "cursor"), "cursor");
    let query = this.db
      .selectFrom("articles")
      .select([
        "id",
        "title",
        "outlet",
        "agency",
        "published",
        "story_id",
        "duplicate_group_id",
        sql<string>`seq::text`.as("cursor_seq"),
      ]);
    if (after) query = query.where(sql<boolean>`seq > ${after}::bigint`);
    if (q.q) query = query.where(sql<boolean>`tsv @@ websearch_to_tsquery('english', ${q.q})`);
    if (q.source)
      query = query.where(sql<boolean>`(lower(outlet) = lower(${q.source}) or lower(agency) = lower(${q.source}))`);
    if (q.story) query = query.where("story_id", "=", q.story);
    const rows = await query
      .orderBy("seq")
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return {
      items: page.map(summaryOf),
      nextCursor: rows.length > limit ? encodeCursor({ seq: page[page.length - 1]!.cursor_seq }) : null,
    };
  }

  async getArticle(id: string): Promise<ArticleDetail | null> {
    const row = await this.db
      .selectFrom("articles as a")
      .leftJoin("duplicate_groups as g", "g.id", "a.duplicate_group_id")
      .leftJoin("article_fusion as f", "f.article_id", "a.id")
      .select([docColumn("a"), "f.fused_published", "a.story_id", "a.origin", "a.ingested_at", "g.data as group"])
      .where("a.id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    const article = parseRow(ArticleSchema, readDoc(row.doc), `article ${id}`);
    if (row.fused_published) article.published = row.fused_published as Article["published"];
    return {
      article,
      storyId: row.story_id,
      duplicateGroup: row.group ? parseRow(DuplicateGroupSchema, row.group, `duplicate group of ${id}`) : null,
      origin: row.origin,
      ingestedAt: new Date(row.ingested_at).toISOString(),
    };
  }

  async getRaw(id: string): Promise<RawInput | null> {
    const row = await this.db
      .selectFrom("raw_inputs as r")
      .select(["r.body", "r.content_type", "r.origin"])
      .where((eb) =>
        eb.or([
          eb("r.content_hash", "=", id),
          eb("r.content_hash", "=", eb.selectFrom("articles").select("raw_hash").where("id", "=", id)),
        ]),
      )
      .executeTakeFirst();
    return row ? { body: new Uint8Array(row.body), contentType: row.content_type, origin: row.origin } : null;
  }

  async listQuotes(q: PageQuery & { speaker?: string; q?: string; story?: string }): Promise<Page<QuoteRecord>> {
    const limit = clampLimit(q.limit);
    const after = idOf(decodeCursor<{ id: string }>(q.cursor, "cursor"), "cursor");
    let query = this.db.selectFrom("quotes").select(["id", "data"]);
    if (after) query = query.where("id", ">", after.id);
    if (q.speaker) query = query.where(spokenBy(q.speaker));
    if (q.q) query = query.where(sql<boolean>`tsv @@ websearch_to_tsquery('english', ${q.q})`);
    if (q.story) query = query.where("story_id", "=", q.story);
    const rows = await query
      .orderBy("id")
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => parseRow(QuoteRecordSchema, r.data, `quote ${r.id}`)),
      nextCursor: rows.length > limit ? encodeCursor({ id: page[page.length - 1]!.id }) : null,
    };
  }

  /** Entity records merged over every story, or over `storyId`'s alone (roles and articles as it gives them). */
  private async entityRecords(ids: string[], storyId?: string): Promise<EntityRecord[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .selectFrom("entities as e")
      .leftJoin("story_entities as se", (j) => {
        const on = j.onRef("se.entity_id", "=", "e.id");
        return storyId === undefined ? on : on.on("se.story_id", "=", storyId);
      })
      .select(["e.id", "e.name", "e.type", "se.data"])
      .where("e.id", "in", ids)
      .execute();
    const by = new Map<string, EntityRecord>();
    for (const r of rows) {
      let rec = by.get(r.id);
      if (!rec)
        by.set(
          r.id,
          (rec = {
            id: r.id,
            name: r.name,
            type: r.type as EntityRecord["type"],
            aliases: [],
            roles: [],
            articles: [],
            mentions: [],
          }),
        );
      const d = r.data as Partial<EntityRecord> | null;
      if (!d) continue;
      for (const a of d.aliases ?? []) if (!rec.aliases.includes(a)) rec.aliases.push(a);
      for (const a of d.articles ?? []) if (!rec.articles.includes(a)) rec.articles.push(a);
      for (const role of d.roles ?? []) {
        const have = rec.roles.find((x) => x.role === role.role);
        if (have) have.articles.push(...role.articles.filter((a) => !have.articles.includes(a)));
        else rec.roles.push({ role: role.role, articles: [...role.articles] });
      }
      rec.mentions.push(...(d.mentions ?? []));
    }
    return ids
      .map((id) => by.get(id))
      .filter((r): r is EntityRecord => !!r)
      .map((r) => parseRow(EntityRecordSchema, r, `entity ${r.id}`));
  }

  async listEntities(q: PageQuery & { q?: string; type?: string; story?: string }): Promise<Page<EntityRecord>> {
    const limit = clampLimit(q.limit);
    const after = idOf(decodeCursor<{ id: string }>(q.cursor, "cursor"), "cursor");
    let query = this.db.selectFrom("entities").select("id");
    if (after) query = query.where("id", ">", after.id);
    if (q.q)
      query = query.where(
        sql<boolean>`(tsv @@ websearch_to_tsquery('english', ${q.q}) or lower(name) like ${`%${q.q.toLowerCase()}%`})`,
      );
    if (q.type) query = query.where("type", "=", q.type);
    if (q.story)
      query = query.where(
        sql<boolean>`exists (select 1 from story_entities se where se.entity_id = entities.id and se.story_id = ${q.story})`,
      );
    const rows = await query
      .orderBy("id")
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return {
      items: await this.entityRecords(page.map((r) => r.id)),
      nextCursor: rows.length > limit ? encodeCursor({ id: page[page.length - 1]!.id }) : null,
    };
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    const [entity] = await this.entityRecords([id]);
    if (!entity) return null;
    const quotes = await this.db
      .selectFrom("quotes")
      .select(["id", "data"])
      .where((eb) => eb.or([eb("speaker_entity", "=", id), eb(sql`lower(speaker)`, "=", entity.name.toLowerCase())]))
      .orderBy("id")
      .limit(200)
      .execute();
    const storyIds = await this.db
      .selectFrom("story_entities")
      .select("story_id")
      .where("entity_id", "=", id)
      .execute();
    const stories = storyIds.length ? await this.storySummaries(storyIds.map((s) => s.story_id)) : [];
    return { entity, quotes: quotes.map((r) => parseRow(QuoteRecordSchema, r.data, `quote ${r.id}`)), stories };
  }

  private async storySummaries(ids: string[]): Promise<StorySummary[]> {
    const rows = await this.db
      .selectFrom("stories as s")
      .select(STORY_SUMMARY_COLUMNS)
      .where("s.id", "in", ids)
      .orderBy("s.seq", "desc")
      .execute();
    return this.summarize(rows);
  }

  async listDiscrepancies(q: PageQuery & { story?: string }) {
    const limit = clampLimit(q.limit);
    const after = idOf(decodeCursor<{ id: string }>(q.cursor, "cursor"), "cursor");
    let query = this.db.selectFrom("discrepancies").select(["id", "data"]);
    if (after) query = query.where("id", ">", after.id);
    if (q.story) query = query.where("story_id", "=", q.story);
    const rows = await query
      .orderBy("id")
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => parseRow(DiscrepancySchema, r.data, `discrepancy ${r.id}`)),
      nextCursor: rows.length > limit ? encodeCursor({ id: page[page.length - 1]!.id }) : null,
    };
  }

  async search(q: string, limit = 20): Promise<SearchResult> {
    const n = clampLimit(limit);
    const tsq = sql`websearch_to_tsquery('english', ${q})`;
    const articles = await this.db
      .selectFrom("articles")
      .select([
        "id",
        "title",
        "outlet",
        "agency",
        "published",
        "story_id",
        "duplicate_group_id",
        sql<string>`seq::text`.as("cursor_seq"),
      ])
      .where(sql<boolean>`tsv @@ ${tsq}`)
      .orderBy(sql`ts_rank(tsv, ${tsq})`, "desc")
      .orderBy("id")
      .limit(n)
      .execute();
    const quotes = await this.db
      .selectFrom("quotes")
      .select(["id", "data"])
      .where(sql<boolean>`tsv @@ ${tsq}`)
      .orderBy(sql`ts_rank(tsv, ${tsq})`, "desc")
      .orderBy("id")
      .limit(n)
      .execute();
    const ents = await this.db
      .selectFrom("entities")
      .select("id")
      .where(sql<boolean>`tsv @@ ${tsq}`)
      .orderBy("id")
      .limit(n)
      .execute();
    return {
      articles: articles.map(summaryOf),
      quotes: quotes.map((r) => parseRow(QuoteRecordSchema, r.data, `quote ${r.id}`)),
      entities: await this.entityRecords(ents.map((e) => e.id)),
    };
  }

  async stats(): Promise<StoreStats> {
    const r = await sql<Record<keyof StoreStats, number>>`
      select
        (select count(*)::int from raw_inputs) as inputs,
        (select count(*)::int from articles) as articles,
        (select count(*)::int from articles a join duplicate_groups g on g.id = a.duplicate_group_id where g.original <> a.id) as duplicates,
        (select count(*)::int from duplicate_groups) as "duplicateGroups",
        (select count(*)::int from stories) as stories,
        (select count(*)::int from events) as events,
        (select count(*)::int from entities) as entities,
        (select count(*)::int from quotes) as quotes`.execute(this.db);
    return r.rows[0]!;
  }

  /** Database size in bytes (heap, indexes and TOAST of every table). */
  async sizeBytes(): Promise<number> {
    const r = await sql<{ n: string }>`select pg_database_size(current_database())::text as n`.execute(this.db);
    return Number(r.rows[0]!.n);
  }

  /** Streams every article (analysis + fused dates, story and group) in ingest order. */
  async *exportArticles(): AsyncGenerator<ArticleDetail> {
    let after = "0";
    for (;;) {
      const rows = await this.db
        .selectFrom("articles")
        .select(["id", sql<string>`seq::text`.as("cursor_seq")])
        .where(sql<boolean>`seq > ${after}::bigint`)
        .orderBy("seq")
        .limit(500)
        .execute();
      if (!rows.length) return;
      for (const r of rows) {
        const d = await this.getArticle(r.id);
        if (d) yield d;
      }
      after = rows[rows.length - 1]!.cursor_seq;
    }
  }

  /** Streams every fused story, oldest first. */
  async *exportStories() {
    let after = "0";
    for (;;) {
      const rows = await this.db
        .selectFrom("stories")
        .select(["id", "data", sql<string>`seq::text`.as("cursor_seq")])
        .where(sql<boolean>`seq > ${after}::bigint`)
        .orderBy("seq")
        .limit(200)
        .execute();
      if (!rows.length) return;
      for (const r of rows) yield parseRow(StorySchema, r.data, `story ${r.id}`);
      after = rows[rows.length - 1]!.cursor_seq;
    }
  }

  private sourceStore: SourceStore | null = null;
  /** Subscribed feeds and fetch state (sources.ts). */
  get sources(): SourceStore {
    this.sourceStore ??= createSourceStore(this.db);
    return this.sourceStore;
  }

  subscribe(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ready(): Promise<boolean> {
    if (this.closed) return false;
    try {
      const m = await new Migrator({ db: this.db, provider: migrationProvider }).getMigrations();
      return m.every((x) => x.executedAt !== undefined);
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool?.close();
    await this.db.destroy();
    await this.opts.onClose?.();
  }

  private assertOpen(): void {
    if (this.closed)
      throw new NewsfuseFailure({ code: "store_error", message: `${this.location}: the store is closed` });
  }
}

function summaryOf(r: {
  id: string;
  title: string | null;
  outlet: string | null;
  agency: string | null;
  published: string | null;
  story_id: string | null;
  duplicate_group_id: string | null;
}): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    agency: r.agency,
    published: r.published,
    storyId: r.story_id,
    duplicateGroupId: r.duplicate_group_id,
  };
}

function parseRow<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new NewsfuseFailure({
      code: "schema_violation",
      message: `stored ${what} does not match the schema (${r.error.message}); run \`newsfuse reanalyze\``,
      input: what,
    });
  return r.data;
}

function errorResult(e: NewsfuseError, origin: string): IngestItemResult {
  return { status: "error", input: e.input ?? origin, code: e.code, message: e.message };
}

function placementResult(id: string, p: Placement | undefined): IngestItemResult {
  const g = p?.group;
  if (g && g.original !== id)
    return { status: "duplicate", id, duplicateOf: g.original, kind: g.kind, storyId: p?.storyId ?? null };
  return { status: "created", id, storyId: p?.storyId ?? null };
}

/** What a StorySummary adds to the story row. */
type SummaryExtras = Pick<StorySummary, "originCount" | "outletCount" | "outlets" | "undatedCount" | "coverage">;
// A few hundred bytes each: every story of a 20,000-article store (3,809 stories) fits many times over.
const SUMMARY_CACHE_SIZE = 50_000;

const STORY_SUMMARY_COLUMNS = [
  "s.id",
  "s.title",
  "s.span_from",
  "s.span_to",
  "s.article_count",
  "s.event_count",
  "s.quote_count",
  "s.discrepancy_count",
  "s.updated_at",
] as const;

type StorySummaryRow = Pick<
  Selectable<StoriesTable>,
  | "id"
  | "title"
  | "span_from"
  | "span_to"
  | "article_count"
  | "event_count"
  | "quote_count"
  | "discrepancy_count"
  | "updated_at"
>;

/** The column each story order sorts on before the tie-break on seq (newest first); null: seq alone. */
const STORY_SORT_KEYS: Record<StorySort, string | null> = {
  newest: null,
  updated: "s.updated_at",
  covered: "s.article_count",
  disputed: "s.discrepancy_count",
};

function storyCursor(c: { seq?: unknown; k?: unknown } | null, sort: StorySort): { seq: string; k: string } | null {
  if (!c) return null;
  const seq = seqOf(c, "cursor")!;
  if (!STORY_SORT_KEYS[sort]) return { seq, k: "" };
  const valid =
    sort === "updated"
      ? typeof c.k === "string" && !Number.isNaN(Date.parse(c.k))
      : typeof c.k === "string" && /^\d{1,9}$/.test(c.k);
  if (!valid)
    throw new NewsfuseFailure({
      code: "input_malformed",
      message: `cursor is not a cursor this store issued for sort=${sort}`,
      input: "cursor",
    });
  return { seq, k: c.k as string };
}

function toStorySummary(r: StorySummaryRow): Omit<StorySummary, keyof SummaryExtras> {
  return {
    id: r.id,
    title: r.title,
    span: { from: r.span_from, to: r.span_to },
    articleCount: r.article_count,
    eventCount: r.event_count,
    quoteCount: r.quote_count,
    discrepancyCount: r.discrepancy_count,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
