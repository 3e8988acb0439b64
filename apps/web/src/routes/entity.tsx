import type { BundleArticle } from "@newsfuse/core/schema";
import { useQueries, useQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useMemo } from "react";
import { RolesOverTime } from "../features/entity/RolesOverTime.tsx";
import { rolesOverTime } from "../features/entity/roles.ts";
import { ErrorNote, Loading } from "../components/Status.tsx";
import { useClient } from "../lib/client.ts";
import { plural, spanLabel } from "../lib/labels.ts";
import { q } from "../lib/queries.ts";

const api = getRouteApi("/entities/$id");

/** How many of an entity's stories are read for the dates of its roles; a role's other articles show undated. */
const ROLE_STORIES = 30;

function EntityPage() {
  const { id } = api.useParams();
  const client = useClient();
  const detail = useQuery(q.entity(client, id));
  // The dates of the articles giving each role are their fused dates (stated, else inferred), from the
  // bundles of the entity's stories (the story page's own cached query), at most ROLE_STORIES of them.
  const storyBundles = useQueries({
    queries: (detail.data?.stories ?? []).slice(0, ROLE_STORIES).map((s) => q.bundle(client, s.id)),
  });
  const articles = useMemo(() => {
    const m = new Map<string, BundleArticle>();
    for (const r of storyBundles) for (const a of r.data?.articles ?? []) m.set(a.id, a);
    return m;
  }, [storyBundles]);
  const datesPending = storyBundles.some((r) => r.isPending);
  useEffect(() => {
    if (detail.data) document.title = `${detail.data.entity.name} · newsfuse`;
  }, [detail.data]);
  if (detail.isPending) return <Loading what="the entity" />;
  if (detail.isError) return <ErrorNote error={detail.error} />;
  const { entity: e, quotes, stories } = detail.data;
  return (
    <article>
      <h1>{e.name}</h1>
      <p className="meta">
        {e.type} · in {plural(e.articles.length, "article")}
        {e.aliases.length > 0 && <> · also written {e.aliases.map((x) => `“${x}”`).join(", ")}</>}
      </p>
      <section aria-labelledby="h-roles">
        <h2 id="h-roles">Roles over time</h2>
        {e.roles.length === 0 ? (
          <p>No article gives a role.</p>
        ) : datesPending ? (
          <Loading what="the dates of the roles" />
        ) : (
          <RolesOverTime roles={rolesOverTime(e.roles, articles)} articles={articles} />
        )}
      </section>
      <section aria-labelledby="h-equotes">
        <h2 id="h-equotes">Quotes</h2>
        {quotes.length ? (
          <ul>
            {quotes.map((x) => (
              <li key={x.id}>
                <Link
                  to="/articles/$id"
                  params={{ id: x.occurrences[0]?.article ?? x.articles[0] }}
                  search={{ at: x.occurrences[0]?.start }}
                >
                  “{x.text}”
                </Link>{" "}
                <span className="muted small">{plural(x.articles.length, "article")}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>No quote is attributed to {e.name}.</p>
        )}
      </section>
      <section aria-labelledby="h-estories">
        <h2 id="h-estories">Stories</h2>
        <ul>
          {stories.map((s) => (
            <li key={s.id}>
              <Link to="/stories/$id" params={{ id: s.id }}>
                {s.title}
              </Link>{" "}
              <span className="muted small">
                {spanLabel(s.span)} · {plural(s.articleCount, "article")}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

export const Route = createLazyRoute("/entities/$id")({ component: EntityPage });
