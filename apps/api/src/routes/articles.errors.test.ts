import type { Store } from "@newsfuse/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOOPBACK, useSeededApi } from "../test-support.ts";

const { store, api } = useSeededApi({ bodyLimitBytes: 4096, maxBatchItems: 3 });

const post = (body: BodyInit | null, headers: Record<string, string>) =>
  api.request("/v1/articles", { method: "POST", headers, body }, LOOPBACK);

describe("POST /v1/articles refuses bad input with the store unchanged", () => {
  let before: Awaited<ReturnType<Store["stats"]>>;
  beforeAll(async () => {
    before = await store.stats();
  });
  afterAll(async () => {
    expect(await store.stats()).toEqual(before);
  });

  it("415 for a content type it does not read, or none", async () => {
    const xml = await post("<a/>", { "content-type": "application/xml" });
    expect(xml.status).toBe(415);
    expect(xml.body.error.code).toBe("unsupported_media_type");
    expect(xml.body.error.message).toContain("application/json");
    expect((await post(new TextEncoder().encode("text"), {})).status).toBe(415);
  });

  it("400 naming the field for JSON that is not an article", async () => {
    const { status, body } = await post(JSON.stringify({ text: "x", html: "<p>y</p>", colour: 1 }), {
      "content-type": "application/json",
    });
    expect(status).toBe(400);
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain("body");
    expect(body.error.details.some((d: { message: string }) => d.message.includes("colour"))).toBe(true);
  });

  it("400 for a body that is not JSON at all", async () => {
    const { status, body } = await post('{"text": ', { "content-type": "application/json" });
    expect(status).toBe(400);
    expect(body.error.details[0].message).toMatch(/^not JSON/);
  });

  it("400 when not one NDJSON line is an article, listing each line", async () => {
    const { status, body } = await post('[1]\n{"text":"   "}\n', { "content-type": "application/x-ndjson" });
    expect(status).toBe(400);
    expect(body.error.details.map((d: { path: string }) => d.path.split(".")[0])).toEqual(["line 1", "line 2"]);
  });

  it("413 for a batch over the item limit", async () => {
    const line = JSON.stringify({ text: "Some article text." });
    const { status, body } = await post([line, line, line, line].join("\n"), {
      "content-type": "application/x-ndjson",
    });
    expect(status).toBe(413);
    expect(body.error.message).toContain("at most 3 items");
  });

  it("422 for an empty body and for a text that is only white space", async () => {
    expect((await post("", { "content-type": "text/plain" })).status).toBe(422);
    expect((await post(JSON.stringify({ text: " \n " }), { "content-type": "application/json" })).status).toBe(400);
  });

  it("415 for JSON that is not UTF-8", async () => {
    const { status, body } = await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), {
      "content-type": "application/json",
    });
    expect(status).toBe(415);
    expect(body.error.code).toBe("input_encoding");
  });

  it("413 for a body over the configured limit, by header or by stream", async () => {
    const big = "x".repeat(5000);
    const declared = await post(big, { "content-type": "text/plain" });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("payload_too_large");
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = await api.request(
      "/v1/articles",
      { method: "POST", headers: { "content-type": "text/plain" }, body: stream, duplex: "half" } as RequestInit,
      LOOPBACK,
    );
    expect(chunked.status).toBe(413);
  });

  it("400 for an article id that is too long", async () => {
    expect((await api.request(`/v1/articles/${"a".repeat(301)}`)).status).toBe(400);
  });
});
