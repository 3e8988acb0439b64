import { useQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi, Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { ErrorNote, Loading } from "../components/Status.tsx";
import { useClient } from "../lib/client.ts";
import { plural, spanLabel } from "../lib/labels.ts";
import { q } from "../lib/queries.ts";

const api = getRouteApi("/entities/$id");

function EntityPage() {
  const { id } = api.useParams();
  const client = useClient();
  const detail = useQuery(q.entity(client, id));
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
        <h2 id="h-roles">Roles</h2>
        {e.roles.length ? (
          <ul>
            {e.roles.map((r) => (
              <li key={r.role}>
                {r.role}{" "}
                <span className="muted small">
                  in{" "}
                  {r.articles.map((a, i) => (
                    <span key={a}>
                      {i > 0 && ", "}
                      <Link to="/articles/$id" params={{ id: a }}>
                        {a}
                      </Link>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>No article gives a role.</p>
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
