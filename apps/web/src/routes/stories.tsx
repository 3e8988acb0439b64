import { useInfiniteQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useEffect } from "react";
import { ErrorNote, Loading } from "../components/Status.tsx";
import { StoriesTable } from "../features/stories/StoriesTable.tsx";
import { useClient } from "../lib/client.ts";
import { plural } from "../lib/labels.ts";
import { q } from "../lib/queries.ts";
import type { StoriesSearch } from "../lib/search-params.ts";

const api = getRouteApi("/");

function Filters({ search }: { search: StoriesSearch }) {
  const navigate = api.useNavigate();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const v = (k: string) => (String(f.get(k) ?? "").trim() || undefined) as string | undefined;
    void navigate({
      search: {
        q: v("q"),
        entity: v("entity"),
        source: v("source"),
        from: v("from"),
        to: v("to"),
        sort: v("sort") as StoriesSearch["sort"],
      },
    });
  };
  // Keyed by the search so the fields show the URL's values after back/forward.
  return (
    <search aria-label="Filter stories">
      <form className="filters" onSubmit={submit} key={JSON.stringify(search)}>
        <label>
          Words
          <input name="q" type="search" defaultValue={search.q} placeholder="Ukraine" />
        </label>
        <label>
          Entity
          <input name="entity" defaultValue={search.entity} placeholder="Blinken" />
        </label>
        <label>
          Outlet
          <input name="source" defaultValue={search.source} placeholder="Reuters" />
        </label>
        <label>
          From
          <input name="from" type="date" defaultValue={search.from} />
        </label>
        <label>
          To
          <input name="to" type="date" defaultValue={search.to} />
        </label>
        <label>
          Order
          <select name="sort" defaultValue={search.sort ?? "newest"}>
            <option value="newest">Newest</option>
            <option value="updated">Recently updated</option>
            <option value="covered">Most covered</option>
            <option value="disputed">Most disputed</option>
          </select>
        </label>
        <div className="actions">
          <button type="submit">Apply</button>
          {Object.values(search).some(Boolean) && (
            <button type="button" className="secondary" onClick={() => void navigate({ search: {} })}>
              Clear
            </button>
          )}
        </div>
      </form>
    </search>
  );
}

function StoriesPage() {
  const search = api.useSearch();
  const client = useClient();
  const query = useInfiniteQuery(q.stories(client, search));
  const stories = query.data?.pages.flatMap((p) => p.items) ?? [];
  useEffect(() => {
    document.title = "Stories · newsfuse";
  }, []);
  return (
    <>
      <h1>Stories</h1>
      <p className="lede">
        Each story fuses every report about one news event: who said what, which copies come from one wire story, and
        what the sources disagree on. New stories appear here as they are added.
      </p>
      <Filters search={search} />
      {query.isPending ? (
        <Loading what="stories" />
      ) : query.isError ? (
        <ErrorNote error={query.error} />
      ) : stories.length === 0 ? (
        <p role="status">No story matches these filters.</p>
      ) : (
        <>
          <p className="muted" role="status">
            {plural(stories.length, "story", "stories")}
            {query.hasNextPage ? " so far" : ""}
          </p>
          <StoriesTable stories={stories} />
          {query.hasNextPage && (
            <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? "Loading…" : "Load more stories"}
            </button>
          )}
        </>
      )}
    </>
  );
}

export const Route = createLazyRoute("/")({ component: StoriesPage });
