import type { CoverageDay } from "@newsfuse/core/schema";
import { useCallback } from "react";
import { Chart } from "../../components/Chart.tsx";
import { plural } from "../../lib/labels.ts";

/** Articles per day of one story, as a small bar chart; the label says the same in words. */
export function Sparkline({ coverage, undated }: { coverage: CoverageDay[]; undated: number }) {
  const make = useCallback(
    (Plot: typeof import("@observablehq/plot")) =>
      Plot.plot({
        width: 120,
        height: 28,
        margin: 2,
        axis: null,
        x: { type: "utc" },
        y: { domain: [0, Math.max(1, ...coverage.map((d) => d.articles))] },
        marks: [
          Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.3 }),
          Plot.rectY(coverage, {
            x: (d: CoverageDay) => new Date(`${d.date}T00:00:00Z`),
            y: "articles",
            interval: "day",
            fill: "var(--accent)",
          }),
        ],
      }),
    [coverage],
  );
  const days = coverage.length;
  const label = `${plural(
    coverage.reduce((n, d) => n + d.articles, 0),
    "dated article",
  )} over ${plural(days, "day")}${undated ? `, ${undated} undated` : ""}`;
  if (!days) return <span className="muted small">{undated ? `${undated} undated` : "–"}</span>;
  return <Chart make={make} label={label} className="spark" />;
}
