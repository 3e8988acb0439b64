import { z } from "zod";

export const IngestProgressEvent = z.object({
  type: z.literal("ingest.progress"),
  done: z.number().int(),
  total: z.number().int(),
  failed: z.number().int(),
});
/** A story got its first fused record. */
export const StoryCreatedEvent = z.object({ type: z.literal("story.created"), storyId: z.string() });
/** A story's fused record changed: read it again. */
export const StoryUpdatedEvent = z.object({ type: z.literal("story.updated"), storyId: z.string() });

/** What the store emits, and the data of the SSE events of the same name. */
export const StoreEvent = z.discriminatedUnion("type", [IngestProgressEvent, StoryCreatedEvent, StoryUpdatedEvent]);
export type StoreEvent = z.infer<typeof StoreEvent>;

/** The first SSE event of every connection. */
export const ReadyEvent = z.object({ type: z.literal("ready") });
export type ReadyEvent = z.infer<typeof ReadyEvent>;
/** Sent on reconnect when the events after Last-Event-ID are no longer buffered: refetch what you show. */
export const ResetEvent = z.object({ type: z.literal("reset") });
export type ResetEvent = z.infer<typeof ResetEvent>;
