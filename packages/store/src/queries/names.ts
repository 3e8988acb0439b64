import { sql, type RawBuilder } from "kysely";

// A word ends where a letter, digit or underscore does, so "Mr. Lavrov" and "al-Assad" split where a reader would.
const WORD = "[:alnum:]_";

/**
 * A case-insensitive PostgreSQL regular expression (for `~*`) that finds `name` as whole words:
 * "Lavrov" in "Sergei Lavrov" and "Mr. Lavrov", "sergei lavrov" in "Sergei  Lavrov", but not "Lav".
 * Null when the name has no word at all (nothing sensible to look for).
 */
export function wholeWordPattern(name: string): string | null {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.some((w) => /[\p{L}\p{N}]/u.test(w))) return null;
  const body = words.map((w) => w.replace(/[\\^$.|?*+()[\]{}-]/g, "\\$&")).join("\\s+");
  return `(^|[^${WORD}])${body}($|[^${WORD}])`;
}

/**
 * The ids of the entities a filter value names: the id itself, or a name or alias that holds the value
 * as whole words (so a surname finds the person under every spelling the stories use).
 */
export function entitiesNamed(value: string): RawBuilder<string> {
  const re = wholeWordPattern(value);
  if (!re) return sql<string>`select e.id from entities e where e.id = ${value}`;
  return sql<string>`select e.id from entities e where e.id = ${value} or e.name ~* ${re}
    union select se.entity_id from story_entities se cross join lateral jsonb_array_elements_text(coalesce(se.data->'aliases', '[]'::jsonb)) a(alias) where a.alias ~* ${re}`;
}

/** For `stories as s`: the story has an entity the value names (see entitiesNamed). */
export function storyNames(value: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from story_entities sn where sn.story_id = s.id and sn.entity_id in (${entitiesNamed(value)}))`;
}

/** For `quotes`: the speaker is the value (entity id or name), or is called so in part (a surname, an alias). */
export function spokenBy(value: string): RawBuilder<boolean> {
  const re = wholeWordPattern(value);
  const byName = re ? sql`or speaker ~* ${re}` : sql`or lower(speaker) = lower(${value})`;
  return sql<boolean>`(speaker_entity = ${value} ${byName} or speaker_entity in (${entitiesNamed(value)}))`;
}
