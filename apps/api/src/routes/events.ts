import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { StoreEvent } from "@newsfuse/store";
import type { App, Deps } from "../context.ts";
import { errorResponses } from "../errors.ts";

export const getEvents = createRoute({
  method: "get",
  path: "/v1/events",
  tags: ["live"],
  summary: "Server-Sent Events: ingest progress, story created/updated",
  description:
    "A `ready` event first, then one event per store event, named by its type (`ingest.progress`, `story.created`, `story.updated`) with the event as JSON data. `ingest.progress` comes as articles are committed; a story event comes once the story has been re-fused (writes are fused in the background shortly after they return), so reading the story then gives its new record. A comment line every 15 s keeps proxies from closing the stream.",
  responses: {
    200: { description: "An event stream.", content: { "text/event-stream": { schema: z.string() } } },
    ...errorResponses(401, 403),
  },
});

const HEARTBEAT_MS = 15_000;
/** A client that falls this far behind is disconnected rather than buffered without bound. */
const MAX_QUEUE = 1000;

export function registerEvents(app: App, { fuser, shutdown }: Deps) {
  app.openAPIRegistry.registerPath(getEvents);
  app.get("/v1/events", (c) =>
    streamSSE(c, async (stream) => {
      const queue: StoreEvent[] = [];
      let wake: () => void = () => {};
      let overflow = false;
      // From the fuser, not the store: a story event then means its fused record is ready to read.
      const unsubscribe = fuser.subscribe((e) => {
        if (queue.length >= MAX_QUEUE) overflow = true;
        else queue.push(e);
        wake();
      });
      const onShutdown = () => wake();
      shutdown.addEventListener("abort", onShutdown);
      stream.onAbort(() => wake());
      let seq = 0;
      try {
        await stream.writeSSE({ event: "ready", data: "{}", id: String(seq++) });
        while (!stream.aborted && !stream.closed && !shutdown.aborted && !overflow) {
          const e = queue.shift();
          if (e) {
            await stream.writeSSE({ event: e.type, data: JSON.stringify(e), id: String(seq++) });
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
    }),
  );
}
