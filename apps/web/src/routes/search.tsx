import { useQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useEffect } from "react";
import { ErrorNote, Loading } from "../components/Status.tsx";
import { useClient } from "../lib/client.ts";
import { dayLabel, plural, sourceLabel } from "../lib/labels.ts";
import { q } from "../lib/queries.ts";

const api = getRouteApi("/search");

function SearchPage() {
  const { q: text = "" } = api.useSearch();
  const navigate = api.useNavigate();
  const client = useClient();
  const result = useQuery(q.search(client, text));
  useEffect(() => {
    document.title = text ? `${text} · search · newsfuse` : "Search · newsfuse";
  }, [text]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = String(new FormData(e.currentTarget).get("q") ?? "").trim();
    void navigate({ search: { q: v || undefined } });
  };
  const r = result.data;
  return (
    <>
      <h1>Search</h1>
      <search>
        <form onSubmit={submit} className="filters" key={text}>
          <label>
            Articles, quotes, people and places
            <input name="q" type="search" defaultValue={text} placeholder="Lavrov" />
          </label>
          <div className="actions">
            <button type="submit">Search</button>
          </div>
        </form>
      </search>
      {!text ? null : result.isPending ? (
        <Loading what="results" />
      ) : result.isError ? (
        <ErrorNote error={result.error} />
      ) : (
        <div className="results">
          <section aria-labelledby="h-rent">
            <h2 id="h-rent">People, organizations and places ({r!.entities.length})</h2>
            <ul>
              {r!.entities.map((e) => (
                <li key={e.id}>
                  <Link to="/entities/$id" params={{ id: e.id }}>
                    {e.name}
                  </Link>{" "}
                  <span className="muted small">
                    {e.type} · {plural(e.articles.length, "article")}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="h-rq">
            <h2 id="h-rq">Quotes ({r!.quotes.length})</h2>
            <ul>
              {r!.quotes.map((x) => (
                <li key={x.id}>
                  <Link
                    to="/articles/$id"
                    params={{ id: x.occurrences[0]?.article ?? x.articles[0] }}
                    search={{ at: x.occurrences[0]?.start }}
                  >
                    “{x.text}”
                  </Link>{" "}
                  <span className="muted small">
                    {x.speaker ?? "unattributed"} · {plural(x.articles.length, "article")}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="h-ra">
            <h2 id="h-ra">Articles ({r!.articles.length})</h2>
            <ul>
              {r!.articles.map((a) => (
                <li key={a.id}>
                  <Link to="/articles/$id" params={{ id: a.id }}>
                    {a.title ?? a.id}
                  </Link>{" "}
                  <span className="muted small">
                    {sourceLabel(a)} · {dayLabel(a.published)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}

export const Route = createLazyRoute("/search")({ component: SearchPage });
