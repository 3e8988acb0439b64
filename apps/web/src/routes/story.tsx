import type { Article } from "@newsfuse/core/schema";
import { useQueries, useQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi, Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { ErrorNote, Loading } from "../components/Status.tsx";
import { CoverageMatrix, QuoteOccurrences } from "../features/story/CoverageMatrix.tsx";
import { DisagreementsPanel } from "../features/story/DisagreementsPanel.tsx";
import { FiguresChart } from "../features/story/FiguresChart.tsx";
import { People } from "../features/story/People.tsx";
import { QuotesBySpeaker } from "../features/story/QuotesBySpeaker.tsx";
import { SyndicationView } from "../features/story/SyndicationView.tsx";
import { Timeline } from "../features/story/Timeline.tsx";
import { useClient } from "../lib/client.ts";
import { plural, spanLabel } from "../lib/labels.ts";
import { q } from "../lib/queries.ts";

const api = getRouteApi("/stories/$id");

const SECTIONS = [
  ["disagreements", "Disagreements"],
  ["timeline", "Timeline"],
  ["coverage", "Who carried which quote"],
  ["syndication", "Origins and copies"],
  ["figures", "Figures"],
  ["quotes", "Quotes by speaker"],
  ["people", "People and organizations"],
] as const;

function StoryPage() {
  const { id } = api.useParams();
  const search = api.useSearch();
  const client = useClient();
  const bundle = useQuery(q.bundle(client, id));
  const b = bundle.data;
  // The sentences behind each disputed value come from the articles' bodies.
  const disputed = [...new Set(b?.story.discrepancies.flatMap((d) => d.values.flatMap((v) => v.articles)) ?? [])];
  const bodies = useQueries({
    queries: disputed.map((a) => q.article(client, a)),
    combine: (rs) => new Map(rs.flatMap((r) => (r.data ? [[r.data.article.id, r.data.article] as const] : []))),
  }) as Map<string, Article>;
  useEffect(() => {
    if (b) document.title = `${b.story.title} · newsfuse`;
  }, [b]);

  if (bundle.isPending) return <Loading what="the story" />;
  if (bundle.isError) return <ErrorNote error={bundle.error} />;
  const { story, articles, quotes, entities, origins } = b!;
  const outlets = new Set(articles.map((a) => a.outlet ?? a.agency).filter(Boolean)).size;
  const selected = quotes.find((x) => x.id === search.quote);
  const speakerQuotes = search.speaker ? quotes.filter((x) => x.speaker === search.speaker) : quotes;

  return (
    <article className="story">
      <p className="crumbs small">
        <Link to="/">Stories</Link> ›
      </p>
      <h1>{story.title}</h1>
      <p className="counts">
        <strong>{plural(articles.length, "article")}</strong> ·{" "}
        <strong>{plural(b!.originCount, "independent origin")}</strong> · <strong>{plural(outlets, "outlet")}</strong>
        <span className="muted"> · {spanLabel(story.span)}</span>
      </p>
      <nav aria-label="Sections of this story" className="toc">
        {SECTIONS.map(([key, label]) => (
          <a key={key} href={`#${key}`}>
            {label}
          </a>
        ))}
      </nav>
      <section id="disagreements" aria-labelledby="h-disagreements">
        <h2 id="h-disagreements">What the sources disagree on</h2>
        <DisagreementsPanel
          discrepancies={story.discrepancies}
          articles={articles}
          numbers={story.numbers}
          bodies={bodies}
        />
      </section>
      <section id="timeline" aria-labelledby="h-timeline">
        <h2 id="h-timeline">Timeline</h2>
        <Timeline events={story.events} articles={articles} />
      </section>
      <section id="coverage" aria-labelledby="h-coverage">
        <h2 id="h-coverage">Who carried which quote</h2>
        <CoverageMatrix quotes={quotes} articles={articles} selected={search.quote} showAll={search.all ?? false} />
        {selected && <QuoteOccurrences quote={selected} articles={articles} />}
      </section>
      <section id="syndication" aria-labelledby="h-syndication">
        <h2 id="h-syndication">Origins and copies</h2>
        <SyndicationView origins={origins} articles={articles} />
      </section>
      <section id="figures" aria-labelledby="h-figures">
        <h2 id="h-figures">Figures by source</h2>
        <FiguresChart numbers={story.numbers} articles={articles} />
      </section>
      <section id="quotes" aria-labelledby="h-quotes">
        <h2 id="h-quotes">Quotes by speaker</h2>
        <QuotesBySpeaker quotes={speakerQuotes} />
      </section>
      <section id="people" aria-labelledby="h-people">
        <h2 id="h-people">People and organizations</h2>
        <People entities={entities} />
      </section>
    </article>
  );
}

export const Route = createLazyRoute("/stories/$id")({ component: StoryPage });
