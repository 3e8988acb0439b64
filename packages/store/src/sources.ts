import { createHash } from "node:crypto";
import { type Generated, type Kysely, sql } from "kysely";
import type { FetchStatus, Source } from "@newsfuse/core";

// Row types of the tables migration 0008_sources creates.
interface SourcesTable {
  id: string;
  url: string;
  title: string | null;
  added_by: string;
  added_at: Date | string;
  last_fetch_at: Date | string | null;
  last_status: string | null;
  http_status: number | null;
  items_seen: number;
  next_poll_at: Date | string;
  interval_s: number;
  failures: number;
  last_error: string | null;
}
interface SourceItemsTable {
  source_id: string;
  item_key: string;
  state: string;
  url: string | null;
  body: Uint8Array | null;
  content_type: string | null;
  seen_at: Generated<Date | string>;
}
interface FetchCacheTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  http_status: number | null;
  stored_as: string | null;
  fetched_at: Date | string;
}
interface SourcesDB {
  sources: SourcesTable;
  source_items: SourceItemsTable;
  fetch_cache: FetchCacheTable;
}

/**
 * What became of one feed item: `fetched` (its body is kept here until it is stored, so a restarted
 * watcher stores it without fetching it again), `stored`, or `skipped` (disallowed, or no content).
 */
export type SourceItemState = "fetched" | "stored" | "skipped";

export interface PendingItem {
  key: string;
  url: string | null;
  body: Uint8Array;
  contentType: string;
}

/** The validators and outcome of the last fetch of one URL. */
export interface FetchCacheEntry {
  etag: string | null;
  lastModified: string | null;
  httpStatus: number | null;
  /** The origin under which the page was stored, once it was. */
  storedAs: string | null;
}

export interface PollRecord {
  at: Date;
  status: FetchStatus;
  httpStatus: number | null;
  nextPollAt: Date;
  intervalSeconds: number;
  failures: number;
  error: string | null;
  newItems: number;
  title?: string | null;
}

/** Subscribed feeds, the items taken from them, and per-URL fetch validators. */
export interface SourceStore {
  /** Subscribes to a feed; adding a URL that is already subscribed returns that source. */
  add(
    input: { url: string; title?: string | null; addedBy: "cli" | "api" },
    opts: { now: Date; intervalSeconds: number },
  ): Promise<{ source: Source; created: boolean }>;
  list(): Promise<Source[]>;
  get(id: string): Promise<Source | null>;
  remove(id: string): Promise<boolean>;
  /** Sources whose next poll is due at `now`, the most overdue first. */
  due(now: Date): Promise<Source[]>;
  /** When the next source is due; null without sources. */
  nextDue(): Promise<Date | null>;
  recordPoll(id: string, r: PollRecord): Promise<void>;
  /** The state of each of these item keys that was seen before. */
  itemStates(sourceId: string, keys: string[]): Promise<Map<string, SourceItemState>>;
  markItem(
    sourceId: string,
    key: string,
    state: SourceItemState,
    page?: { url: string | null; body: Uint8Array; contentType: string },
  ): Promise<void>;
  /** Items fetched but not yet stored (a watcher stopped between the two). */
  pending(sourceId: string): Promise<PendingItem[]>;
  cached(url: string): Promise<FetchCacheEntry | null>;
  remember(url: string, e: FetchCacheEntry): Promise<void>;
  /** Of these URLs, those already stored (as the origin they were stored under). */
  storedAs(urls: string[]): Promise<Map<string, string>>;
}

/** A source's id follows from its URL, so adding the same feed twice (or from two processes) is one source. */
export function sourceId(url: string): string {
  return `src_${createHash("sha256").update(url).digest("hex").slice(0, 12)}`;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function toSource(r: SourcesTable): Source {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    addedAt: iso(r.added_at)!,
    addedBy: r.added_by === "api" ? "api" : "cli",
    state: {
      lastFetchAt: iso(r.last_fetch_at),
      lastStatus: (r.last_status as FetchStatus | null) ?? null,
      httpStatus: r.http_status,
      itemsSeen: Number(r.items_seen),
      nextPollAt: iso(r.next_poll_at)!,
      intervalSeconds: Number(r.interval_s),
      failures: Number(r.failures),
      lastError: r.last_error,
    },
  };
}

/** The SQL implementation over the store's database (both backends run the same statements). */
export function createSourceStore(anyDb: Kysely<any>): SourceStore {
  const db = anyDb as Kysely<SourcesDB>;
  return {
    async add(input, opts) {
      const id = sourceId(input.url);
      const inserted = await db
        .insertInto("sources")
        .values({
          id,
          url: input.url,
          title: input.title ?? null,
          added_by: input.addedBy,
          added_at: opts.now.toISOString(),
          next_poll_at: opts.now.toISOString(),
          interval_s: opts.intervalSeconds,
          items_seen: 0,
          failures: 0,
          last_fetch_at: null,
          last_status: null,
          http_status: null,
          last_error: null,
        })
        .onConflict((oc) => oc.column("id").doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { source: toSource(inserted), created: true };
      const existing = await db.selectFrom("sources").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      return { source: toSource(existing), created: false };
    },
    async list() {
      return (await db.selectFrom("sources").selectAll().orderBy("added_at").orderBy("id").execute()).map(toSource);
    },
    async get(id) {
      const r = await db.selectFrom("sources").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? toSource(r) : null;
    },
    async remove(id) {
      const r = await db.deleteFrom("sources").where("id", "=", id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async due(now) {
      return (
        await db
          .selectFrom("sources")
          .selectAll()
          .where("next_poll_at", "<=", now.toISOString())
          .orderBy("next_poll_at")
          .orderBy("id")
          .execute()
      ).map(toSource);
    },
    async nextDue() {
      const r = await db
        .selectFrom("sources")
        .select(sql<Date | string>`min(next_poll_at)`.as("next"))
        .executeTakeFirst();
      return r?.next ? new Date(r.next) : null;
    },
    async recordPoll(id, r) {
      await db
        .updateTable("sources")
        .set({
          last_fetch_at: r.at.toISOString(),
          last_status: r.status,
          http_status: r.httpStatus,
          next_poll_at: r.nextPollAt.toISOString(),
          interval_s: r.intervalSeconds,
          failures: r.failures,
          last_error: r.error,
          items_seen: sql<number>`items_seen + ${r.newItems}`,
          ...(r.title ? { title: sql<string>`coalesce(title, ${r.title})` } : {}),
        })
        .where("id", "=", id)
        .execute();
    },
    async itemStates(sourceId, keys) {
      const out = new Map<string, SourceItemState>();
      if (!keys.length) return out;
      const rows = await db
        .selectFrom("source_items")
        .select(["item_key", "state"])
        .where("source_id", "=", sourceId)
        .where("item_key", "in", keys)
        .execute();
      for (const r of rows) out.set(r.item_key, r.state as SourceItemState);
      return out;
    },
    async markItem(sourceId, key, state, page) {
      // A stored item's body is in raw_inputs already: only a pending one keeps its bytes here.
      const body = state === "fetched" && page ? page.body : null;
      const values = {
        source_id: sourceId,
        item_key: key,
        state,
        url: page?.url ?? null,
        body,
        content_type: state === "fetched" ? (page?.contentType ?? null) : null,
      };
      await db
        .insertInto("source_items")
        .values(values)
        .onConflict((oc) =>
          oc.columns(["source_id", "item_key"]).doUpdateSet({
            state,
            body,
            content_type: values.content_type,
            ...(page?.url ? { url: page.url } : {}),
          }),
        )
        .execute();
    },
    async pending(sourceId) {
      const rows = await db
        .selectFrom("source_items")
        .select(["item_key", "url", "body", "content_type"])
        .where("source_id", "=", sourceId)
        .where("state", "=", "fetched")
        .orderBy("seen_at")
        .execute();
      return rows
        .filter((r) => r.body)
        .map((r) => ({
          key: r.item_key,
          url: r.url,
          body: new Uint8Array(r.body!),
          contentType: r.content_type ?? "application/octet-stream",
        }));
    },
    async cached(url) {
      const r = await db.selectFrom("fetch_cache").selectAll().where("url", "=", url).executeTakeFirst();
      return r
        ? { etag: r.etag, lastModified: r.last_modified, httpStatus: r.http_status, storedAs: r.stored_as }
        : null;
    },
    async remember(url, e) {
      const values = {
        url,
        etag: e.etag,
        last_modified: e.lastModified,
        http_status: e.httpStatus,
        stored_as: e.storedAs,
        fetched_at: new Date().toISOString(),
      };
      await db
        .insertInto("fetch_cache")
        .values(values)
        .onConflict((oc) =>
          oc.column("url").doUpdateSet({
            etag: values.etag,
            last_modified: values.last_modified,
            http_status: values.http_status,
            // Once stored, a URL stays known even when a later fetch stores nothing.
            stored_as: sql<string | null>`coalesce(${values.stored_as}, fetch_cache.stored_as)`,
            fetched_at: values.fetched_at,
          }),
        )
        .execute();
    },
    async storedAs(urls) {
      const out = new Map<string, string>();
      if (!urls.length) return out;
      const rows = await db
        .selectFrom("fetch_cache")
        .select(["url", "stored_as"])
        .where("url", "in", urls)
        .where("stored_as", "is not", null)
        .execute();
      for (const r of rows) out.set(r.url, r.stored_as!);
      return out;
    },
  };
}
