import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LOOPBACK, useSeededApi } from "../test-support.ts";

const { store, api } = useSeededApi();

const post = (body: BodyInit, type = "application/json") =>
  api.request("/v1/articles", { method: "POST", headers: { "content-type": type }, body }, LOOPBACK);

const TEXT =
  "GENEVA (AP) — Negotiators from both countries met for a second day on Tuesday and agreed to keep talking next week, officials said.";

describe("POST /v1/articles is strict about its fields", () => {
  it("refuses a publication date that does not parse with 400 naming the field", async () => {
    const { status, body } = await post(JSON.stringify({ text: TEXT, published: "yesterday" }));
    expect(status).toBe(400);
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain("body.published");
    expect(body.error.details[0].message).toMatch(/ISO 8601|RFC 2822/);
    expect((await post(JSON.stringify({ text: TEXT, published: "2024-02-30" }))).status).toBe(400);
  });

  it("accepts ISO 8601 and RFC 2822 dates", async () => {
    for (const published of ["2024-03-01", "2024-03-01T09:30:00Z", "Fri, 1 Mar 2024 09:30:00 +0100"]) {
      const { status, body } = await post(JSON.stringify({ text: `${TEXT} (${published})`, published }));
      expect([200, 201]).toContain(status);
      expect(body.results[0].status).not.toBe("error");
    }
  });

  it("stores a date after the time of ingest flagged as a conflict", async () => {
    const { status, body } = await post(JSON.stringify({ id: "from-the-future", text: TEXT, published: "2099-01-01" }));
    expect([200, 201]).toContain(status);
    expect(["created", "duplicate"]).toContain(body.results[0].status);
    const detail = await store.getArticle(body.results[0].id);
    expect(detail?.article.published.stated).toBe("2099-01-01");
    expect(detail?.article.published.conflicts.some((c) => /after the time of ingest/.test(c))).toBe(true);
  });

  it("takes only http and https URLs", async () => {
    for (const url of ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "example.com/a"]) {
      const { status, body } = await post(JSON.stringify({ text: TEXT, url }));
      expect(status).toBe(400);
      expect(body.error.details.map((d: { path: string }) => d.path)).toContain("body.url");
    }
  });

  it("limits client ids to a safe set of characters", async () => {
    for (const id of ["../../etc/passwd", "a/b", "<script>", " spaced", "x".repeat(201)]) {
      const { status, body } = await post(JSON.stringify({ text: TEXT, id }));
      expect(status).toBe(400);
      expect(body.error.details.map((d: { path: string }) => d.path)).toContain("body.id");
    }
  });

  it("refuses an input too short to be an article with its own code", async () => {
    const { status, body } = await post(JSON.stringify({ html: "<p>hi</p>" }));
    expect(status).toBe(422);
    expect(body.error.code).toBe("input_too_short");
  });

  it("answers a single failing item with its error code's status", async () => {
    const { status, body } = await post(new Uint8Array(randomBytes(4096)), "text/plain");
    expect(status).toBe(415);
    expect(body.error.code).toBe("input_binary");
  });

  it("still answers a batch with one result per line, failures included", async () => {
    const lines = [JSON.stringify({ text: `${TEXT} Batch.` }), JSON.stringify({ html: "<p>hi</p>" })].join("\n");
    const { status, body } = await post(lines, "application/x-ndjson");
    expect([200, 201]).toContain(status);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      expect.stringMatching(/created|duplicate/),
      "error",
    ]);
    expect(body.results[1].code).toBe("input_too_short");
  });
});
