import type { AnalyzeInput, NewsfuseError } from "@newsfuse/core";
import { decodeBytes, detectFormat, feedLinks, looksLikeOpml, parseBytes, readOpml } from "@newsfuse/formats";
import type { IngestItemResult, RawInput, SourceStore } from "@newsfuse/store";
import { canonicalUrl, pageCanonical } from "./canonical.ts";
import type { Fetcher, FetchResult } from "./fetcher.ts";

/** What the web inputs need from the store: ingest, and the fetch state kept in it. */
export interface WebStore {
  ingest(inputs: RawInput[]): Promise<IngestItemResult[]>;
  readonly sources: SourceStore;
}

/** What happened to one URL (a page, a feed, a feed item or an OPML list). */
export interface WebOutcome {
  url: string;
  outcome: "stored" | "unchanged" | "known" | "skipped" | "failed";
  /** For a feed item taken from the feed's own text, and for every skip or failure: why. */
  detail?: string;
  /** The code of a failure, as the formats and store errors have. */
  code?: NewsfuseError["code"];
}

/** A fetched body read as a subscription list, a feed or a page. */
export type Classified =
  | { kind: "opml"; feeds: Array<{ url: string; title?: string }> }
  | { kind: "feed"; title?: string }
  | { kind: "page" }
  | { kind: "invalid"; error: NewsfuseError };

export function classify(body: Uint8Array, url: string, contentType: string): Classified {
  const { text } = decodeBytes(body.subarray(0, 64 * 1024), contentType);
  if (looksLikeOpml(text)) {
    const r = readOpml(decodeBytes(body, contentType).text, url);
    return r.ok ? { kind: "opml", feeds: r.value } : { kind: "invalid", error: r.error };
  }
  const format = detectFormat(url, text, contentType);
  if (format === "rss" || format === "atom" || format === "jsonfeed") {
    const title =
      /<title[^>]*>([^<]{1,300})<\/title>/i.exec(text)?.[1]?.trim() ?? /"title"\s*:\s*"([^"]{1,300})"/.exec(text)?.[1];
    return { kind: "feed", ...(title ? { title } : {}) };
  }
  return { kind: "page" };
}

/** A feed item's own text as the one-line JSON record the formats reader takes back. */
function itemRaw(input: AnalyzeInput, origin: string): RawInput {
  const record = {
    id: input.id,
    title: input.title,
    url: input.url,
    text: input.text,
    published: input.published,
    source: input.outlet,
    authors: input.authors,
    language: input.language,
  };
  return {
    body: new TextEncoder().encode(`${JSON.stringify(record)}\n`),
    contentType: "application/x-ndjson",
    origin,
  };
}

/** One item of a fetched feed, with its link made canonical and its own text when the feed has it. */
export interface FeedItem {
  key: string;
  link: string | null;
  fullText: boolean;
  own: AnalyzeInput | null;
  ownError?: NewsfuseError;
}

export function feedItems(body: Uint8Array, feedUrl: string, contentType: string): FeedItem[] {
  const { text } = decodeBytes(body, contentType);
  const links = feedLinks(text);
  const parsed = parseBytes(body, { name: feedUrl, contentType });
  const aligned = parsed.length === links.length;
  return links.map((l, i) => {
    const link = l.link ? canonicalUrl(l.link, feedUrl) : null;
    const p = aligned ? parsed[i] : undefined;
    return {
      key: link ?? `${feedUrl}#${l.id ?? i + 1}`,
      link,
      fullText: l.fullText,
      own: p?.ok ? p.value.input : null,
      ...(p && !p.ok ? { ownError: p.error } : {}),
    };
  });
}

/** A fetched page as a raw input known by its canonical URL. */
export function pageRaw(r: Extract<FetchResult, { outcome: "ok" }>): RawInput {
  const head = decodeBytes(r.body.subarray(0, 200_000), r.contentType).text;
  const origin = pageCanonical(head, r.finalUrl) ?? canonicalUrl(r.finalUrl) ?? r.finalUrl;
  return { body: r.body, contentType: r.contentType, origin };
}

/**
 * Decides how one feed item is taken: its own text when the feed carries it in full (or has no
 * link), otherwise its link is fetched; when the link cannot be fetched the feed's text stands in.
 * A link robots.txt disallows (or an address that is refused) is skipped, never fetched.
 */
export async function takeItem(
  item: FeedItem,
  feedUrl: string,
  fetcher: Fetcher,
  allowPrivate: boolean,
): Promise<{ raw: RawInput | null; outcome: WebOutcome }> {
  const url = item.link ?? item.key;
  const own = () => (item.own ? itemRaw(item.own, item.link ?? item.key) : null);
  if (item.fullText || !item.link) {
    const raw = own();
    return raw
      ? { raw, outcome: { url, outcome: "stored", detail: "the feed's own text" } }
      : {
          raw: null,
          outcome: {
            url,
            outcome: "failed",
            code: item.ownError?.code ?? "input_empty",
            detail: item.ownError?.message ?? `${feedUrl}: item without a link or content`,
          },
        };
  }
  const r = await fetcher.fetch(item.link, { allowPrivate });
  if (r.outcome === "ok") return { raw: pageRaw(r), outcome: { url, outcome: "stored" } };
  if (r.outcome === "disallowed" || r.outcome === "refused")
    return { raw: null, outcome: { url, outcome: "skipped", detail: r.message } };
  const fallback = own();
  if (r.outcome === "error" && fallback)
    return { raw: fallback, outcome: { url, outcome: "stored", detail: `the feed's own text (${r.message})` } };
  return {
    raw: null,
    outcome: {
      url,
      outcome: "failed",
      code: "input_missing",
      detail: r.outcome === "error" ? r.message : `${url}: ${r.outcome}`,
    },
  };
}

export interface IngestUrlsOptions {
  fetcher: Fetcher;
  /** Operator-typed URLs may be private; URLs from API callers are checked (see address.ts). */
  allowPrivate: boolean;
}

export interface IngestUrlsResult {
  results: IngestItemResult[];
  outcomes: WebOutcome[];
}

/**
 * Fetches pages, feeds (each new item's link fetched as a page) and OPML lists (each feed in them), and
 * stores what they hold. Validators are kept per URL, so a second run sends conditional requests, and an
 * item URL stored before is not fetched again.
 */
export async function ingestUrls(store: WebStore, urls: string[], opts: IngestUrlsOptions): Promise<IngestUrlsResult> {
  const out: IngestUrlsResult = { results: [], outcomes: [] };
  await Promise.all(urls.map((u) => ingestOne(store, u, opts, out, true)));
  return out;
}

async function ingestOne(
  store: WebStore,
  url: string,
  opts: IngestUrlsOptions,
  out: IngestUrlsResult,
  followOpml: boolean,
): Promise<void> {
  const target = canonicalUrl(url);
  if (!target) {
    out.outcomes.push({ url, outcome: "failed", code: "input_malformed", detail: `${url}: not an http(s) URL` });
    return;
  }
  const cached = await store.sources.cached(target);
  const r = await opts.fetcher.fetch(target, {
    allowPrivate: opts.allowPrivate,
    ...(cached ? { validators: cached } : {}),
  });
  if (r.outcome === "unchanged") {
    await store.sources.remember(target, {
      etag: r.etag ?? cached?.etag ?? null,
      lastModified: r.lastModified ?? cached?.lastModified ?? null,
      httpStatus: 304,
      storedAs: null,
    });
    out.outcomes.push({ url: target, outcome: "unchanged", detail: `${target}: not modified since the last fetch` });
    return;
  }
  if (r.outcome === "disallowed" || r.outcome === "refused") {
    out.outcomes.push({ url: target, outcome: "skipped", detail: r.message });
    return;
  }
  if (r.outcome === "error") {
    out.outcomes.push({ url: target, outcome: "failed", code: "input_missing", detail: r.message });
    return;
  }
  const validators = { etag: r.etag, lastModified: r.lastModified, httpStatus: r.status };
  const kind = classify(r.body, r.finalUrl, r.contentType);
  if (kind.kind === "invalid") {
    out.outcomes.push({ url: target, outcome: "failed", code: kind.error.code, detail: kind.error.message });
    return;
  }
  if (kind.kind === "opml") {
    if (!followOpml) {
      out.outcomes.push({ url: target, outcome: "skipped", detail: `${target}: an OPML list inside an OPML list` });
      return;
    }
    await Promise.all(kind.feeds.map((f) => ingestOne(store, f.url, opts, out, false)));
    await store.sources.remember(target, { ...validators, storedAs: null });
    return;
  }
  if (kind.kind === "page") {
    const raw = pageRaw(r);
    const known = await store.sources.storedAs([raw.origin]);
    if (known.size) {
      out.outcomes.push({ url: target, outcome: "known", detail: `${target}: stored before as ${raw.origin}` });
    } else {
      out.results.push(...(await store.ingest([raw])));
      out.outcomes.push({
        url: target,
        outcome: "stored",
        ...(raw.origin !== target ? { detail: `as ${raw.origin}` } : {}),
      });
      await store.sources.remember(raw.origin, {
        etag: null,
        lastModified: null,
        httpStatus: r.status,
        storedAs: raw.origin,
      });
    }
    await store.sources.remember(target, { ...validators, storedAs: raw.origin });
    return;
  }
  const items = feedItems(r.body, r.finalUrl, r.contentType);
  const known = await store.sources.storedAs(items.flatMap((i) => (i.link ? [i.link] : [])));
  const taken = await Promise.all(
    items.map(async (item) => {
      if (item.link && known.has(item.link))
        return {
          raw: null,
          outcome: { url: item.link, outcome: "known", detail: `${item.link}: stored before` } as WebOutcome,
        };
      return takeItem(item, r.finalUrl, opts.fetcher, opts.allowPrivate);
    }),
  );
  // One article fetched through two links (two items, or a redirect onto a stored page) is one input.
  const raws: RawInput[] = [];
  const origins = new Set<string>();
  const already = await store.sources.storedAs(taken.flatMap((t) => (t.raw ? [t.raw.origin] : [])));
  for (const t of taken) {
    if (t.raw && (origins.has(t.raw.origin) || already.has(t.raw.origin))) {
      out.outcomes.push({
        ...t.outcome,
        outcome: "known",
        detail: `${t.outcome.url}: the same article as ${t.raw.origin}`,
      });
      continue;
    }
    if (t.raw) {
      origins.add(t.raw.origin);
      raws.push(t.raw);
    }
    out.outcomes.push(t.outcome);
  }
  if (raws.length) out.results.push(...(await store.ingest(raws)));
  for (const raw of raws)
    await store.sources.remember(raw.origin, { etag: null, lastModified: null, httpStatus: 200, storedAs: raw.origin });
  for (const t of taken)
    if (t.raw && t.outcome.url !== t.raw.origin)
      await store.sources.remember(t.outcome.url, {
        etag: null,
        lastModified: null,
        httpStatus: 200,
        storedAs: t.raw.origin,
      });
  await store.sources.remember(target, { ...validators, storedAs: null });
}
