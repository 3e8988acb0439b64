import type { Article } from "../schema/article.ts";
import type { Discrepancy, EntityRecord, QuoteRecord, Story, StoryArticle } from "../schema/story.ts";
import { resolveEntities, type EntityResolution } from "./entities.ts";
import { groupNumbers } from "./numbers.ts";
import { groupQuotes, quoteOccasion } from "./quotes.ts";
import { buildTimeline, effectiveDate, weekdayOf } from "./timeline.ts";

export interface FusedStory {
  story: Story;
  /** The story's articles with inferred dates and date conflicts filled in. */
  articles: Article[];
  /** The entity records the story's articles mention. */
  entities: EntityRecord[];
  quotes: QuoteRecord[];
}

export interface FuseStoryOptions {
  /** Entities resolved over a larger batch, so records are shared between stories. Default: resolved over `articles`. */
  entities?: EntityResolution;
  /** Article id -> event id from clustering the whole batch (clusterStoriesAndEvents); default: clustered within the story. */
  eventOf?: ReadonlyMap<string, string>;
}

/**
 * Fuses the articles of one story into one sourced account: events as a timeline (with inferred
 * and contradicted dates), entities, grouped quotes, numeric claims by subject and discrepancies.
 * This is the incremental path: after an ingest, only the stories that gained articles are re-fused.
 * @example
 * const { story } = fuseStory("story-1", articles);
 * story.events.map((e) => e.label) // ["meeting in Stockholm", "meeting in Geneva"]
 */
export function fuseStory(storyId: string, articles: Article[], opts: FuseStoryOptions = {}): FusedStory {
  const entities = opts.entities ?? resolveEntities(articles);
  const timeline = buildTimeline(storyId, articles, entities, opts.eventOf);
  const dated = timeline.articles;
  const dateOf = new Map(dated.map((a) => [a.id, effectiveDate(a)]));
  const eventOf = new Map<string, string>();
  for (const e of timeline.events) for (const a of e.articles) if (!eventOf.has(a)) eventOf.set(a, e.id);
  const eventByPlace = new Map<string, string>();
  for (const e of timeline.events)
    if (e.place && !eventByPlace.has(e.place.toLowerCase())) eventByPlace.set(e.place.toLowerCase(), e.id);
  const quotes = groupQuotes(dated, entities, `${storyId}/quote-`, (a, q) => {
    const places = a.entities.filter((e) => e.type === "place").map((e) => e.name);
    const occasion = quoteOccasion(a.body, q.start, places);
    const articleDate = dateOf.get(a.id) ?? null;
    return {
      date: occasion?.weekday && articleDate ? weekdayOnOrBefore(articleDate, occasion.weekday) : articleDate,
      event:
        (occasion?.place ? eventByPlace.get(occasion.place.toLowerCase()) : undefined) ??
        (occasion?.place ? null : (eventOf.get(a.id) ?? null)),
      occasion,
    };
  });
  const numbers = groupNumbers(dated, (id) => dateOf.get(id) ?? null, storyId);

  const ids = new Set(dated.map((a) => a.id));
  // Walk the story's own entities, not every record of the batch: a batch can hold thousands of stories.
  const storyEntityIdSet = new Set<string>();
  for (const a of dated)
    for (const e of a.entities) {
      const r = entities.recordOf(a.id, e.id);
      if (r) storyEntityIdSet.add(r);
    }
  const storyEntities = [...storyEntityIdSet]
    .map((id) => entities.index.get(id)!)
    .sort((x, y) => x - y)
    .map((i) => entities.records[i]);
  const storyEntityIds = new Set(storyEntities.map((r) => r.id));
  const spellingIndex = spellingsByRecord(entities.spellings);
  const spellings: Discrepancy[] = [...storyEntityIds]
    .flatMap((id) => spellingIndex.get(id) ?? [])
    .sort((x, y) => x - y)
    .map((i) => entities.spellings[i])
    .map((d) => ({
      ...d,
      id: `${d.id}@${storyId}`,
      story: storyId,
      values: d.values
        .map((v) => {
          const articles = v.articles.filter((a) => ids.has(a));
          return { ...v, articles, dates: articles.map((a) => dateOf.get(a) ?? null) };
        })
        .filter((v) => v.articles.length),
    }))
    .filter((d) => d.values.length >= 2);
  const discrepancies = [...numbers.discrepancies, ...spellings, ...timeline.discrepancies];

  const storyArticles: StoryArticle[] = dated.map((a) => ({
    id: a.id,
    title: a.title,
    outlet: a.provenance.outlet ?? a.provenance.republishedFrom ?? a.provenance.agency ?? null,
    agency: a.provenance.agency,
    republishedFrom: a.provenance.republishedFrom,
    date: dateOf.get(a.id) ?? null,
    dateInferred: !!a.published.inferred && dateOf.get(a.id) === a.published.inferred,
  }));
  const dates = [...dateOf.values()].filter((d): d is string => !!d).sort();
  return {
    story: {
      id: storyId,
      title: storyTitle(dated, timeline.events[0]?.articles ?? [], dateOf) ?? timeline.events[0]?.label ?? storyId,
      span: { from: dates[0] ?? null, to: dates[dates.length - 1] ?? null, undated: dated.length - dates.length },
      articles: storyArticles,
      events: timeline.events,
      entities: storyEntities.map((r) => r.id),
      quotes: quotes.map((q) => q.id),
      numbers: numbers.groups,
      discrepancies,
    },
    articles: dated,
    entities: storyEntities,
    quotes,
  };
}

/**
 * Positions of a batch's spelling discrepancies by the record they are about: `fuse` fuses every
 * story of a batch against the same resolution, and scanning all its spellings per story was
 * quadratic in the batch.
 */
const spellingIndexes = new WeakMap<Discrepancy[], Map<string, number[]>>();
function spellingsByRecord(spellings: Discrepancy[]): Map<string, number[]> {
  let index = spellingIndexes.get(spellings);
  if (!index) {
    index = new Map();
    spellings.forEach((d, i) => {
      const record = d.id.replace(/^spelling-/, "").replace(/-(first|last)$/, "");
      const list = index!.get(record);
      if (list) list.push(i);
      else index!.set(record, [i]);
    });
    spellingIndexes.set(spellings, index);
  }
  return index;
}

/** A stated (not derived) headline, preferring the earliest report of the story's first event. */
function storyTitle(articles: Article[], firstEvent: string[], dateOf: Map<string, string | null>): string | null {
  const withTitle = articles.filter((a) => a.title && !a.titleDerived);
  const inFirst = new Set(firstEvent);
  const pool = withTitle.filter((a) => inFirst.has(a.id));
  // An article's first position, as indexOf found it (built backwards, so the first one stays).
  const position = new Map<Article, number>();
  for (let i = articles.length - 1; i >= 0; i--) position.set(articles[i], i);
  const ranked = (pool.length ? pool : withTitle).sort(
    (a, b) =>
      (dateOf.get(a.id) ?? "9999").localeCompare(dateOf.get(b.id) ?? "9999") || position.get(a)! - position.get(b)!,
  );
  return ranked[0]?.title ?? articles.find((a) => a.title)?.title ?? null;
}

/** The last date on `weekday` on or before `iso` (the day a report's "Thursday" refers to). */
function weekdayOnOrBefore(iso: string, weekday: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const t = Date.UTC(y, m - 1, d);
  for (let k = 0; k < 7; k++) {
    const day = new Date(t - k * 86_400_000).toISOString().slice(0, 10);
    if (weekdayOf(day) === weekday.toLowerCase()) return day;
  }
  return iso;
}
