import { randomBytes } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { App, Deps } from "../context.ts";
import { errorResponses } from "../errors.ts";
import { EVENT_LOG_SIZE, EventLog, type LoggedEvent } from "../event-log.ts";
import { SseEvents } from "../schemas.ts";

const frame = <N extends keyof typeof SseEvents>(event: N, id: string) =>
  z.object({ event: z.literal(event), id: z.string().optional().openapi({ description: id }), data: SseEvents[event] });

/** One SSE frame per event name: `event: <name>`, `id: <id>`, `data: <the event as JSON>`. */
export const EventStreamFrame = z
  .discriminatedUnion("event", [
    frame("ready", "The id of the latest event when nothing needs replaying; absent before a `reset`."),
    frame("reset", "The id of the latest event."),
    frame("ingest.progress", "Pass back as Last-Event-ID to resume after it."),
    frame("story.created", "Pass back as Last-Event-ID to resume after it."),
    frame("story.updated", "Pass back as Last-Event-ID to resume after it."),
  ])
  .meta({
    id: "EventStreamFrame",
    description:
      "The frames of the stream, one schema per event name. On the wire each is `event: <event>\\nid: <id>\\ndata: <data as JSON>\\n\\n`.",
  });

export const getEvents = createRoute({
  method: "get",
  path: "/v1/events",
  tags: ["live"],
  summary: "Server-Sent Events: ingest progress, story created/updated",
  description:
    "A `ready` event first, then one event per store event, named by its type (`ingest.progress`, `story.created`, `story.updated`) with the event as JSON data and an `id`. `ingest.progress` comes as articles are committed; a story event comes once the story has been re-fused (writes are fused in the background shortly after they return), so reading the story then gives its new record. A comment line every 15 s keeps proxies from closing the stream.\n\n" +
    `Reconnecting with \`Last-Event-ID\` (header, or the \`lastEventId\` query parameter) replays the events after that id from the last ${EVENT_LOG_SIZE} the server keeps in memory. When they are gone (too old, or the server restarted) the server sends a \`reset\` event after \`ready\`: refetch whatever you show, then carry on with the live events.`,
  request: {
    headers: z.object({
      "last-event-id": z
        .string()
        .max(100)
        .optional()
        .openapi({ description: "The id of the last event received, to resume after it." }),
    }),
    query: z.object({
      lastEventId: z.string().max(100).optional().openapi({ description: "Same as the Last-Event-ID header." }),
    }),
  },
  responses: {
    200: { description: "An event stream.", content: { "text/event-stream": { schema: EventStreamFrame } } },
    ...errorResponses(401, 403),
  },
});

const HEARTBEAT_MS = 15_000;
/** A client that falls this far behind is disconnected rather than buffered without bound. */
const MAX_QUEUE = 1000;

export function registerEvents(app: App, { fuser, shutdown, clock }: Deps) {
  // One log per app: it numbers the events and keeps the recent ones for reconnecting clients.
  const log = new EventLog(fuser, `${clock().toString(36)}${randomBytes(3).toString("hex")}`);
  app.openAPIRegistry.registerPath(getEvents);
  app.get("/v1/events", (c) => {
    const lastEventId = c.req.header("last-event-id") ?? c.req.query("lastEventId");
    return streamSSE(c, async (stream) => {
      const queue: LoggedEvent[] = [];
      let wake: () => void = () => {};
      let overflow = false;
      // From the fuser, not the store: a story event then means its fused record is ready to read.
      const unsubscribe = log.subscribe((e) => {
        if (queue.length >= MAX_QUEUE) overflow = true;
        else queue.push(e);
        wake();
      });
      const head = log.lastId;
      const missed = lastEventId ? log.since(lastEventId, head) : [];
      const onShutdown = () => wake();
      shutdown.addEventListener("abort", onShutdown);
      stream.onAbort(() => wake());
      const send = (e: LoggedEvent) =>
        stream.writeSSE({ event: e.event.type, data: JSON.stringify(e.event), id: e.id });
      try {
        const ready = JSON.stringify({ type: "ready" });
        if (missed === null) {
          await stream.writeSSE({ event: "ready", data: ready });
          await stream.writeSSE({ event: "reset", data: JSON.stringify({ type: "reset" }), id: head });
        } else {
          await stream.writeSSE({ event: "ready", data: ready, id: lastEventId && missed.length ? lastEventId : head });
          for (const e of missed) await send(e);
        }
        while (!stream.aborted && !stream.closed && !shutdown.aborted && !overflow) {
          const e = queue.shift();
          if (e) {
            await send(e);
            continue;
          }
          let timer: ReturnType<typeof setTimeout> | undefined;
          const beat = await new Promise<boolean>((resolve) => {
            wake = () => resolve(false);
            timer = setTimeout(() => resolve(true), HEARTBEAT_MS);
          });
          clearTimeout(timer);
          if (beat) await stream.write(": keep-alive\n\n");
        }
      } finally {
        unsubscribe();
        shutdown.removeEventListener("abort", onShutdown);
      }
    });
  });
}
