import { describe, expect, it } from "vitest";
import { ApiError, createClient, type StreamItem } from "../src/index.ts";

const enc = new TextEncoder();
const stream = (text: string) =>
  new Response(
    new ReadableStream({
      start(c) {
        // Split mid-frame, as a network would.
        c.enqueue(enc.encode(text.slice(0, 25)));
        c.enqueue(enc.encode(text.slice(25)));
        c.close();
      },
    }),
    { headers: { "content-type": "text/event-stream" } },
  );

describe("client.events", () => {
  it("reconnects after the stream ends, sending the last id it saw as Last-Event-ID", async () => {
    const sent: Array<string | null> = [];
    const answers = [
      'event: ready\ndata: {"type":"ready"}\nid: r-0\n\nevent: story.updated\ndata: {"type":"story.updated","storyId":"s1"}\nid: r-1\n\n: keep-alive\n\n',
      'event: ready\ndata: {"type":"ready"}\nid: r-1\n\nevent: story.created\ndata: {"type":"story.created","storyId":"s2"}\nid: r-2\n\n',
    ];
    const controller = new AbortController();
    const client = createClient({
      baseUrl: "http://x",
      fetch: (req) => {
        sent.push(req.headers.get("last-event-id"));
        return stream(answers[sent.length - 1] ?? "");
      },
    });
    const got: StreamItem[] = [];
    for await (const item of client.events({ signal: controller.signal, lastEventId: "r-0" })) {
      got.push(item);
      if (got.length === 4) controller.abort();
    }
    expect(sent.slice(0, 2)).toEqual(["r-0", "r-1"]);
    expect(got).toEqual([
      { id: "r-0", event: { type: "ready" } },
      { id: "r-1", event: { type: "story.updated", storyId: "s1" } },
      { id: "r-1", event: { type: "ready" } },
      { id: "r-2", event: { type: "story.created", storyId: "s2" } },
    ]);
  });

  it("throws the API's error when the stream is refused", async () => {
    const client = createClient({
      baseUrl: "http://x",
      fetch: () =>
        Response.json(
          { error: { code: "unauthorized", message: "needs a key", details: [] } },
          { status: 401, headers: { "x-request-id": "req-1" } },
        ),
    });
    const iterate = async () => {
      for await (const _ of client.events()) break;
    };
    const err = await iterate().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "unauthorized", status: 401, requestId: "req-1" });
  });
});
