import type { ArticleRole, CoverageDay, DuplicateGroup, Origin } from "@newsfuse/core";
import { OUTLETS_SHOWN } from "@newsfuse/core";

/** What origin counting needs to know about one article of a story. */
export interface OriginArticle {
  id: string;
  outlet: string | null;
  agency: string | null;
  republishedFrom: string | null;
  materialFrom: string[];
  duplicateGroupId: string | null;
}

export interface Origins {
  origins: Origin[];
  /** Article id -> its origin's id and its role. */
  of: Map<string, { origin: string; role: ArticleRole }>;
}

const lower = (s: string | null | undefined) => (s ?? "").trim().toLowerCase();

/**
 * The independent origins behind a set of articles (docs/contract.md): each duplicate group is one
 * origin; an article republished from an outlet or agency that another article of the set carries joins
 * that article's origin; every other article is its own. An origin is `wire` when its lead carries a
 * wire agency. Its id is its lead's article id. `groups` are the duplicate groups the articles are in.
 */
export function originsOf(articles: OriginArticle[], groups: Pick<DuplicateGroup, "id" | "original">[]): Origins {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const parent = new Map(articles.map((a) => [a.id, a.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  // The root of a component is kept on its lead: a group's original, else a republication's source.
  const attach = (member: string, lead: string) => {
    const a = find(member);
    const b = find(lead);
    if (a !== b) parent.set(a, b);
  };
  const originalOf = new Map(groups.map((g) => [g.id, g.original]));
  const inGroup = new Map<string, string[]>();
  for (const a of articles) {
    if (!a.duplicateGroupId) continue;
    const m = inGroup.get(a.duplicateGroupId);
    if (m) m.push(a.id);
    else inGroup.set(a.duplicateGroupId, [a.id]);
  }
  for (const [gid, members] of inGroup) {
    const original = originalOf.get(gid);
    const lead = original && byId.has(original) ? original : [...members].sort()[0]!;
    for (const m of members) if (m !== lead) attach(m, lead);
  }
  // A republication joins the article of the set that carries its source, the source's own copy first.
  const carriers = new Map<string, string>();
  for (const a of [...articles].sort((x, y) => rank(x) - rank(y) || x.id.localeCompare(y.id)))
    for (const name of [a.agency, a.outlet])
      if (name && !a.republishedFrom && !carriers.has(lower(name))) carriers.set(lower(name), a.id);
  for (const a of articles) {
    const source = a.republishedFrom && carriers.get(lower(a.republishedFrom));
    if (source && source !== a.id && find(a.id) === a.id) attach(a.id, source);
  }

  const members = new Map<string, string[]>();
  for (const a of articles) {
    const root = find(a.id);
    const m = members.get(root);
    if (m) m.push(a.id);
    else members.set(root, [a.id]);
  }
  const origins: Origin[] = [];
  const of = new Map<string, { origin: string; role: ArticleRole }>();
  for (const [lead, ids] of members) {
    const l = byId.get(lead)!;
    origins.push({
      id: lead,
      kind: l.agency ? "wire" : "original",
      lead,
      agency: l.agency,
      outlet: l.outlet,
      articles: ids,
    });
    for (const id of ids) of.set(id, { origin: lead, role: roleOf(byId.get(id)!, originalOf) });
  }
  return { origins, of };
}

/** Within the set: the source's own copy before a republication of it. */
const rank = (a: OriginArticle) => (a.republishedFrom ? 1 : 0);

function roleOf(a: OriginArticle, originalOf: Map<string, string>): ArticleRole {
  if (a.duplicateGroupId && originalOf.get(a.duplicateGroupId) !== a.id) return "copy";
  if (a.republishedFrom) return "republication";
  if (a.agency) return "wire";
  if (a.materialFrom.length) return "material";
  return "original";
}

/** The outlet names of a story, most articles first (then by name), and how many there are. */
export function outletsOf(articles: Array<{ outlet: string | null; agency: string | null }>): {
  outlets: string[];
  outletCount: number;
} {
  const counts = new Map<string, { name: string; n: number }>();
  for (const a of articles) {
    const name = (a.outlet ?? a.agency)?.trim();
    if (!name) continue;
    const c = counts.get(name.toLowerCase());
    if (c) c.n++;
    else counts.set(name.toLowerCase(), { name, n: 1 });
  }
  const sorted = [...counts.values()].sort((x, y) => y.n - x.n || x.name.localeCompare(y.name));
  return { outlets: sorted.slice(0, OUTLETS_SHOWN).map((c) => c.name), outletCount: sorted.length };
}

/** Dated articles per day, oldest first, and how many articles have no date. */
export function coverageOf(dates: Array<string | null>): { coverage: CoverageDay[]; undatedCount: number } {
  const byDay = new Map<string, number>();
  let undatedCount = 0;
  for (const d of dates) {
    if (!d) undatedCount++;
    else byDay.set(d.slice(0, 10), (byDay.get(d.slice(0, 10)) ?? 0) + 1);
  }
  const coverage = [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, articles]) => ({ date, articles }));
  return { coverage, undatedCount };
}
