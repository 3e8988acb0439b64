import { z } from "zod";

/** How the last fetch of a source or URL ended. */
export const FetchStatus = z.enum(["ok", "unchanged", "disallowed", "refused", "error"]);
export type FetchStatus = z.infer<typeof FetchStatus>;

/** What the poller knows about a subscribed feed: enough to resume after a restart and to say why it backs off. */
export const SourceState = z.object({
  lastFetchAt: z.string().nullable().describe("ISO time of the last poll, null before the first."),
  lastStatus: FetchStatus.nullable(),
  httpStatus: z.number().int().nullable(),
  itemsSeen: z.number().int().nonnegative().describe("Feed items taken so far (each is fetched once)."),
  nextPollAt: z.string().describe("ISO time of the next poll."),
  intervalSeconds: z
    .number()
    .int()
    .positive()
    .describe("Current polling interval; adapts to how often the feed changes."),
  failures: z.number().int().nonnegative().describe("Consecutive failed polls; each doubles the wait."),
  lastError: z.string().nullable(),
});
export type SourceState = z.infer<typeof SourceState>;

/** A subscribed feed (RSS, Atom or JSON Feed). */
export const Source = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  addedAt: z.string(),
  addedBy: z.enum(["cli", "api"]).describe("Operator-typed sources may point at private addresses; API ones not."),
  state: SourceState,
});
export type Source = z.infer<typeof Source>;

/** A request to subscribe to a feed. */
export const SourceInput = z
  .object({
    url: z.string().min(1).max(2048).describe("http(s) URL of an RSS, Atom or JSON Feed."),
    title: z.string().min(1).max(500).optional(),
  })
  .strict();
export type SourceInput = z.infer<typeof SourceInput>;

/** One HTTP request the fetcher made or declined to make, for logs and reports. */
export const FetchLogEntry = z.object({
  url: z.string(),
  at: z.string(),
  outcome: z.enum(["ok", "unchanged", "disallowed", "refused", "error", "skipped"]),
  httpStatus: z.number().int().nullable(),
  ms: z.number().nonnegative(),
  attempts: z.number().int().nonnegative(),
  detail: z.string().optional(),
});
export type FetchLogEntry = z.infer<typeof FetchLogEntry>;
