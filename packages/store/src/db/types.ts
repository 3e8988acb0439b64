import type { ColumnType, Generated } from "kysely";

// Row types of the tables created in migrations.ts. JSONB columns are written as JSON text and read back parsed.
type Json<T> = ColumnType<T, string, string>;
type Ts = ColumnType<Date, string | undefined, string>;
type Seq = ColumnType<number | string | bigint, never, never>;

export interface RawInputsTable {
  seq: Seq;
  content_hash: string;
  body: Uint8Array;
  content_type: string;
  origin: string;
  article_count: Generated<number>;
  received_at: Ts;
}

export interface ArticlesTable {
  seq: Seq;
  id: string;
  raw_hash: string;
  item: number;
  origin: string;
  title: string | null;
  outlet: string | null;
  agency: string | null;
  published: string | null;
  story_id: string | null;
  duplicate_group_id: string | null;
  rev: ColumnType<number | string | bigint, number, number>;
  /** The analyzed article as deflated JSON (see pipeline/doc.ts). */
  doc: Uint8Array;
  head: string;
  url: string | null;
  entity_list: ColumnType<Array<{ name: string; type: string }>, string, string>;
  tsv: string;
  ingested_at: Ts;
}

/** What fusion says about one article (migration 0007): kept apart so writing it does not rewrite the article row. */
export interface ArticleFusionTable {
  article_id: string;
  event_id: string | null;
  fused_published: ColumnType<unknown, string | null, string | null>;
}

export interface SignaturesTable {
  article_id: string;
  keys: number[];
}

export interface DuplicateGroupsTable {
  id: string;
  kind: string;
  original: string;
  similarity: number;
  data: Json<unknown>;
}

export interface StoriesTable {
  seq: Seq;
  id: string;
  title: string;
  span_from: string | null;
  span_to: string | null;
  article_count: number;
  event_count: number;
  quote_count: number;
  discrepancy_count: number;
  data: Json<unknown>;
  tsv: string;
  updated_at: Ts;
}

export interface EventsTable {
  id: string;
  story_id: string;
  label: string;
  date: string | null;
  place: string | null;
  data: Json<unknown>;
}

export interface EntitiesTable {
  id: string;
  name: string;
  type: string;
  tsv: string;
}

export interface StoryEntitiesTable {
  story_id: string;
  entity_id: string;
  data: Json<unknown>;
}

export interface QuotesTable {
  id: string;
  story_id: string;
  text: string;
  speaker: string | null;
  speaker_entity: string | null;
  data: Json<unknown>;
  tsv: string;
}

export interface NumericClaimsTable {
  article_id: string;
  idx: number;
  text: string;
  value: number;
  qualifier: string | null;
  unit: string | null;
  subject: string | null;
  start_pos: number;
  end_pos: number;
}

export interface DiscrepanciesTable {
  id: string;
  story_id: string;
  kind: string;
  about: string;
  data: Json<unknown>;
}

export interface MetaTable {
  key: string;
  value: Json<unknown>;
}

export interface DirtyStoriesTable {
  story_id: string;
}

export interface DB {
  dirty_stories: DirtyStoriesTable;
  raw_inputs: RawInputsTable;
  articles: ArticlesTable;
  article_fusion: ArticleFusionTable;
  signatures: SignaturesTable;
  duplicate_groups: DuplicateGroupsTable;
  stories: StoriesTable;
  events: EventsTable;
  entities: EntitiesTable;
  story_entities: StoryEntitiesTable;
  quotes: QuotesTable;
  numeric_claims: NumericClaimsTable;
  discrepancies: DiscrepanciesTable;
  meta: MetaTable;
}
