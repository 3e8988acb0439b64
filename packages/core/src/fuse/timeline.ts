import type { Article } from "../schema/article.ts";
import type { Discrepancy, EventRecord } from "../schema/story.ts";
import { clusterEventsFrom } from "../cluster/events.ts";
import type { EventAnchor } from "../cluster/events.anchor.ts";
import { eventInputs } from "./event-inputs.ts";
import type { EntityResolution } from "./entities.ts";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
/** How long after an event a report that names the event's weekday ("on Thursday") may plausibly be dated. */
export const MAX_REPORT_LAG_DAYS = 7;
/** Reports dated up to this many days before the most common date are the event's first reports. */
export const FIRST_REPORT_WINDOW_DAYS = 3;

/** Weekday of an ISO date, computed without reading any clock or time zone. */
export function weekdayOf(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

function daysBetween(a: string, b: string): number {
  const t = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/**
 * The weekday the lead says the news was given on ("the State Department said Wednesday"), or null.
 * Only the first paragraph counts: later ones quote what was said on other days.
 */
function announcementWeekday(body: string): string | null {
  const lead = body.split(/\n\s*\n|\n/).find((p) => p.trim().length > 40) ?? "";
  const m =
    /\b(?:said|announced|confirmed|told reporters|says|announces)\s+(?:on\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/.exec(
      lead,
    );
  return m ? m[1].toLowerCase() : null;
}

/** The last date on `weekday` strictly before `iso` (within the week before it). */
function weekdayBefore(iso: string, weekday: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const t = Date.UTC(y, m - 1, d);
  for (let k = 1; k <= 7; k++) {
    const day = new Date(t - k * 86_400_000);
    if (WEEKDAYS[day.getUTCDay()] === weekday) return day.toISOString().slice(0, 10);
  }
  return iso;
}

/** An article's usable date: its stated date when nothing contradicts it, else what was inferred. */
export function effectiveDate(a: Article): string | null {
  if (a.published.stated && a.published.conflicts.length === 0) return a.published.stated;
  return a.published.inferred ?? null;
}

const NOUNS: Record<string, string> = {
  met: "meeting",
  meet: "meeting",
  meets: "meeting",
  spoke: "talks",
  speak: "talks",
  talk: "talks",
};

/**
 * "meeting in Stockholm" when a lead names a meeting-like happening and its place; otherwise the
 * headline of the event's first report, which says what happened better than a keyword would.
 */
function eventLabel(anchors: EventAnchor[], place: string | null, titles: (string | null)[]): string {
  for (const a of anchors) {
    const m = a.sentence?.match(
      /\b(meet(?:s|ing)?|met|talks?|summit|conference|ministerial|negotiations|ceremony|rally)\b/i,
    );
    if (m && place) return `${NOUNS[m[1].toLowerCase()] ?? m[1].toLowerCase()} in ${place}`;
  }
  const title = titles.find((t) => t?.trim());
  if (title) return title.trim();
  return place ? `events in ${place}` : "event";
}

export interface Timeline {
  events: EventRecord[];
  /** Articles with `published.inferred` and `published.conflicts` filled from their events. */
  articles: Article[];
  /** Stated dates that contradict the event they report or announce. */
  discrepancies: Discrepancy[];
}

/**
 * Finds the events of one story, links announcements to the events they announce, dates each
 * event from the reports that state a date, and passes that date to undated reports of the same
 * event (marked inferred). A stated date that contradicts the event's date (an announcement dated
 * after the event, a report dated before it) is flagged on the article and as a discrepancy.
 * Where nothing determines a date it stays unknown.
 * @example
 * const { events, articles } = buildTimeline("story-1", seedArticles, resolveEntities(seedArticles));
 * articles.find((a) => a.id.startsWith("000"))?.published.inferred // "2021-12-02"
 */
export function buildTimeline(
  storyId: string,
  input: Article[],
  entities: EntityResolution,
  given?: ReadonlyMap<string, string>,
): Timeline {
  const inputs = input.map(eventInputs);
  const eventOf = given && input.every((a) => given.has(a.id)) ? given : clusterEventsFrom(input, inputs);
  const anchors = new Map(input.map((a, i) => [a.id, inputs[i].anchor]));
  const clusters = new Map<string, Article[]>();
  for (const a of input) {
    const c = clusters.get(eventOf.get(a.id)!);
    if (c) c.push(a);
    else clusters.set(eventOf.get(a.id)!, [a]);
  }

  interface Draft {
    reporters: Article[];
    announcers: Article[];
    place: string | null;
  }
  const drafts: Draft[] = [];
  for (const members of clusters.values()) {
    const reporters = members.filter((a) => !anchors.get(a.id)!.announced);
    const announcers = members.filter((a) => anchors.get(a.id)!.announced);
    const places = new Map<string, number>();
    for (const a of reporters.length ? reporters : members) {
      const p = anchors.get(a.id)!.place;
      if (p) places.set(p, (places.get(p) ?? 0) + 1);
    }
    const place = [...places].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    drafts.push(reporters.length ? { reporters, announcers, place } : { reporters: [], announcers: members, place });
  }
  // An announcement that formed its own cluster still belongs to the event it announces, when a
  // reported event has the announced place.
  for (const d of drafts) {
    if (d.reporters.length || !d.place) continue;
    const target = drafts.find(
      (o) => o !== d && o.reporters.length && o.place?.toLowerCase() === d.place!.toLowerCase(),
    );
    if (target) {
      target.announcers.push(...d.announcers);
      d.announcers = [];
    }
  }
  const live = drafts.filter((d) => d.reporters.length || d.announcers.length);

  // Only `published` is written below; everything else the copies share with the input.
  const articles = new Map(
    input.map((a) => [a.id, { ...a, published: { ...a.published, conflicts: [...a.published.conflicts] } }]),
  );
  const discrepancies: Discrepancy[] = [];
  const events: EventRecord[] = live.map((d) => {
    const reporters = d.reporters.length ? d.reporters : d.announcers;
    const stated = reporters
      .filter((a) => a.published.stated && a.published.conflicts.length === 0)
      .map((a) => a.published.stated!);
    const counts = new Map<string, number>();
    for (const s of stated) counts.set(s, (counts.get(s) ?? 0) + 1);
    // The most common stated date resists one wrong date; reports a few days before it are the
    // first ones, and an event happens no later than its first report.
    const mode = d.reporters.length
      ? ([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null)
      : null;
    const date =
      mode && (stated.filter((x) => x <= mode && daysBetween(x, mode) <= FIRST_REPORT_WINDOW_DAYS).sort()[0] ?? mode);
    const members = [...d.reporters, ...d.announcers];
    const personCount = new Map<string, number>();
    for (const a of members)
      for (const e of a.entities) {
        if (e.type !== "person") continue;
        const r = entities.recordOf(a.id, e.id);
        if (r) personCount.set(r, (personCount.get(r) ?? 0) + 1);
      }
    const participants = [...personCount]
      .filter(([, c]) => c >= Math.max(Math.min(2, members.length), Math.ceil(members.length / 2)))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 6)
      .map(([id]) => entities.records[entities.index.get(id)!]?.name ?? id);

    if (date) {
      const datedBy = reporters.filter((a) => a.published.stated === date).map((a) => a.id);
      const wd = weekdayOf(date);
      for (const a of d.reporters) {
        const out = articles.get(a.id)!;
        const named = anchors.get(a.id)!.weekday ?? a.published.weekday?.toLowerCase() ?? null;
        if (!a.published.stated) {
          // Same event, same weekday (or none named): the report is of that day.
          if (!named || named === wd) out.published.inferred = date;
        } else if (a.published.stated !== date) {
          const lag = daysBetween(date, a.published.stated);
          // One day of slack either way: time zones put a same-day report on the day before.
          if (lag < -1 || (named && lag > MAX_REPORT_LAG_DAYS))
            flag(out, date, datedBy, lag < 0 ? "before" : "long after");
        }
      }
      for (const a of d.announcers) {
        const out = articles.get(a.id)!;
        // Slack for a report the lead misreads as an announcement ("will meet again"): only a date
        // well after the event contradicts announcing it.
        if (a.published.stated && daysBetween(date, a.published.stated) > MAX_REPORT_LAG_DAYS)
          flag(out, date, datedBy, "announcing");
        // "..., the State Department said Wednesday" of a Thursday meeting: the announcement is of
        // the Wednesday before it. Only for an announcement with no usable date of its own.
        if (!a.published.stated || out.published.conflicts.length) {
          const said = announcementWeekday(a.body);
          if (said && said !== wd) out.published.inferred = weekdayBefore(date, said);
        }
      }
    }
    return {
      id: "",
      label: eventLabel(
        members.map((a) => anchors.get(a.id)!),
        d.place,
        [...reporters.filter((a) => !a.titleDerived), ...reporters.filter((a) => a.titleDerived)].map((a) => a.title),
      ),
      place: d.place,
      date,
      dateInferred: false,
      participants,
      articles: (d.reporters.length ? d.reporters : d.announcers).map((a) => a.id),
      announcedBy: d.reporters.length ? d.announcers.map((a) => a.id) : [],
    };
  });

  function flag(out: Article, date: string, datedBy: string[], how: "before" | "long after" | "announcing") {
    const stated = out.published.stated!;
    const note =
      how === "announcing"
        ? `stated date ${stated} is after ${date}, the date of the event it announces (dated by ${datedBy.join(", ")})`
        : `stated date ${stated} is ${how} ${date}, the date of the event it reports (dated by ${datedBy.join(", ")})`;
    if (!out.published.conflicts.includes(note)) out.published.conflicts.push(note);
    discrepancies.push({
      id: `date-${storyId}-${out.id}`,
      kind: "date",
      about: `${out.id} stated date against its content`,
      values: [
        { value: stated, articles: [out.id], dates: [stated] },
        { value: date, articles: datedBy, dates: datedBy.map(() => date) },
      ],
      story: storyId,
    });
  }

  // Timeline order: dated events first by date, then by their first article's position.
  const order = new Map(input.map((a, i) => [a.id, i]));
  events.sort(
    (a, b) =>
      (a.date ?? "9999").localeCompare(b.date ?? "9999") ||
      Math.min(...a.articles.map((x) => order.get(x)!)) - Math.min(...b.articles.map((x) => order.get(x)!)),
  );
  events.forEach((e, i) => (e.id = `${storyId}/event-${i + 1}`));
  return { events, articles: input.map((a) => articles.get(a.id)!), discrepancies };
}
