import type { StorySort } from "@newsfuse/core/schema";

/**
 * Typed search params of each route: the state worth linking (filters, selection, toggles) lives in
 * the URL. Unknown or malformed values are dropped rather than refused, so an old link still opens.
 */
const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v.trim().slice(0, 300) : undefined;
const day = (v: unknown): string | undefined => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
};
const int = (v: unknown): number | undefined => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};
const bool = (v: unknown): true | undefined => (v === true || v === "true" || v === 1 || v === "1" ? true : undefined);
const SORTS: StorySort[] = ["newest", "updated", "covered", "disputed"];

export interface StoriesSearch {
  q?: string;
  entity?: string;
  source?: string;
  from?: string;
  to?: string;
  sort?: StorySort;
}
export function storiesSearch(s: Record<string, unknown>): StoriesSearch {
  const sort = SORTS.includes(s.sort as StorySort) ? (s.sort as StorySort) : undefined;
  return { q: str(s.q), entity: str(s.entity), source: str(s.source), from: day(s.from), to: day(s.to), sort };
}

export interface StorySearch {
  /** Selected quote id: its row is marked in the matrix and its articles listed. */
  quote?: string;
  /** Show every quote in the matrix, not only those carried by more than one article. */
  all?: true;
  speaker?: string;
}
export function storySearch(s: Record<string, unknown>): StorySearch {
  return { quote: str(s.quote), all: bool(s.all), speaker: str(s.speaker) };
}

export interface ArticleSearch {
  /** Offset of the selected quote in the body. */
  at?: number;
  removed?: true;
}
export function articleSearch(s: Record<string, unknown>): ArticleSearch {
  return { at: int(s.at), removed: bool(s.removed) };
}

export interface SearchSearch {
  q?: string;
}
export function searchSearch(s: Record<string, unknown>): SearchSearch {
  return { q: str(s.q) };
}

export interface SourcesSearch {
  /** Only the feeds whose last poll failed or that are backing off. */
  failing?: true;
}
export function sourcesSearch(s: Record<string, unknown>): SourcesSearch {
  return { failing: bool(s.failing) };
}
