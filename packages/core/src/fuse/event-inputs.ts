import type { Article } from "../schema/article.ts";
import { articleEventFeatureList, type FeatureList } from "../cluster/events.features.ts";
import { eventAnchor, type EventAnchor } from "../cluster/events.anchor.ts";

/** What event clustering and the timeline read from one article alone. */
export interface EventInputs {
  features: FeatureList;
  anchor: EventAnchor;
}

/** The fields of an article that its event inputs are computed from, copied when cached. */
interface Source {
  title: string | null;
  body: string;
  weekday: string | null;
  datelinePlace: string | null;
  entities: { type: string; name: string; aliases: string[] }[];
}

function sourceOf(a: Article): Source {
  return {
    title: a.title,
    body: a.body,
    weekday: a.published.weekday,
    datelinePlace: a.dateline?.place ?? null,
    entities: a.entities.map((e) => ({ type: e.type, name: e.name, aliases: [...e.aliases] })),
  };
}

function unchanged(s: Source, a: Article): boolean {
  if (
    s.body !== a.body ||
    s.title !== a.title ||
    s.weekday !== a.published.weekday ||
    s.datelinePlace !== (a.dateline?.place ?? null)
  )
    return false;
  if (s.entities.length !== a.entities.length) return false;
  for (let i = 0; i < s.entities.length; i++) {
    const x = s.entities[i];
    const y = a.entities[i];
    if (x.type !== y.type || x.name !== y.name || x.aliases.length !== y.aliases.length) return false;
    for (let k = 0; k < x.aliases.length; k++) if (x.aliases[k] !== y.aliases[k]) return false;
  }
  return true;
}

/**
 * How many articles' event inputs are kept. The store re-fuses a story (up to 400 articles) every
 * time an ingest adds to it, so the same articles come back again and again, as fresh objects
 * read from the database; a few such stories fit. About 15 KB each (features, anchor, the body
 * kept to compare).
 */
export const EVENT_INPUT_CACHE_SIZE = 2000;
const cache = new Map<string, { source: Source; inputs: EventInputs }>();

/**
 * The event features and anchor of an article, remembered by article id while its text, title,
 * entities, weekday and dateline place are unchanged (compared field by field, so a changed article
 * is never served stale inputs). Reading them is most of the cost of fusing an article.
 */
export function eventInputs(a: Article): EventInputs {
  const hit = cache.get(a.id);
  if (hit && unchanged(hit.source, a)) {
    // Least recently used goes first: a hit moves to the end.
    cache.delete(a.id);
    cache.set(a.id, hit);
    return hit.inputs;
  }
  const inputs = { features: articleEventFeatureList(a), anchor: eventAnchor(a) };
  cache.delete(a.id);
  if (cache.size >= EVENT_INPUT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(a.id, { source: sourceOf(a), inputs });
  return inputs;
}
