import { describe, expect, it } from "vitest";
import { LOOPBACK, fixtureArticles, seedInputs, useSeededApi } from "../test-support.ts";

const { store, api } = useSeededApi();

const post = (body: string, contentType: string) =>
  api.request("/v1/articles", { method: "POST", headers: { "content-type": contentType }, body }, LOOPBACK);

const [a1, a2, a3, a4, a5] = fixtureArticles.slice(5);

describe("GET /v1/articles and /v1/articles/{id}", () => {
  it("lists the seed articles and opens one with its extraction", async () => {
    const list = await api.request("/v1/articles?limit=200");
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBe(5);
    const id = list.body.items[0].id;
    const { status, body } = await api.request(`/v1/articles/${encodeURIComponent(id)}`);
    expect(status).toBe(200);
    expect(body.article.id).toBe(id);
    expect(body.article.body.length).toBeGreaterThan(200);
    expect(body).toHaveProperty("duplicateGroup");
  });

  it("serves the raw input byte for byte with its content type, sandboxed", async () => {
    const id = (await api.request("/v1/articles?limit=200")).body.items[0].id;
    const detail = (await api.request(`/v1/articles/${encodeURIComponent(id)}`)).body;
    const { status, headers, body } = await api.request(`/v1/articles/${encodeURIComponent(id)}/raw`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^text\/plain/);
    expect(headers.get("content-security-policy")).toContain("sandbox");
    const seed = seedInputs().find((s) => detail.origin?.endsWith(s.origin.split("/").pop()!));
    expect(seed).toBeDefined();
    expect(body).toBe(new TextDecoder().decode(seed!.body));
  });

  it("answers 404 for an unknown article, its raw input and its deletion", async () => {
    expect((await api.request("/v1/articles/nope")).status).toBe(404);
    expect((await api.request("/v1/articles/nope/raw")).status).toBe(404);
    expect((await api.request("/v1/articles/nope", { method: "DELETE" }, LOOPBACK)).status).toBe(404);
  });
});

describe("POST /v1/articles", () => {
  it("creates a JSON article, then reports the same input as known", async () => {
    const item = JSON.stringify({ text: a1.text, id: "api-fresh-1", source: "Reuters", published: "2023-07-18" });
    const first = await post(item, "application/json");
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: 1, errors: 0 });
    expect(first.body.results[0]).toMatchObject({ status: "created", id: "api-fresh-1" });
    const again = await post(item, "application/json");
    expect(again.status).toBe(200);
    expect(again.body.results[0].status).toMatch(/known|duplicate/);
    const stored = await api.request("/v1/articles/api-fresh-1");
    expect(stored.body.article.body).toContain(a1.text.split("\n")[0].slice(0, 60));
    expect(stored.body.article.provenance.outlet).toBe("Reuters");
  });

  it("takes a raw text/plain body", async () => {
    const { status, body } = await post(a2.text, "text/plain; charset=utf-8");
    expect(status).toBe(201);
    expect(body.results).toHaveLength(1);
    expect(body.results[0].status).toBe("created");
  });

  it("takes an NDJSON batch and answers per line, storing only the valid lines", async () => {
    const before = await store.stats();
    const batch = [
      JSON.stringify({ text: a3.text, id: "nd-1" }),
      "{not json",
      JSON.stringify({ title: "no text" }),
      "",
      JSON.stringify({ text: a4.text, id: "nd-4" }),
    ].join("\n");
    const { status, body } = await post(batch, "application/x-ndjson");
    expect(status).toBe(201);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(["created", "error", "error", "created"]);
    expect(body.results[1]).toMatchObject({ input: "line 2", code: "input_malformed" });
    expect(body.results[2].message).toContain("exactly one of `text` or `html`");
    expect((await store.stats()).articles).toBe(before.articles + 2);
  });

  it("deletes an article, after which it is gone", async () => {
    await post(JSON.stringify({ text: a5.text, id: "doomed" }), "application/json");
    const del = await api.request("/v1/articles/doomed", { method: "DELETE" }, LOOPBACK);
    expect(del.status).toBe(204);
    expect((await api.request("/v1/articles/doomed")).status).toBe(404);
  });
});
