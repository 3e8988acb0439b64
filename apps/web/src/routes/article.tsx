import type { Article, DuplicateGroup, QuoteRecord, StoryBundle } from "@newsfuse/core/schema";
import { useQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi, Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { ErrorNote, Loading } from "../components/Status.tsx";
import { ArticleText } from "../features/article/ArticleText.tsx";
import { SideBySide } from "../features/article/SideBySide.tsx";
import { useClient } from "../lib/client.ts";
import { dayLabel, plural, sourceLabel } from "../lib/labels.ts";
import { q } from "../lib/queries.ts";
import { safeHref } from "../lib/url.ts";

const api = getRouteApi("/articles/$id");

function Dates({ article }: { article: Article }) {
  const p = article.published;
  return (
    <div className="dates">
      <p>
        Published: <strong>{p.stated ? dayLabel(p.stated) : "not stated"}</strong>
        {p.source && <span className="muted small"> (from the {p.source})</span>}
        {p.inferred && (
          <>
            {" "}
            · inferred from the content: <strong>{dayLabel(p.inferred)}</strong>
          </>
        )}
        {p.weekday && <span className="muted"> · the text names {p.weekday}</span>}
        {p.modified && <span className="muted"> · modified {dayLabel(p.modified)}</span>}
      </p>
      {p.conflicts.length > 0 && (
        <div className="conflict" role="note">
          <strong>Date conflict:</strong>
          <ul>
            {p.conflicts.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The quote at `at` and, from the story, every other outlet that carries it. */
function SelectedQuote({ article, at, bundle }: { article: Article; at: number; bundle: StoryBundle | undefined }) {
  const quote = article.quotes.find((x) => x.start === at);
  if (!quote) return null;
  const record: QuoteRecord | undefined = bundle?.quotes.find((r) =>
    r.occurrences.some((o) => o.article === article.id && o.start < quote.end && quote.start < o.end),
  );
  const others = record ? record.occurrences.filter((o) => o.article !== article.id) : [];
  const byId = new Map(bundle?.articles.map((a) => [a.id, a]) ?? []);
  return (
    <aside className="panel" aria-label="Selected quote" aria-live="polite">
      <h2>“{quote.text}”</h2>
      <p>
        Said by <strong>{quote.speaker ?? "an unidentified speaker"}</strong>
        {quote.partial && <span className="muted"> (a fragment within a paraphrase)</span>}
      </p>
      {record?.speakerEntity && (
        <Link to="/entities/$id" params={{ id: record.speakerEntity }}>
          About {record.speaker}
        </Link>
      )}
      {others.length ? (
        <>
          <h3>Also carried by</h3>
          <ul>
            {others.map((o) => {
              const a = byId.get(o.article);
              return (
                <li key={`${o.article}:${o.start}`}>
                  <Link to="/articles/$id" params={{ id: o.article }} search={{ at: o.start }}>
                    {a ? sourceLabel(a) : o.article}
                  </Link>
                  : “{o.text}”
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p className="muted">No other article of the story carries this quote.</p>
      )}
    </aside>
  );
}

function Nearest({ article, group }: { article: Article; group: DuplicateGroup }) {
  const client = useClient();
  const pairs = group.pairs.filter((p) => p.a === article.id || p.b === article.id);
  const best = pairs.sort((x, y) => y.jaccard - x.jaccard)[0];
  const other = best ? (best.a === article.id ? best.b : best.a) : group.articles.find((a) => a !== article.id)!;
  const copy = useQuery(q.article(client, other));
  return (
    <section aria-labelledby="h-dup">
      <h2 id="h-dup">Copies of this text</h2>
      <p>
        One of {plural(group.articles.length, "copy", "copies")} ({group.kind}); the likely original is{" "}
        {group.original === article.id ? (
          "this article"
        ) : (
          <Link to="/articles/$id" params={{ id: group.original }}>
            {group.original}
          </Link>
        )}
        .
      </p>
      <ul className="small">
        {pairs.map((p) => {
          const o = p.a === article.id ? p.b : p.a;
          return (
            <li key={o}>
              <Link to="/articles/$id" params={{ id: o }}>
                {o}
              </Link>
              : {Math.round(p.jaccard * 100)}% similar, {Math.round(p.containment * 100)}% contained
            </li>
          );
        })}
      </ul>
      {copy.data ? (
        <SideBySide
          left={article.body}
          right={copy.data.article.body}
          leftLabel="This article"
          rightLabel={`Nearest copy: ${copy.data.article.title ?? other}`}
        />
      ) : copy.isError ? (
        <ErrorNote error={copy.error} />
      ) : (
        <Loading what="the nearest copy" />
      )}
    </section>
  );
}

function ArticlePage() {
  const { id } = api.useParams();
  const search = api.useSearch();
  const navigate = api.useNavigate();
  const client = useClient();
  const detail = useQuery(q.article(client, id));
  const storyId = detail.data?.storyId;
  const bundle = useQuery({ ...q.bundle(client, storyId ?? ""), enabled: !!storyId });
  useEffect(() => {
    if (detail.data) document.title = `${detail.data.article.title ?? id} · newsfuse`;
  }, [detail.data, id]);
  useEffect(() => {
    if (search.at == null || !detail.data) return;
    document.querySelector(".hl.quote.on")?.scrollIntoView?.({ block: "center" });
  }, [search.at, detail.data]);

  if (detail.isPending) return <Loading what="the article" />;
  if (detail.isError) return <ErrorNote error={detail.error} />;
  const { article: a, duplicateGroup, origin } = detail.data;
  const href = safeHref(a.provenance.url);
  return (
    <article className="article-page">
      <p className="crumbs small">
        <Link to="/">Stories</Link> ›{" "}
        {storyId && (
          <>
            <Link to="/stories/$id" params={{ id: storyId }}>
              {bundle.data?.story.title ?? "Story"}
            </Link>{" "}
            ›
          </>
        )}
      </p>
      <h1>{a.title ?? <span className="muted">Untitled ({a.id})</span>}</h1>
      <p className="meta">
        {sourceLabel({ id: a.id, outlet: a.provenance.outlet, agency: a.provenance.agency })}
        {a.dateline?.place && ` · ${a.dateline.place}`}
        {a.authors.length > 0 && ` · by ${a.authors.join(", ")}`}
        {a.provenance.republishedFrom && ` · republished from ${a.provenance.republishedFrom}`}
        {a.provenance.materialFrom.length > 0 && ` · material from ${a.provenance.materialFrom.join(", ")}`}
        {href && (
          <>
            {" · "}
            <a href={href} rel="noopener noreferrer nofollow">
              original page
            </a>
          </>
        )}
      </p>
      {origin && <p className="small muted">Input: {origin}</p>}
      <Dates article={a} />
      <div className="legend small">
        <mark className="hl quote">quote</mark> <mark className="hl entity person">person</mark>{" "}
        <mark className="hl entity organization">organization</mark> <mark className="hl entity place">place</mark>{" "}
        <mark className="hl number">figure</mark> — select a quote to see who said it and who else carried it.
      </div>
      <div className="article-layout">
        <ArticleText article={a} selected={search.at} />
        {search.at != null && <SelectedQuote article={a} at={search.at} bundle={bundle.data} />}
      </div>
      <section aria-labelledby="h-removed">
        <h2 id="h-removed">What cleaning removed</h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={!!search.removed}
            onChange={(e) =>
              void navigate({ search: (s) => ({ ...s, removed: e.target.checked || undefined }), replace: true })
            }
          />{" "}
          Show the {plural(a.removed.length, "passage")} taken out of the text
        </label>
        {search.removed && (
          <ul className="removed">
            {a.removed.map((r, i) => (
              <li key={i} className="item">
                <span className="tag">{r.reason}</span> <span className="removed-text">{r.text}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {duplicateGroup ? (
        <Nearest article={a} group={duplicateGroup} />
      ) : (
        <section aria-labelledby="h-dup">
          <h2 id="h-dup">Copies of this text</h2>
          <p>No other article is a copy of this one.</p>
        </section>
      )}
    </article>
  );
}

export const Route = createLazyRoute("/articles/$id")({ component: ArticlePage });
