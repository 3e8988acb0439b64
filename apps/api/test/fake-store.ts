import { createHash } from "node:crypto";
import { analyze, type Article, type Story } from "@newsfuse/core";
import { parseBytes } from "@newsfuse/formats";
import type { ArticleSummary, IngestItemResult, Page, RawInput, Store, StoreEvent, StorySummary } from "@newsfuse/store";

/**
 * A small in-memory Store for tests that must control the store's behaviour (failures, slowness).
 * Everything else runs on the real embedded store.
 */
export function fakeStore(): Store & { articles: Map<string, { article: Article; raw: RawInput; hash: string }> } {
  const articles = new Map<string, { article: Article; raw: RawInput; hash: string }>();
  const listeners = new Set<(e: StoreEvent) => void>();
  const emit = (e: StoreEvent) => listeners.forEach((l) => l(e));
  const page = <T>(items: T[], cursor?: string, limit = 50): Page<T> => {
    const start = cursor ? Number(cursor) : 0;
    if (!Number.isInteger(start) || start < 0) throw Object.assign(new Error("bad cursor"), { error: { code: "input_malformed", message: "bad cursor" } });
    const slice = items.slice(start, start + limit);
    return { items: slice, nextCursor: start + limit < items.length ? String(start + limit) : null };
  };
  const summary = (a: Article): ArticleSummary => ({
    id: a.id,
    title: a.title,
    outlet: a.provenance.outlet,
    agency: a.provenance.agency,
    published: a.published.stated,
    storyId: `s-${a.id}`,
    duplicateGroupId: null,
  });
  const story = (a: Article): Story => ({
    id: `s-${a.id}`,
    title: a.title ?? a.body.slice(0, 60),
    span: { from: a.published.stated, to: a.published.stated },
    articles: [{ id: a.id, title: a.title, outlet: a.provenance.outlet, agency: a.provenance.agency, republishedFrom: null, date: a.published.stated, dateInferred: false }],
    events: [],
    entities: [],
    quotes: [],
    numbers: [],
    discrepancies: [],
  });
  const storySummary = (a: Article): StorySummary => ({
    id: `s-${a.id}`,
    title: a.title ?? a.body.slice(0, 60),
    span: { from: a.published.stated, to: a.published.stated },
    articleCount: 1,
    eventCount: 0,
    quoteCount: a.quotes.length,
    discrepancyCount: 0,
    updatedAt: "2026-01-01T00:00:00.000Z",
  });
  let closed = false;
  return {
    backend: "embedded",
    articles,
    async ingest(inputs) {
      const out: IngestItemResult[] = [];
      for (const raw of inputs) {
        const hash = createHash("sha256").update(raw.body).digest("hex");
        const known = [...articles.values()].find((a) => a.hash === hash);
        if (known) {
          out.push({ status: "known", id: known.article.id });
          continue;
        }
        for (const r of parseBytes(raw.body, { name: raw.origin, contentType: raw.contentType })) {
          if (!r.ok) {
            out.push({ status: "error", input: raw.origin, code: r.error.code, message: r.error.message });
            continue;
          }
          const id = r.value.input.id && r.value.input.id !== raw.origin ? r.value.input.id : hash.slice(0, 12);
          const article = analyze({ ...r.value.input, id });
          articles.set(id, { article, raw, hash });
          out.push({ status: "created", id, storyId: `s-${id}` });
          emit({ type: "story.created", storyId: `s-${id}` });
        }
      }
      emit({ type: "ingest.progress", done: inputs.length, total: inputs.length, failed: out.filter((r) => r.status === "error").length });
      return out;
    },
    async deleteArticle(id) {
      return articles.delete(id);
    },
    async reanalyze() {
      return { articles: articles.size };
    },
    async listStories(q) {
      const all = [...articles.values()].map((a) => a.article).filter((a) => !q.q || a.body.includes(q.q));
      return page(all.map(storySummary), q.cursor, q.limit);
    },
    async getStory(id) {
      const a = [...articles.values()].find((x) => `s-${x.article.id}` === id);
      return a ? story(a.article) : null;
    },
    async listArticles(q) {
      return page([...articles.values()].map((a) => summary(a.article)), q.cursor, q.limit);
    },
    async getArticle(id) {
      const a = articles.get(id);
      return a ? { article: a.article, storyId: `s-${id}`, duplicateGroup: null, origin: a.raw.origin, ingestedAt: "2026-01-01T00:00:00.000Z" } : null;
    },
    async getRaw(id) {
      return articles.get(id)?.raw ?? null;
    },
    async listQuotes(q) {
      return page([], q.cursor, q.limit);
    },
    async listEntities(q) {
      return page([], q.cursor, q.limit);
    },
    async getEntity() {
      return null;
    },
    async listDiscrepancies(q) {
      return page([], q.cursor, q.limit);
    },
    async search(q) {
      return { articles: [...articles.values()].filter((a) => a.article.body.includes(q)).map((a) => summary(a.article)), quotes: [], entities: [] };
    },
    async stats() {
      return { inputs: articles.size, articles: articles.size, duplicates: 0, duplicateGroups: 0, stories: articles.size, events: 0, entities: 0, quotes: 0 };
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async ready() {
      return !closed;
    },
    async close() {
      closed = true;
    },
  };
}
