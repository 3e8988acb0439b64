import type { AddressInfo, Socket } from "node:net";
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import { serve } from "@hono/node-server";
import type { Store } from "@newsfuse/store";
import { createApp, fuserOptions } from "./app.ts";
import { StoryFuser } from "./fuser.ts";
import { IngestQueue } from "./ingest-queue.ts";
import { ApiConfig, type ApiConfigInput } from "./config.ts";
import type { Logger } from "./context.ts";
import { STATUS, type ApiErrorCode } from "./errors.ts";

// A client that sends a whole oversized body before reading (Python's urllib, curl without
// Expect: 100-continue) must still read its 413: answered early, the connection would close under a
// client still writing, which then sees a broken pipe. So the server reads and discards the body, up to
// this many bytes or this long, answers, then closes.
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MAX_MS = 30_000;

/** Reads and discards a request body, up to the bounds; resolves with whether it was read to its end. */
function drain(incoming: IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    let bytes = 0;
    const done = () => {
      clearTimeout(timer);
      incoming.off("data", onData);
      resolve(incoming.complete);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > DRAIN_MAX_BYTES) done();
    };
    const timer = setTimeout(done, DRAIN_MAX_MS);
    incoming.on("data", onData);
    incoming.once("end", done);
    incoming.once("error", done);
    incoming.once("close", done);
    incoming.resume();
  });
}

/**
 * A body whose Content-Length is over the limit gets its 413 once it has been read (see DRAIN_MAX_BYTES);
 * everything else goes to the app (whose body limit also catches a chunked body that grows too big).
 */
function refuseOversized(limit: number, next: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const length = Number(req.headers["content-length"]);
    if (!(length > limit)) return next(req, res);
    void drain(req).then((whole) => {
      const body = JSON.stringify({
        error: {
          code: "payload_too_large",
          message: `The body is over the limit of ${limit} bytes.`,
          details: [{ path: "header.content-length", message: `${length} bytes` }],
        },
      });
      res.writeHead(STATUS.payload_too_large, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": Buffer.byteLength(body),
        Connection: "close",
      });
      res.end(body, () => {
        if (!whole) req.socket.destroy();
      });
    });
  };
}

/**
 * Node answers requests it cannot parse (a 100 kB query string overflows the header limit) on its
 * own, with an empty 431 or 400; these get the JSON error envelope like every other error. The rest of
 * what the client sent is read before closing, so it sees the answer rather than a reset connection.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [code, message]: [ApiErrorCode, string] =
    err.code === "HPE_HEADER_OVERFLOW"
      ? [
          "headers_too_large",
          "The request line and headers are over the server's limit (16 kB); send long queries as a POST body.",
        ]
      : ["bad_request", "The request is not valid HTTP/1.1."];
  const body = JSON.stringify({ error: { code, message, details: [] } });
  const status = STATUS[code];
  const reason = status === 431 ? "Request Header Fields Too Large" : "Bad Request";
  socket.resume();
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), 5000).unref();
}

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
    const limit = config?.bodyLimitBytes ?? ApiConfig.parse({}).bodyLimitBytes;
    const s = serve(
      {
        fetch: app.fetch,
        port: opts.port ?? 8787,
        hostname: host,
        createServer: ((options: object, listener: RequestListener) =>
          createServer(options, refuseOversized(limit, listener))) as typeof createServer,
      },
      () => resolve(s as Server),
    ) as Server;
    s.on("clientError", answerClientError);
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
