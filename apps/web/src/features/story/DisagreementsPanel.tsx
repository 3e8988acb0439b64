import type { Article, BundleArticle, Discrepancy, NumericClaimGroup } from "@newsfuse/core/schema";
import { Link } from "@tanstack/react-router";
import { dayLabel, sourceLabel } from "../../lib/labels.ts";
import { sentenceAround } from "../../lib/spans.ts";

const KIND: Record<Discrepancy["kind"], string> = {
  number: "Figures differ",
  spelling: "Spelling differs",
  date: "Dates conflict",
  other: "Accounts differ",
  change: "Changed over time",
};

/** Where in an article a disputed value was said: its span, from the numeric claims or the body. */
function locate(
  d: Discrepancy,
  value: string,
  article: string,
  numbers: NumericClaimGroup[],
  body: string | undefined,
): { start: number; end: number } | null {
  if (d.kind === "number") {
    const group = numbers.find((g) => g.subject === d.about);
    const claim =
      group?.claims.find((c) => c.article === article && c.text.includes(value)) ??
      group?.claims.find((c) => c.article === article);
    if (claim) return { start: claim.start, end: claim.end };
  }
  if (body && d.kind !== "date") {
    const i = body.search(new RegExp(`\\b${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`));
    if (i >= 0) return { start: i, end: i + value.length };
  }
  return null;
}

/** `about` with article ids (the date checks name the article) replaced by the article's label. */
function readable(about: string, articles: Map<string, BundleArticle>): string {
  let out = about;
  for (const [id, a] of articles) if (out.includes(id)) out = out.split(id).join(sourceLabel(a));
  return out;
}

/**
 * Each fact the sources disagree on, every value side by side with the outlets that give it, their
 * dates and the sentence it came from (or, for a date, the conflict the date checks found).
 */
export function DisagreementsPanel({
  discrepancies,
  articles,
  numbers,
  bodies,
}: {
  discrepancies: Discrepancy[];
  articles: BundleArticle[];
  numbers: NumericClaimGroup[];
  /** Article records fetched so far, by id: the sentences come from their bodies. */
  bodies: Map<string, Article>;
}) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  if (!discrepancies.length) return <p>The sources agree on every figure, name and date that was compared.</p>;
  return (
    <ul className="disagreements">
      {discrepancies.map((d) => (
        <li key={d.id} className="disagreement">
          <h3>
            <span className={`tag ${d.kind}`}>{KIND[d.kind]}</span> {readable(d.about, byId)}
          </h3>
          <div className="values">
            {d.values.map((v) => (
              <div className="value" key={v.value}>
                <div className="v">{v.value}</div>
                <ul>
                  {v.articles.map((id, i) => {
                    const a = byId.get(id);
                    const body = bodies.get(id)?.body;
                    const at = locate(d, v.value, id, numbers, body);
                    const sentence = at && body ? sentenceAround(body, at.start, at.end) : null;
                    const conflicts = d.kind === "date" ? (a?.published.conflicts ?? []) : [];
                    return (
                      <li key={id}>
                        <Link
                          to="/articles/$id"
                          params={{ id }}
                          search={at && d.kind !== "spelling" ? { at: at.start } : {}}
                        >
                          {a ? sourceLabel(a) : id}
                        </Link>{" "}
                        <span className="muted small">{dayLabel(v.dates[i] ?? a?.date ?? null)}</span>
                        {sentence && <blockquote className="sentence">{sentence}</blockquote>}
                        {conflicts.map((c) => (
                          <p className="conflict" key={c}>
                            {c}
                          </p>
                        ))}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
