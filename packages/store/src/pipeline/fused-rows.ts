import { sql } from "kysely";
import { fuseStory, type Article, type EntityRecord, type EventRecord, type Story } from "@newsfuse/core";
import { entityKey, shortHash } from "./ids.ts";
import { timed } from "./phases.ts";

/** A short text's tsvector, computed by the database (titles, names, quotes). */
export const ts = (text: string) => sql<string>`to_tsvector('english', ${text})`;

/** A fused row as written: its `tsv` text (what fusedRows leaves there, so rows can cross threads) vectorized by the database. */
export const withTs = <R extends Record<string, unknown>>(r: R): R =>
  typeof r.tsv === "string" ? { ...r, tsv: ts(r.tsv) } : r;
const json = (v: unknown) => JSON.stringify(v);

/** Two records of one story that map to the same global entity (same type and name) become one. */
function mergeRecords(x: EntityRecord, y: EntityRecord): EntityRecord {
  const roles = x.roles.map((r) => ({ role: r.role, articles: [...r.articles] }));
  for (const r of y.roles) {
    const have = roles.find((h) => h.role === r.role);
    if (have) have.articles.push(...r.articles.filter((a) => !have.articles.includes(a)));
    else roles.push({ role: r.role, articles: [...r.articles] });
  }
  return {
    ...x,
    aliases: [...new Set([...x.aliases, ...y.aliases])],
    roles,
    articles: [...new Set([...x.articles, ...y.articles])],
    mentions: [...x.mentions, ...y.mentions],
  };
}

/** Everything one story's fusion writes, as rows; a `tsv` column holds the text to vectorize (see withTs). */
export interface FusedRows {
  story: Record<string, unknown>;
  entities: Array<Record<string, unknown>>;
  storyEntities: Array<Record<string, unknown>>;
  quotes: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
  discrepancies: Array<Record<string, unknown>>;
  articles: Array<{ id: string; event: string | null; fused: string | null }>;
}

/** Fuses one story's articles and maps the result to store rows with store-wide ids. Pure, plain data (runs on a worker). */
export function fusedRows(storyId: string, articles: Article[], articleCount: number, updatedAt: string): FusedRows {
  const t = performance.now();
  const fused = timed("fuse.fuseStory", t, fuseStory(storyId, articles));
  const story = fused.story;

  // Entities: one global id per (type, name); the story keeps its own view (roles, aliases, articles, mentions).
  const entityIds = new Map<string, string>();
  const entityRows = new Map<string, EntityRecord>();
  for (const r of fused.entities) {
    const gid = entityKey(r.type, r.name);
    entityIds.set(r.id, gid);
    const have = entityRows.get(gid);
    entityRows.set(gid, have ? mergeRecords(have, r) : r);
  }
  const quotes = fused.quotes.map((q) => ({
    ...q,
    id: `q-${shortHash(`${storyId}|${q.speaker ?? ""}|${q.text}`)}`,
    speakerEntity: q.speakerEntity ? (entityIds.get(q.speakerEntity) ?? q.speakerEntity) : null,
    local: q.id,
  }));
  const uniqueQuotes = [...new Map(quotes.map((q) => [q.id, q])).values()];
  const quoteIds = new Map(quotes.map((q) => [q.local, q.id]));
  const events: EventRecord[] = [
    ...new Map(story.events.map((e) => [`ev-${shortHash(`${storyId}|${e.id}`)}`, e])).entries(),
  ].map(([id, e]) => ({ ...e, id }));
  const discrepancies = [
    ...new Map(
      story.discrepancies.map((d) => {
        const id = `dc-${shortHash(`${storyId}|${d.kind}|${d.about}|${d.id}`)}`;
        return [id, { ...d, id, story: storyId }] as const;
      }),
    ).values(),
  ];
  const final: Story = {
    ...story,
    events,
    entities: [...new Set(story.entities.map((e) => entityIds.get(e) ?? e))],
    quotes: [...new Set(story.quotes.map((q) => quoteIds.get(q) ?? q))],
    discrepancies,
  };
  const eventOf = new Map<string, string>();
  for (const e of events) for (const a of e.articles) if (!eventOf.has(a)) eventOf.set(a, e.id);
  const fusedById = new Map(fused.articles.map((a) => [a.id, a]));
  return {
    story: {
      id: storyId,
      title: final.title,
      span_from: final.span.from,
      span_to: final.span.to,
      article_count: articleCount,
      event_count: events.length,
      quote_count: uniqueQuotes.length,
      discrepancy_count: discrepancies.length,
      data: json(final),
      tsv: final.title,
      updated_at: updatedAt,
    },
    entities: [...entityRows].map(([id, r]) => ({
      id,
      name: r.name,
      type: r.type,
      tsv: [r.name, ...r.aliases].join(" "),
    })),
    storyEntities: [...entityRows].map(([id, r]) => ({ story_id: storyId, entity_id: id, data: json({ ...r, id }) })),
    quotes: uniqueQuotes.map(({ local: _l, ...q }) => ({
      id: q.id,
      story_id: storyId,
      text: q.text,
      speaker: q.speaker,
      speaker_entity: q.speakerEntity,
      data: json(q),
      tsv: `${q.text} ${q.speaker ?? ""}`,
    })),
    events: events.map((e) => ({
      id: e.id,
      story_id: storyId,
      label: e.label,
      date: e.date,
      place: e.place,
      data: json(e),
    })),
    discrepancies: discrepancies.map((d) => ({
      id: d.id,
      story_id: storyId,
      kind: d.kind,
      about: d.about,
      data: json(d),
    })),
    // Per-article results of fusion: the event each article reports and dates fusion inferred or flagged.
    articles: articles.map((a) => {
      const f = fusedById.get(a.id);
      const changed = f && JSON.stringify(f.published) !== JSON.stringify(a.published);
      return { id: a.id, event: eventOf.get(a.id) ?? null, fused: changed ? json(f!.published) : null };
    }),
  };
}
