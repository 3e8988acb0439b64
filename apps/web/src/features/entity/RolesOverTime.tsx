import type { BundleArticle } from "@newsfuse/core/schema";
import { Link } from "@tanstack/react-router";
import { dayLabel, plural, sourceLabel, spanLabel } from "../../lib/labels.ts";
import { position, type RoleOverTime } from "./roles.ts";

function ArticleLinks({ ids, articles }: { ids: string[]; articles: ReadonlyMap<string, BundleArticle> }) {
  return (
    <>
      {ids.map((id, i) => {
        const a = articles.get(id);
        return (
          <span key={id}>
            {i > 0 && ", "}
            <Link to="/articles/$id" params={{ id }}>
              {a ? sourceLabel(a) : id}
            </Link>
          </span>
        );
      })}
    </>
  );
}

/**
 * Roles over time as a list (each role, its span, then each day with the articles giving it); the strip
 * of dots above each list is the same days drawn on one shared axis, hidden from screen readers.
 */
export function RolesOverTime({
  roles,
  articles,
}: {
  roles: RoleOverTime[];
  articles: ReadonlyMap<string, BundleArticle>;
}) {
  const dated = roles.flatMap((r) => r.days.map((d) => d.date)).sort();
  const from = dated[0];
  const to = dated.at(-1);
  return (
    <ul className="roles-time">
      {roles.map((r) => {
        const count = r.days.reduce((n, d) => n + d.articles.length, 0) + r.undated.length;
        return (
          <li key={r.role} className="role">
            <h3>{r.role}</h3>
            <p className="small muted">
              {r.first ? spanLabel({ from: r.first, to: r.last }) : "undated"} · given by {plural(count, "article")}
            </p>
            {from && to && from !== to && r.days.length > 0 && (
              <div className="role-strip" aria-hidden="true">
                {r.days.map((d) => (
                  <span
                    key={d.date}
                    className={`tick ${d.inferred ? "inferred" : ""}`}
                    title={dayLabel(d.date)}
                    style={{ left: `${(position(d.date, from, to) * 100).toFixed(1)}%` }}
                  />
                ))}
              </div>
            )}
            <ol aria-label={`Dates of the articles giving ${r.role}`}>
              {r.days.map((d) => (
                <li key={d.date}>
                  <time dateTime={d.date}>{dayLabel(d.date)}</time>
                  {d.inferred && <span className="tag inferred">inferred date</span>}:{" "}
                  <ArticleLinks ids={d.articles} articles={articles} />
                </li>
              ))}
              {r.undated.length > 0 && (
                <li>
                  undated: <ArticleLinks ids={r.undated} articles={articles} />
                </li>
              )}
            </ol>
          </li>
        );
      })}
    </ul>
  );
}
