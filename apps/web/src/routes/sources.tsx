import type { Source, SourceInput } from "@newsfuse/core/schema";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { KeyForm } from "../components/KeyForm.tsx";
import { ErrorNote, Loading } from "../components/Status.tsx";
import { isFailing } from "../features/sources/health.ts";
import { SourcesTable } from "../features/sources/SourcesTable.tsx";
import { apiKey, setApiKey, useApiKey } from "../lib/api-key.ts";
import { asApiError, useClient } from "../lib/client.ts";
import { plural } from "../lib/labels.ts";
import { q } from "../lib/queries.ts";

const api = getRouteApi("/sources");

/** A write waiting for the API key: it is sent again once the key is given. */
type Pending = { kind: "add"; input: SourceInput } | { kind: "remove"; source: Source };

function SourcesPage() {
  const { failing } = api.useSearch();
  const navigate = api.useNavigate();
  const client = useClient();
  const queryClient = useQueryClient();
  const key = useApiKey();
  const list = useQuery(q.sources(client));
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [needsKey, setNeedsKey] = useState<Pending | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  useEffect(() => {
    document.title = "Sources · newsfuse";
  }, []);

  async function write(p: Pending) {
    setNote(null);
    setBusy(p.kind === "add" ? "add" : p.source.id);
    try {
      if (p.kind === "add") {
        const known = new Set((list.data?.items ?? []).map((s) => s.id));
        const s = await client.addSource(p.input);
        setNote({
          ok: true,
          text: known.has(s.id) ? `Already subscribed to ${s.title ?? s.url}.` : `Subscribed to ${s.title ?? s.url}.`,
        });
        setUrl("");
        setTitle("");
      } else {
        await client.removeSource(p.source.id);
        setNote({ ok: true, text: `Removed ${p.source.title ?? p.source.url}.` });
      }
      setNeedsKey(null);
    } catch (e) {
      const err = asApiError(e);
      // No key given yet, or the one given is refused: ask for it (a 403 without a key is not about keys).
      if (err.status === 401 || (err.status === 403 && apiKey())) setNeedsKey(p);
      else {
        const details = err.details?.map((d) => `${d.path}: ${d.message}`).join("; ");
        setNote({ ok: false, text: `${err.message}${details ? ` (${details})` : ""}` });
      }
    } finally {
      setBusy(null);
      void queryClient.invalidateQueries({ queryKey: ["sources"] });
    }
  }

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const u = url.trim();
    if (!u) return;
    void write({ kind: "add", input: title.trim() ? { url: u, title: title.trim() } : { url: u } });
  };

  const all = list.data?.items ?? [];
  const shown = failing ? all.filter(isFailing) : all;
  const failingCount = all.filter(isFailing).length;
  return (
    <>
      <h1>Sources</h1>
      <p className="lede">
        The feeds this server follows (RSS, Atom, JSON Feed). <code>newsfuse watch</code> or{" "}
        <code>newsfuse serve --watch</code> polls them; each new item is fetched once and fused into its story.
      </p>
      <form className="filters add-source" onSubmit={submit} aria-labelledby="h-addsource">
        <h2 id="h-addsource" className="sr-only">
          Subscribe to a feed
        </h2>
        <label>
          Feed URL
          <input
            name="url"
            type="url"
            inputMode="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://example.org/feed.xml"
          />
        </label>
        <label>
          Title (optional)
          <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" disabled={busy === "add" || !url.trim()}>
            {busy === "add" ? "Checking the feed…" : "Subscribe"}
          </button>
        </div>
      </form>
      {needsKey && (
        <KeyForm
          why={`This server needs a valid API key to ${needsKey.kind === "add" ? "add" : "remove"} a source.`}
          onSaved={() => void write(needsKey)}
        />
      )}
      {key && (
        <p className="small muted">
          Using the API key given in this tab.{" "}
          <button type="button" className="linkish" onClick={() => setApiKey(null)}>
            Forget it
          </button>
        </p>
      )}
      <div role="status" aria-live="polite">
        {note && <p className={note.ok ? "ok" : "bad"}>{note.text}</p>}
      </div>
      {list.isPending ? (
        <Loading what="the sources" />
      ) : list.isError ? (
        <ErrorNote error={list.error} />
      ) : all.length === 0 ? (
        <p>
          No feed is subscribed yet. Add one above, or with <code>newsfuse sources add &lt;feed-url&gt;</code>; to read
          a feed once, drop it on <Link to="/add">Add news</Link>.
        </p>
      ) : (
        <section aria-labelledby="h-sources">
          <h2 id="h-sources">
            {plural(all.length, "feed")}
            {failingCount > 0 && <span className="bad"> · {failingCount} failing</span>}
          </h2>
          <p className="small">
            {failing ? (
              <Link to="/sources" search={{}}>
                Show every feed
              </Link>
            ) : (
              failingCount > 0 && (
                <Link to="/sources" search={{ failing: true }}>
                  Show only the failing feeds
                </Link>
              )
            )}
          </p>
          {shown.length === 0 ? (
            <p>No feed is failing.</p>
          ) : (
            <SourcesTable
              sources={shown}
              removing={busy}
              onRemove={(s) => {
                void write({ kind: "remove", source: s });
                if (failing && shown.length === 1) void navigate({ search: {} });
              }}
            />
          )}
        </section>
      )}
    </>
  );
}

export const Route = createLazyRoute("/sources")({ component: SourcesPage });
