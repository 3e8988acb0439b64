import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Store } from "@newsfuse/store";
import type { ApiConfig } from "./config.ts";
import type { StoryFuser } from "./fuser.ts";
import type { IngestQueue } from "./ingest-queue.ts";

/** One structured log record; the entry point decides where it goes (stderr as JSON lines by default). */
export interface LogEntry {
  level: "info" | "warn" | "error";
  msg: string;
  [key: string]: unknown;
}
export type Logger = (entry: LogEntry) => void;

export type AppEnv = { Variables: { requestId: string; client: string } };
export type App = OpenAPIHono<AppEnv>;

/** What every route module gets: the dependencies createApp was given, resolved. */
export interface Deps {
  store: Store;
  /** Milliseconds since the epoch. */
  clock: () => number;
  config: ApiConfig;
  logger: Logger;
  /** Aborted when the server shuts down, so long-lived streams end and let it drain. */
  shutdown: AbortSignal;
  /** Every write goes through it (group commit). */
  ingest: IngestQueue;
  /** Re-fuses what writes left dirty; the live events come from it. */
  fuser: StoryFuser;
}
