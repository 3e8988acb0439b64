import type { BundleArticle, Origin } from "@newsfuse/core/schema";
import { Link } from "@tanstack/react-router";
import { dayLabel, plural, sourceLabel } from "../../lib/labels.ts";
import { safeHref } from "../../lib/url.ts";

const ROLE: Record<BundleArticle["role"], string> = {
  original: "original report",
  wire: "wire story",
  copy: "copy",
  republication: "republished",
  material: "uses agency material",
};

function ArticleLine({ a, lead }: { a: BundleArticle; lead: boolean }) {
  const href = safeHref(a.url);
  const sim = a.duplicateGroup?.similarityToOriginal;
  return (
    <li className={lead ? "lead" : "copy"}>
      <Link to="/articles/$id" params={{ id: a.id }}>
        {a.title ?? a.id}
      </Link>{" "}
      <span className="muted small">
        {sourceLabel(a)} · {dayLabel(a.date)}
        {a.dateInferred && a.date ? " (inferred)" : ""} · {ROLE[a.role]}
        {a.republishedFrom && a.republishedFrom !== a.outlet ? ` from ${a.republishedFrom}` : ""}
        {a.materialFrom.length ? ` (material from ${a.materialFrom.join(", ")})` : ""}
      </span>
      {!lead && sim != null && (
        <span className="sim">
          <meter min={0} max={1} value={sim} aria-label={`similarity to the original ${Math.round(sim * 100)}%`} />{" "}
          {Math.round(sim * 100)}% similar{a.duplicateGroup ? ` (${a.duplicateGroup.kind})` : ""}
        </span>
      )}
      {href && (
        <>
          {" "}
          <a href={href} rel="noopener noreferrer nofollow" className="small">
            source
          </a>
        </>
      )}
    </li>
  );
}

/** Which articles are copies of which original or wire story: one block per independent origin. */
export function SyndicationView({ origins, articles }: { origins: Origin[]; articles: BundleArticle[] }) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const copies = articles.length - origins.length;
  return (
    <>
      <p>
        {plural(articles.length, "article")} go back to {plural(origins.length, "independent origin")}
        {copies > 0
          ? `; ${plural(copies, "is a copy", "are copies")} or republications.`
          : ": none is a copy of another."}
      </p>
      <ol className="origins">
        {origins.map((o) => {
          const lead = byId.get(o.lead);
          const rest = o.articles
            .filter((id) => id !== o.lead)
            .map((id) => byId.get(id))
            .filter(Boolean);
          return (
            <li key={o.id} className={`origin ${o.kind}`}>
              <div className="small muted kind">
                {o.kind === "wire" ? `Wire story${o.agency ? ` · ${o.agency}` : ""}` : "Original report"}
                {rest.length ? ` · ${plural(rest.length + 1, "article")}` : ""}
              </div>
              <ul>
                {lead && <ArticleLine a={lead} lead />}
                {rest.map((a) => (
                  <ArticleLine key={a!.id} a={a!} lead={false} />
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </>
  );
}
