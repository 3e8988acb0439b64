import type { QuoteRecord } from "@newsfuse/core/schema";
import { Link } from "@tanstack/react-router";
import { plural } from "../../lib/labels.ts";

/** Quotes grouped by speaker, most quoted first; each with its other wordings and how many articles carry it. */
export function QuotesBySpeaker({ quotes }: { quotes: QuoteRecord[] }) {
  const groups = new Map<string, QuoteRecord[]>();
  for (const q of quotes) {
    const k = q.speaker ?? "Unattributed";
    groups.set(k, [...(groups.get(k) ?? []), q]);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  return (
    <div className="speakers">
      {sorted.map(([speaker, qs]) => {
        const entity = qs.find((q) => q.speakerEntity)?.speakerEntity;
        return (
          <details key={speaker} open={sorted.length <= 3}>
            <summary>
              {speaker} <span className="muted small">{plural(qs.length, "quote")}</span>
            </summary>
            {entity && (
              <Link to="/entities/$id" params={{ id: entity }} className="small">
                About {speaker}
              </Link>
            )}
            <ul>
              {qs
                .slice()
                .sort((a, b) => b.articles.length - a.articles.length)
                .map((q) => (
                  <li key={q.id}>
                    <Link
                      to="/articles/$id"
                      params={{ id: q.occurrences[0]?.article ?? q.articles[0] }}
                      search={{ at: q.occurrences[0]?.start }}
                    >
                      “{q.text}”
                    </Link>{" "}
                    <span className="muted small">{plural(q.articles.length, "article")}</span>
                    {q.variants.length > 0 && (
                      <ul className="variants small">
                        {q.variants.map((v) => (
                          <li key={v}>also as “{v}”</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
