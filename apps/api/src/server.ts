import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import type { Store } from "@newsfuse/store";
import { createApp, fuserOptions } from "./app.ts";
import { StoryFuser } from "./fuser.ts";
import { IngestQueue } from "./ingest-queue.ts";
import { ApiConfig, type ApiConfigInput } from "./config.ts";
import type { Logger } from "./context.ts";

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Stops accepting, lets in-flight requests finish (up to `graceMs`), ends event streams, waits for the
   * running write, fuses what is still dirty, closes the store.
   */
  close(opts?: { graceMs?: number }): Promise<void>;
}

/** One JSON object per line on the given stream: what `newsfuse serve` logs with. */
export function jsonLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  return (entry) => write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

/** The tiny entry: builds the app over the store and listens. */
export async function startServer(opts: {
  store: Store;
  port?: number;
  host?: string;
  config?: ApiConfigInput;
  logger?: Logger;
  clock?: () => number;
  /** Close the store on shutdown (default true: the server owns it). */
  closeStore?: boolean;
}): Promise<RunningServer> {
  const shutdown = new AbortController();
  const logger = opts.logger ?? jsonLogger();
  const ingestQueue = new IngestQueue(opts.store, logger);
  // A bad config is reported by createApp, with every problem.
  const config = ApiConfig.safeParse(opts.config ?? {}).data;
  const fuser = new StoryFuser(opts.store, logger, config ? fuserOptions(config, ingestQueue) : {});
  const app = createApp({
    store: opts.store,
    clock: opts.clock ?? Date.now,
    config: opts.config,
    logger,
    shutdown: shutdown.signal,
    ingestQueue,
    fuser,
  });
  const host = opts.host ?? "127.0.0.1";
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 8787, hostname: host }, () =>
      resolve(s as Server),
    ) as Server;
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    close({ graceMs = 10_000 } = {}) {
      closing ??= (async () => {
        logger({ level: "info", msg: "shutting down", url });
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        shutdown.abort();
        // Keep-alive sockets with no request in flight would hold close() open until the client drops
        // them; sweep them now and again as in-flight requests finish.
        server.closeIdleConnections();
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        await drained;
        clearInterval(sweep);
        clearTimeout(timer);
        // The store call already running finishes before the store closes, even past the grace.
        await ingestQueue.close();
        // Nothing stays dirty after a clean stop: the last writes' stories are fused before the store closes.
        await fuser.close().catch((e) => logger({ level: "error", msg: "final fusion failed", error: String(e) }));
        if (opts.closeStore !== false) await opts.store.close();
        logger({ level: "info", msg: "stopped", url });
      })();
      return closing;
    },
  };
}
