import type { IngestItemResult } from "@newsfuse/core/schema";
import { useQueryClient } from "@tanstack/react-query";
import { createLazyRoute, Link } from "@tanstack/react-router";
import { type DragEvent, useEffect, useRef, useState } from "react";
import { contentTypeFor, pastedType } from "../features/add/inputs.ts";
import { KeyForm } from "../components/KeyForm.tsx";
import { apiKey, setApiKey, useApiKey } from "../lib/api-key.ts";
import { asApiError, useClient } from "../lib/client.ts";
import { type LiveEvent, useLiveEvent } from "../lib/live.tsx";

interface Job {
  id: number;
  name: string;
  size: number;
  contentType: string;
  body: Blob;
  state: "queued" | "sending" | "done" | "failed" | "needs-key";
  results: IngestItemResult[];
  error?: string;
}

let nextJob = 1;

function ResultLine({ r }: { r: IngestItemResult }) {
  switch (r.status) {
    case "created":
      return (
        <li className="ok">
          Added{" "}
          <Link to="/articles/$id" params={{ id: r.id }}>
            {r.id}
          </Link>
          {r.storyId && (
            <>
              {" "}
              to{" "}
              <Link to="/stories/$id" params={{ id: r.storyId }}>
                its story
              </Link>
            </>
          )}
        </li>
      );
    case "duplicate":
      return (
        <li className="ok">
          <Link to="/articles/$id" params={{ id: r.id }}>
            {r.id}
          </Link>{" "}
          is a {r.kind} copy of{" "}
          <Link to="/articles/$id" params={{ id: r.duplicateOf }}>
            {r.duplicateOf}
          </Link>{" "}
          (kept as evidence)
        </li>
      );
    case "known":
      return (
        <li>
          Already stored:{" "}
          <Link to="/articles/$id" params={{ id: r.id }}>
            {r.id}
          </Link>
        </li>
      );
    case "error":
      return (
        <li className="bad">
          {r.input}: {r.message} <span className="muted">({r.code})</span>
        </li>
      );
  }
}

function AddPage() {
  const client = useClient();
  const queryClient = useQueryClient();
  const key = useApiKey();
  const [jobs, setJobs] = useState<Job[]>([]);
  const [progress, setProgress] = useState<LiveEvent | null>(null);
  const [over, setOver] = useState(false);
  const [paste, setPaste] = useState("");
  const running = useRef(false);
  useEffect(() => {
    document.title = "Add news · newsfuse";
  }, []);
  useLiveEvent((e) => {
    if (e.type === "ingest.progress") setProgress(e);
  });

  const update = (id: number, patch: Partial<Job>) =>
    setJobs((js) => js.map((j) => (j.id === id ? { ...j, ...patch } : j)));

  // One input at a time, so each gets its own answer and progress reads in order.
  async function run(queue: Job[]) {
    if (running.current) return;
    running.current = true;
    try {
      for (const job of queue) {
        update(job.id, { state: "sending", error: undefined });
        try {
          // Bytes, not the Blob: the same call then works over any fetch (the browser's, Node's, in process).
          const r = await client.addRaw(new Uint8Array(await job.body.arrayBuffer()), job.contentType);
          update(job.id, {
            state: r.errors && !r.created && !r.duplicates && !r.known ? "failed" : "done",
            results: r.results,
          });
        } catch (e) {
          const err = asApiError(e);
          // No key given yet, or the one given is refused: ask for it (a 403 without a key is not about keys).
          if (err.status === 401 || (err.status === 403 && apiKey())) {
            update(job.id, { state: "needs-key", error: err.message });
            break;
          }
          const details = err.details?.map((d) => `${d.path}: ${d.message}`).join("; ");
          update(job.id, { state: "failed", error: `${err.message}${details ? ` (${details})` : ""}` });
        }
      }
    } finally {
      running.current = false;
      void queryClient.invalidateQueries({ queryKey: ["stories"] });
    }
  }

  function add(files: Array<{ name: string; body: Blob; type?: string }>) {
    const fresh: Job[] = files.map((f) => ({
      id: nextJob++,
      name: f.name,
      size: f.body.size,
      contentType: f.type ?? contentTypeFor(f.name, f.body.type),
      body: f.body,
      state: "queued",
      results: [],
    }));
    setJobs((js) => [...fresh, ...js]);
    void run(fresh);
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add([...e.dataTransfer.files].map((f) => ({ name: f.name, body: f })));
  };
  const retry = () => void run(jobs.filter((j) => j.state === "needs-key" || j.state === "queued").reverse());

  return (
    <>
      <h1>Add news</h1>
      <p className="lede">
        Drop text, HTML pages, RSS or Atom feeds or JSON Lines files, or paste an article. Each one is cleaned,
        deduplicated and fused into its story; the stories page updates by itself. To follow a feed as it changes,
        subscribe to it on <Link to="/sources">Sources</Link>.
      </p>
      {jobs.some((j) => j.state === "needs-key") && (
        <KeyForm why="This server needs a valid API key to add news." onSaved={retry} />
      )}
      {key && (
        <p className="small muted">
          Using the API key given in this tab.{" "}
          <button type="button" className="linkish" onClick={() => setApiKey(null)}>
            Forget it
          </button>
        </p>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is the pointer's shortcut; the file button inside is the keyboard's way. */}
      <div
        className={`drop ${over ? "over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop files here, or</p>
        <label className="button">
          Choose files
          <input
            type="file"
            multiple
            className="sr-only"
            accept=".txt,.text,.html,.htm,.xhtml,.xml,.rss,.atom,.json,.jsonl,.ndjson"
            onChange={(e) => {
              add([...(e.currentTarget.files ?? [])].map((f) => ({ name: f.name, body: f })));
              e.currentTarget.value = "";
            }}
          />
        </label>
      </div>
      <form
        className="paste"
        onSubmit={(e) => {
          e.preventDefault();
          if (!paste.trim()) return;
          add([{ name: "pasted text", body: new Blob([paste]), type: pastedType(paste) }]);
          setPaste("");
        }}
      >
        <label htmlFor="paste">Or paste an article (text or HTML)</label>
        <textarea id="paste" rows={8} value={paste} onChange={(e) => setPaste(e.target.value)} />
        <button type="submit" disabled={!paste.trim()}>
          Add the pasted article
        </button>
      </form>
      {progress && (
        <p role="status" className="progress">
          Server: {progress.done} of {progress.total} articles stored
          {progress.failed ? `, ${progress.failed} failed` : ""}
          <progress max={progress.total || 1} value={progress.done} aria-label="Articles stored" />
        </p>
      )}
      {jobs.length > 0 && (
        <section aria-labelledby="h-jobs">
          <h2 id="h-jobs">Inputs</h2>
          <ul className="jobs" aria-live="polite">
            {jobs.map((j) => (
              <li key={j.id} className={`job ${j.state}`}>
                <div>
                  <strong>{j.name}</strong>{" "}
                  <span className="muted small">
                    {j.contentType} · {Math.max(1, Math.round(j.size / 1024))} kB
                  </span>{" "}
                  <span className="tag">{j.state === "needs-key" ? "needs the API key" : j.state}</span>
                </div>
                {j.error && <p className="bad">{j.error}</p>}
                {j.results.length > 0 && (
                  <ul className="small">
                    {j.results.map((r, i) => (
                      <ResultLine key={i} r={r} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export const Route = createLazyRoute("/add")({ component: AddPage });
