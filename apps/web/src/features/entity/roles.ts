import type { EntityRecord } from "@newsfuse/core/schema";

/** What the roles need of an article: its fused date (stated, else inferred). */
export interface DatedArticle {
  date: string | null;
  dateInferred: boolean;
}

export interface RoleDay {
  /** ISO day. */
  date: string;
  articles: string[];
  /** Every article of the day is dated by inference, not by a stated date. */
  inferred: boolean;
}
export interface RoleOverTime {
  role: string;
  /** Days on which articles gave the role, oldest first. */
  days: RoleDay[];
  /** Articles giving the role that have no date (or are not in the entity's stories). */
  undated: string[];
  first: string | null;
  last: string | null;
}

/**
 * Each role of an entity with the days of the articles that give it, the role first given earliest
 * first (undated roles last), so a change of title reads top to bottom.
 */
export function rolesOverTime(
  roles: EntityRecord["roles"],
  articles: ReadonlyMap<string, DatedArticle>,
): RoleOverTime[] {
  const out = roles.map((r): RoleOverTime => {
    const byDay = new Map<string, string[]>();
    const undated: string[] = [];
    for (const id of r.articles) {
      const day = articles.get(id)?.date?.slice(0, 10);
      if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) byDay.set(day, [...(byDay.get(day) ?? []), id]);
      else undated.push(id);
    }
    const days = [...byDay]
      .map(([date, ids]) => ({
        date,
        articles: ids,
        inferred: ids.every((a) => articles.get(a)?.dateInferred === true),
      }))
      .sort((a, b) => a.date.localeCompare(b.date));
    return { role: r.role, days, undated, first: days[0]?.date ?? null, last: days.at(-1)?.date ?? null };
  });
  return out.sort(
    (a, b) =>
      (a.first === null ? 1 : 0) - (b.first === null ? 1 : 0) ||
      (a.first ?? "").localeCompare(b.first ?? "") ||
      a.role.localeCompare(b.role),
  );
}

/** Where a day sits between the first and last day of all roles, 0..1 (0.5 when they are one day). */
export function position(day: string, from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const t = Date.parse(`${day}T00:00:00Z`);
  return b > a ? Math.min(1, Math.max(0, (t - a) / (b - a))) : 0.5;
}
