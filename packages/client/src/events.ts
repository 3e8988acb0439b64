import { type ReadyEvent, type ResetEvent, StoreEvent } from "@newsfuse/core/schema";
import type { ApiError } from "./index.ts";

/** One event of the stream with its id (pass it as `lastEventId` to resume after it). */
export interface StreamItem {
  id: string;
  event: StoreEvent | ReadyEvent | ResetEvent;
}

export interface StreamOptions {
  url: string;
  fetch: (req: Request) => Response | Promise<Response>;
  headers: Record<string, string>;
  signal?: AbortSignal;
  lastEventId?: string;
  errorOf: (res: Response, body: unknown) => ApiError;
  /** Reconnection delays: the first, doubled on each failure up to the cap; reset once connected. */
  retryMs?: { initial: number; max: number };
}

/** SSE frames: `event:`, `id:` and `data:` lines, a blank line ends a frame; `:` lines are comments. */
export interface Frame {
  event: string;
  id: string | null;
  data: string;
}

/** Splits an SSE byte stream into frames (the WHATWG event-stream format, without `retry:`). */
export async function* frames(body: ReadableStream<Uint8Array>): AsyncGenerator<Frame> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  let event = "";
  let id: string | null = null;
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buf.search(/\r\n|\r|\n/)) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + (buf.startsWith("\r\n", nl) ? 2 : 1));
        if (line === "") {
          if (data.length || event) yield { event: event || "message", id, data: data.join("\n") };
          event = "";
          id = null;
          data = [];
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event = value;
        else if (field === "data") data.push(value);
        else if (field === "id") id = value;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** A frame as a typed event, or null for an event this client does not know (newer servers may add some). */
function eventOf(f: Frame): StreamItem["event"] | null {
  if (f.event === "ready") return { type: "ready" };
  if (f.event === "reset") return { type: "reset" };
  let json: unknown;
  try {
    json = JSON.parse(f.data);
  } catch {
    return null;
  }
  const r = StoreEvent.safeParse(json);
  return r.success && r.data.type === f.event ? r.data : null;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * The live events, reconnecting after a dropped connection with Last-Event-ID. A refusal the retry
 * cannot fix (401, 403, 404) is thrown as an ApiError; the iteration ends when `signal` aborts.
 */
export async function* streamEvents(o: StreamOptions): AsyncGenerator<StreamItem> {
  const retry = o.retryMs ?? { initial: 500, max: 15_000 };
  let lastId = o.lastEventId ?? null;
  let delay = retry.initial;
  while (!o.signal?.aborted) {
    let res: Response | null = null;
    try {
      res = await o.fetch(
        new Request(o.url, {
          headers: { Accept: "text/event-stream", ...o.headers, ...(lastId ? { "Last-Event-ID": lastId } : {}) },
          signal: o.signal,
        }),
      );
    } catch {
      res = null; // no answer: retry below
    }
    if (o.signal?.aborted) return;
    if (res && !res.ok) {
      const body = await res.json().catch(() => null);
      if (res.status !== 429 && res.status < 500) throw o.errorOf(res, body);
    } else if (res?.body) {
      try {
        for await (const f of frames(res.body)) {
          delay = retry.initial;
          const event = eventOf(f);
          if (f.id !== null) lastId = f.id;
          if (event) yield { id: f.id ?? lastId ?? "", event };
        }
      } catch {
        // the connection dropped: reconnect below
      }
    }
    if (o.signal?.aborted) return;
    await sleep(delay, o.signal);
    delay = Math.min(retry.max, delay * 2);
  }
}
