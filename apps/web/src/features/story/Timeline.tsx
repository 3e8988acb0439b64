import type { BundleArticle, EventRecord } from "@newsfuse/core/schema";
import { Link } from "@tanstack/react-router";
import { dayLabel, plural, sourceLabel } from "../../lib/labels.ts";

/**
 * The story's events in date order. An inferred date is drawn hollow and dashed and says so; an article
 * that announced an event before it happened is linked to that event.
 */
export function Timeline({ events, articles }: { events: EventRecord[]; articles: BundleArticle[] }) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sorted = events
    .slice()
    .sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.label.localeCompare(b.label));
  const name = (id: string) => {
    const a = byId.get(id);
    return a ? `${sourceLabel(a)}${a.title ? `: ${a.title}` : ""}` : id;
  };
  if (!sorted.length) return <p>No dated events were found in this story.</p>;
  return (
    <ol className="timeline">
      {sorted.map((e) => (
        <li key={e.id} id={`event-${e.id}`} className={e.date ? (e.dateInferred ? "inferred" : "stated") : "undated"}>
          <span className="dot" aria-hidden="true" />
          <div className="when">
            {e.date ? dayLabel(e.date) : "date unknown"}
            {e.dateInferred && <span className="tag inferred">inferred date</span>}
          </div>
          <div className="what">
            <strong>{e.label}</strong>
            {e.place && <span className="muted"> · {e.place}</span>}
          </div>
          {e.participants.length > 0 && <div className="small">With {e.participants.join(", ")}</div>}
          <details>
            <summary className="small">Reported by {plural(e.articles.length, "article")}</summary>
            <ul className="small">
              {e.articles.map((id) => (
                <li key={id}>
                  <Link to="/articles/$id" params={{ id }}>
                    {name(id)}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
          {e.announcedBy.length > 0 && (
            <div className="announced small">
              Announced beforehand by{" "}
              {e.announcedBy.map((id, i) => (
                <span key={id}>
                  {i > 0 && ", "}
                  <Link to="/articles/$id" params={{ id }}>
                    {name(id)}
                  </Link>
                </span>
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
