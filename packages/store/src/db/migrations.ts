import { sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Article } from "@newsfuse/core";
import { encodeDoc, readDoc } from "../pipeline/docs.ts";

// Versioned, append-only: a migration that has shipped is never edited, a new one is added.
// Both backends run exactly this SQL.
const migrations: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<any>) {
      // One statement per call: PGlite's extended protocol takes a single statement.
      for (const stmt of splitStatements(`
        create table raw_inputs (
          seq bigserial unique,
          content_hash text primary key,
          body bytea not null,
          content_type text not null,
          origin text not null,
          article_count integer not null default 0,
          received_at timestamptz not null default now()
        );
        create table articles (
          seq bigserial unique,
          id text primary key,
          raw_hash text not null references raw_inputs(content_hash) on delete cascade,
          item integer not null,
          origin text not null,
          title text,
          outlet text,
          agency text,
          published text,
          story_id text,
          event_id text,
          duplicate_group_id text,
          -- the rev of the batch that last changed this row's story or group: other processes catch up from it
          rev bigint not null,
          data jsonb not null,
          fused_published jsonb,
          tsv tsvector not null,
          ingested_at timestamptz not null default now(),
          unique (raw_hash, item)
        );
        create index articles_tsv on articles using gin (tsv);
        create index articles_story on articles (story_id);
        create index articles_group on articles (duplicate_group_id);
        create index articles_rev on articles (rev);
        create index articles_outlet on articles (lower(outlet));
        create table signatures (
          article_id text primary key references articles(id) on delete cascade,
          keys integer[] not null
        );
        create table duplicate_groups (
          id text primary key,
          kind text not null,
          original text not null,
          similarity double precision not null,
          data jsonb not null
        );
        create table stories (
          seq bigserial unique,
          id text primary key,
          title text not null,
          span_from text,
          span_to text,
          article_count integer not null,
          event_count integer not null,
          quote_count integer not null,
          discrepancy_count integer not null,
          data jsonb not null,
          tsv tsvector not null,
          updated_at timestamptz not null default now()
        );
        create index stories_tsv on stories using gin (tsv);
        create table events (
          id text primary key,
          story_id text not null references stories(id) on delete cascade,
          label text not null,
          date text,
          place text,
          data jsonb not null
        );
        create index events_story on events (story_id);
        create table entities (
          id text primary key,
          name text not null,
          type text not null,
          tsv tsvector not null
        );
        create index entities_tsv on entities using gin (tsv);
        create table story_entities (
          story_id text not null references stories(id) on delete cascade,
          entity_id text not null references entities(id),
          data jsonb not null,
          primary key (story_id, entity_id)
        );
        create index story_entities_entity on story_entities (entity_id);
        create table mentions (
          entity_id text not null references entities(id),
          article_id text not null references articles(id) on delete cascade,
          start_pos integer not null,
          end_pos integer not null,
          primary key (entity_id, article_id, start_pos)
        );
        create index mentions_article on mentions (article_id);
        create table quotes (
          id text primary key,
          story_id text not null references stories(id) on delete cascade,
          text text not null,
          speaker text,
          speaker_entity text,
          data jsonb not null,
          tsv tsvector not null
        );
        create index quotes_tsv on quotes using gin (tsv);
        create index quotes_story on quotes (story_id);
        create index quotes_speaker on quotes (lower(speaker));
        create table numeric_claims (
          article_id text not null references articles(id) on delete cascade,
          idx integer not null,
          text text not null,
          value double precision not null,
          qualifier text,
          unit text,
          subject text,
          start_pos integer not null,
          end_pos integer not null,
          primary key (article_id, idx)
        );
        create table discrepancies (
          id text primary key,
          story_id text not null references stories(id) on delete cascade,
          kind text not null,
          about text not null,
          data jsonb not null
        );
        create index discrepancies_story on discrepancies (story_id);
        create table meta (
          key text primary key,
          value jsonb not null
        );
      `))
        await sql.raw(stmt).execute(db);
    },
  },
  // Reopening a large store must not read every article's JSONB: the in-memory indexes get their
  // own light columns (the lede and the entity list).
  "0002_light_columns": {
    async up(db: Kysely<any>) {
      for (const stmt of splitStatements(`
        alter table articles add column head text not null default '';
        alter table articles add column entity_list jsonb not null default '[]';
        update articles set head = left(data->>'body', 2600),
          entity_list = coalesce((select jsonb_agg(jsonb_build_object('name', e->>'name', 'type', e->>'type')) from jsonb_array_elements(data->'entities') e), '[]')
      `))
        await sql.raw(stmt).execute(db);
    },
  },
  // Stories an ingest batch changed but did not re-fuse yet (see SqlStore.fuseDirty).
  "0003_dirty_stories": {
    async up(db: Kysely<any>) {
      await sql.raw(`create table dirty_stories (story_id text primary key)`).execute(db);
    },
  },
  // Mentions live with each story's entity record (story_entities.data: article and span of every
  // mention); a row per mention, rewritten at every re-fusion, cost more than all other writes.
  "0004_drop_mentions": {
    async up(db: Kysely<any>) {
      await sql.raw(`drop table mentions`).execute(db);
    },
  },
  // The analyzed article moves from JSONB to deflated JSON (see pipeline/doc.ts), converted here in
  // chunks because compression runs in JavaScript.
  "0005_article_doc": {
    async up(db: Kysely<any>) {
      await sql.raw(`alter table articles add column doc bytea`).execute(db);
      for (;;) {
        const rows = await sql<{
          id: string;
          data: Article;
        }>`select id, data from articles where doc is null limit 500`.execute(db);
        if (!rows.rows.length) break;
        for (const r of rows.rows)
          await sql`update articles set doc = ${encodeDoc(r.data)} where id = ${r.id}`.execute(db);
      }
      await sql.raw(`alter table articles alter column doc set not null`).execute(db);
      await sql.raw(`alter table articles drop column data`).execute(db);
    },
  },
  // Story assignment reads each article's URL (its words count, like the headline's): a light column,
  // filled in for stored articles from their documents.
  "0006_article_url": {
    async up(db: Kysely<any>) {
      await sql.raw(`alter table articles add column url text`).execute(db);
      for (let after = "0"; ; ) {
        const rows = await sql<{
          seq: string;
          id: string;
          doc: string;
        }>`select seq::text, id, encode(doc, 'base64') as doc from articles where seq > ${after}::bigint order by seq limit 500`.execute(
          db,
        );
        if (!rows.rows.length) break;
        for (const r of rows.rows) {
          const url = readDoc(r.doc).provenance.url;
          if (url) await sql`update articles set url = ${url} where id = ${r.id}`.execute(db);
        }
        after = rows.rows[rows.rows.length - 1]!.seq;
      }
    },
  },
  // Fusion's per-article results (the event an article reports, the dates fusion inferred or flagged)
  // move to a narrow table: updating them in place rewrote the whole article row and every index entry
  // of it (the full-text one alone has an entry per word), after every fusion of its story.
  "0007_article_fusion": {
    async up(db: Kysely<any>) {
      for (const stmt of splitStatements(`
        create table article_fusion (
          article_id text primary key references articles(id) on delete cascade,
          event_id text,
          fused_published jsonb
        );
        insert into article_fusion (article_id, event_id, fused_published)
          select id, event_id, fused_published from articles where event_id is not null or fused_published is not null;
        alter table articles drop column event_id;
        alter table articles drop column fused_published
      `))
        await sql.raw(stmt).execute(db);
    },
  },
  // Web sources (see sources.ts): subscribed feeds with their poll state, the items taken from each (a
  // fetched body is kept until it is stored, so a killed watcher resumes without fetching it again), and
  // the validators of every fetched URL for conditional requests.
  "0008_sources": {
    async up(db: Kysely<any>) {
      for (const stmt of splitStatements(`
        create table sources (
          id text primary key,
          url text not null unique,
          title text,
          added_by text not null,
          added_at timestamptz not null default now(),
          last_fetch_at timestamptz,
          last_status text,
          http_status integer,
          items_seen integer not null default 0,
          next_poll_at timestamptz not null default now(),
          interval_s integer not null,
          failures integer not null default 0,
          last_error text
        );
        create index sources_next_poll on sources (next_poll_at);
        create table source_items (
          source_id text not null references sources(id) on delete cascade,
          item_key text not null,
          state text not null,
          url text,
          body bytea,
          content_type text,
          seen_at timestamptz not null default now(),
          primary key (source_id, item_key)
        );
        create table fetch_cache (
          url text primary key,
          etag text,
          last_modified text,
          http_status integer,
          stored_as text,
          fetched_at timestamptz not null default now()
        )
      `))
        await sql.raw(stmt).execute(db);
    },
  },
};

function splitStatements(text: string): string[] {
  return text
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

/**
 * True when the database records exactly the migrations above as applied: one query of Kysely's migration
 * table, all that opening a current store needs (the Migrator first checks for its tables and takes its
 * lock, several round trips). False when the table is missing or the sets differ; the Migrator then
 * applies what is pending or reports what is wrong.
 */
export async function schemaIsCurrent(db: Kysely<any>): Promise<boolean> {
  try {
    const r = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(r.rows.map((x) => x.name));
    const known = Object.keys(migrations);
    return applied.size === known.length && known.every((n) => applied.has(n));
  } catch {
    return false;
  }
}
