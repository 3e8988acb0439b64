import type { BundleArticle, NumericClaimGroup } from "@newsfuse/core/schema";
import { useCallback } from "react";
import { Chart } from "../../components/Chart.tsx";
import { dayLabel, sourceLabel } from "../../lib/labels.ts";

interface Point {
  value: number;
  text: string;
  source: string;
  date: string;
}

/** One subject's figures: each claim as a dot by value and source, with its date; the table says the same. */
function SubjectChart({ group, articles }: { group: NumericClaimGroup; articles: Map<string, BundleArticle> }) {
  const points: Point[] = group.claims.map((c) => {
    const a = articles.get(c.article);
    return { value: c.value, text: c.text, source: a ? sourceLabel(a) : c.article, date: dayLabel(c.date) };
  });
  const make = useCallback(
    (Plot: typeof import("@observablehq/plot")) =>
      Plot.plot({
        width: 560,
        height: 40 + 28 * new Set(points.map((p) => p.source)).size,
        marginLeft: 110,
        x: { label: group.subject, grid: true, nice: true },
        y: { label: null },
        color: { type: "ordinal", scheme: "tableau10" },
        marks: [
          Plot.dot(points, { x: "value", y: "source", fill: "date", r: 6, tip: true, title: (p: Point) => p.text }),
        ],
      }),
    [points, group.subject],
  );
  return (
    <Chart make={make} label={`${group.subject}: figures by source`}>
      <figcaption>
        <strong>{group.subject}</strong>
      </figcaption>
      <table className="figures small">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Date</th>
            <th scope="col">Figure as written</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={`${p.source}-${i}`}>
              <td>{p.source}</td>
              <td>{p.date}</td>
              <td>{p.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}

/** Subjects that more than one claim gives a figure for; single mentions are listed, not charted. */
export function FiguresChart({ numbers, articles }: { numbers: NumericClaimGroup[]; articles: BundleArticle[] }) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const charted = numbers.filter((g) => g.claims.length > 1);
  const single = numbers.filter((g) => g.claims.length === 1);
  return (
    <>
      {charted.length === 0 && <p>No subject is given a figure by more than one article.</p>}
      {charted.map((g) => (
        <SubjectChart key={g.subject} group={g} articles={byId} />
      ))}
      {single.length > 0 && (
        <details>
          <summary>{single.length} more figures, each from one article</summary>
          <ul className="small">
            {single.map((g) => (
              <li key={g.subject}>
                {g.subject}: {g.claims[0].text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
