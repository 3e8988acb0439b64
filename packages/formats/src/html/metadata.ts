import { type El, findAll, findFirst, textOf, walk } from "./dom.ts";

export interface PageMeta {
  title?: string;
  published?: string;
  modified?: string;
  /** Dates that disagree with the chosen publication date, as human-readable notes. */
  dateConflicts: string[];
  /** Raw author strings, in order of trust (JSON-LD, meta, visible byline); `parseByline` cleans them. */
  authorLines: string[];
  publisher?: string;
  url?: string;
  language?: string;
  /** Organisation names the page declares (publisher, JSON-LD organisations): never a person's byline. */
  organizations: string[];
  /** JSON-LD `articleBody`, when the publisher gives one. */
  articleBody?: string;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage)$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function asString(v: Json | undefined): string | undefined {
  if (typeof v === "string") return v.trim() || undefined;
  if (Array.isArray(v)) return asString(v[0]);
  if (v && typeof v === "object") return asString(v.name ?? v["@value"]);
  return undefined;
}

function typesOf(o: { [k: string]: Json }): string[] {
  const t = o["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** Every object in the JSON-LD blocks, flattening `@graph` and arrays. */
function ldObjects(blocks: string[]): Array<{ [k: string]: Json }> {
  const out: Array<{ [k: string]: Json }> = [];
  const add = (v: Json) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === "object") {
      out.push(v);
      if (v["@graph"]) add(v["@graph"]);
      if (v.mainEntity && typeof v.mainEntity === "object") add(v.mainEntity);
    }
  };
  for (const b of blocks) {
    try {
      // Publishers leave raw newlines and trailing semicolons inside ld+json; JSON.parse rejects both.
      add(
        JSON.parse(
          b
            .trim()
            .replace(/;\s*$/, "")
            .replace(/[\u0000-\u001f]+/g, " "),
        ) as Json,
      );
    } catch {
      // A broken JSON-LD block is common and not the reader's problem: the meta tags still count.
    }
  }
  return out;
}

/**
 * The page's own article among its JSON-LD objects: pages also describe related stories, videos
 * and live-blog entries as NewsArticle. Prefer the one whose URL is the page's, then the one whose
 * headline is the page's title, then the first.
 */
function pickArticle(
  objects: Array<{ [k: string]: Json }>,
  pageUrl: string | undefined,
  pageTitle: string | undefined,
): { [k: string]: Json } | undefined {
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== "WebPage"));
  if (articles.length > 1) {
    const norm = (u: string) =>
      u
        .replace(/^https?:\/\/(www\.)?/i, "")
        .replace(/[?#].*$/, "")
        .replace(/\/$/, "");
    const urlOf = (o: { [k: string]: Json }) => [
      asString(o.url),
      asString(o.mainEntityOfPage),
      typeof o.mainEntityOfPage === "object" && o.mainEntityOfPage && !Array.isArray(o.mainEntityOfPage)
        ? asString(o.mainEntityOfPage["@id"])
        : undefined,
    ];
    if (pageUrl) {
      const byUrl = articles.find((o) => urlOf(o).some((u) => u && norm(u) === norm(pageUrl)));
      if (byUrl) return byUrl;
    }
    const t = pageTitle?.toLowerCase();
    const byTitle = t
      ? articles.find((o) => {
          const h = asString(o.headline)?.toLowerCase();
          return !!h && (t.startsWith(h) || h.startsWith(t));
        })
      : undefined;
    if (byTitle) return byTitle;
  }
  return articles[0] ?? objects.find((o) => typesOf(o).includes("WebPage") && o.datePublished);
}

function authorNames(v: Json | undefined): string[] {
  if (!v) return [];
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(authorNames);
  if (typeof v === "object") {
    const types = typesOf(v);
    if (types.includes("Organization")) return [];
    const n = asString(v.name);
    return n ? [n] : [];
  }
  return [];
}

/** YYYY-MM-DD of an ISO-ish or RFC date string, in the offset it was written in. */
export function dayOf(s: string): string | null {
  const iso = s.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const compact = s.match(/^(\d{4})(\d{2})(\d{2})(T|$)/);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Two date strings that may name the same moment in different time zones ("2019-11-18T23:50-05:00"
 * and "2019-11-19T04:50Z"): within a day when both carry a time, within 38 h (the widest pair of
 * zone offsets plus a day) when one is a bare date.
 */
function sameMoment(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return false;
  const timed = (s: string) => /\d{2}:\d{2}/.test(s);
  const limit = timed(a) && timed(b) ? 24 : 38;
  return Math.abs(ta - tb) < limit * 3600_000;
}

/** An ISO form of a date string, keeping the writer's own offset when it already is ISO. */
export function isoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  let t = s.trim();
  const compact = t.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (compact) t = `${compact[1]}-${compact[2]}-${compact[3]}`;
  let out: string | undefined;
  const strict = t.match(
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i,
  );
  if (strict) {
    const [, day, time, zone] = strict;
    const z = !zone
      ? ""
      : /^(z|utc|gmt)$/i.test(zone)
        ? "Z"
        : zone.includes(":")
          ? zone
          : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    out = time ? `${day}T${time}${z}` : day;
  } else {
    const ms = Date.parse(t.replace(/\s+(UTC|GMT)$/i, "Z"));
    out = Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  // CMS placeholders ("0001-01-01T00:00:00Z") and epoch zeros are no dates.
  const year = out ? Number(out.slice(0, 4)) : 0;
  return year >= 1900 && year <= 2200 ? out : undefined;
}

/**
 * Reads the metadata publishers put in a page. Precedence for each field: JSON-LD of the article,
 * then OpenGraph / `article:*`, then other meta tags, then the visible page (`<time>`, byline).
 * The publication date is never taken from a modification or crawl date; when sources disagree
 * the first published date wins and the others are listed in `dateConflicts`.
 */
export function readMetadata(root: El, jsonLd: string[]): PageMeta {
  const meta = new Map<string, string>();
  let canonical: string | undefined;
  let titleTag: string | undefined;
  walk(root, (e) => {
    if (e.tag === "meta") {
      const key = (e.attrs.property ?? e.attrs.name ?? e.attrs.itemprop ?? "").toLowerCase();
      const content = e.attrs.content?.trim();
      if (key && content && !meta.has(key)) meta.set(key, content);
    } else if (e.tag === "link" && /(^|\s)canonical(\s|$)/i.test(e.attrs.rel ?? "") && e.attrs.href)
      canonical ??= e.attrs.href;
    else if (e.tag === "title") titleTag ??= textOf(e).replace(/\s+/g, " ").trim();
    else if (e.tag === "body") return false;
  });
  const html = findFirst(root, (e) => e.tag === "html");

  const objects = ldObjects(jsonLd);
  const article = pickArticle(objects, canonical ?? meta.get("og:url"), meta.get("og:title") ?? titleTag);

  const published: Array<[string, string]> = [];
  const pushDate = (source: string, v: string | undefined) => {
    const iso = isoDate(v);
    if (iso) published.push([source, iso]);
  };
  pushDate("JSON-LD datePublished", asString(article?.datePublished));
  pushDate("meta article:published_time", meta.get("article:published_time"));
  for (const k of [
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
  ])
    pushDate(`meta ${k}`, meta.get(k));
  // Visible <time> elements: the one marked as publication, else the first in the page.
  const times = findAll(root, (e) => e.tag === "time" && !!e.attrs.datetime);
  const pubTime = times.find(
    (t) =>
      /datePublished/i.test(t.attrs.itemprop ?? "") || "pubdate" in t.attrs || /publish/i.test(t.attrs.class ?? ""),
  );
  const modTime = times.find(
    (t) =>
      /dateModified/i.test(t.attrs.itemprop ?? "") ||
      /updat|modif/i.test(`${t.attrs.class ?? ""} ${textOf(t.parent ?? t)}`.slice(0, 200)),
  );
  const firstTime = times.find((t) => t !== modTime);
  pushDate("visible <time>", (pubTime ?? firstTime)?.attrs.datetime);

  const modified =
    isoDate(asString(article?.dateModified)) ??
    isoDate(meta.get("article:modified_time")) ??
    isoDate(meta.get("og:updated_time")) ??
    isoDate(meta.get("datemodified")) ??
    isoDate(modTime?.attrs.datetime);

  const chosen = published[0];
  const dateConflicts: string[] = [];
  if (chosen) {
    const day = dayOf(chosen[1]);
    const seen = new Set<string>();
    for (const [source, value] of published.slice(1)) {
      const d = dayOf(value);
      if (d && d !== day && !seen.has(d) && !sameMoment(chosen[1], value)) {
        seen.add(d);
        dateConflicts.push(`${source} says ${d}, ${chosen[0]} says ${day}; kept ${day}`);
      }
    }
  }

  const authorLines = [
    ...authorNames(article?.author),
    ...authorNames(article?.creator),
    ...[
      meta.get("author"),
      meta.get("article:author"),
      meta.get("parsely-author"),
      meta.get("sailthru.author"),
      meta.get("dc.creator"),
      meta.get("byl"),
    ].filter((x): x is string => !!x && !/^https?:/.test(x)),
  ];
  if (authorLines.length === 0) {
    const by = findFirst(
      root,
      (e) =>
        /(^|[\s_-])(byline|author-name|author|byline__name)([\s_-]|$)/i.test(
          `${e.attrs.class ?? ""} ${e.attrs.rel ?? ""} ${e.attrs.itemprop ?? ""}`,
        ) &&
        textOf(e).trim().length > 2 &&
        textOf(e).length < 200,
    );
    if (by) authorLines.push(textOf(by));
  }

  const publisherObj = article?.publisher;
  const publisher = asString(publisherObj ?? undefined) ?? meta.get("og:site_name") ?? meta.get("application-name");
  const h1Text = (() => {
    const h = findFirst(root, (e) => e.tag === "h1");
    const t = h ? textOf(h).replace(/\s+/g, " ").trim() : "";
    return t.length > 3 ? t : undefined;
  })();
  const title =
    asString(article?.headline) ?? meta.get("og:title") ?? meta.get("twitter:title") ?? cleanTitleTag(titleTag, h1Text);
  const url = canonical ?? meta.get("og:url") ?? asString(article?.url) ?? undefined;
  const lang =
    html?.attrs.lang ??
    html?.attrs["xml:lang"] ??
    meta.get("og:locale")?.replace("_", "-") ??
    asString(article?.inLanguage);
  const articleBody = asString(article?.articleBody);
  const organizations = [
    ...new Set(
      [
        publisher,
        meta.get("og:site_name"),
        ...objects.filter((o) => typesOf(o).some((t) => /Organization$/.test(t))).map((o) => asString(o.name)),
      ].filter((x): x is string => !!x),
    ),
  ];
  return {
    title: title ? stripSiteName(decodeLeftovers(title), [publisher, meta.get("og:site_name")]) : undefined,
    organizations,
    published: chosen?.[1],
    modified,
    dateConflicts,
    authorLines,
    publisher,
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
    language: lang?.trim() || undefined,
    articleBody,
  };
}

/**
 * A <title> carries the site name ("Headline - Breaking News - The Jerusalem Post"): prefer the
 * page's <h1> when the title starts with it, else cut the part after the first " | " / " - ".
 */
function cleanTitleTag(tag: string | undefined, h1: string | undefined): string | undefined {
  if (!tag) return h1;
  if (h1 && tag.toLowerCase().startsWith(h1.toLowerCase())) return h1;
  const parts = tag.split(/\s+[|–—-]\s+|\s+::\s+/);
  return parts.length > 1 && parts[0].length >= 15 ? parts[0] : tag;
}

/** "Headline | Site" -> "Headline" when the last part is the site's own name. */
function stripSiteName(title: string, sites: Array<string | undefined>): string {
  const m = title.match(/^(.{10,}?)\s+[|–—-]\s+([^|–—]+)$/);
  if (m && sites.some((s) => s && s.trim().toLowerCase() === m[2].trim().toLowerCase())) return m[1];
  return title;
}

/** JSON-LD strings are sometimes HTML-escaped twice. */
function decodeLeftovers(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
