import { describe, expect, it } from "vitest";
import { useSeededApi } from "../test-support.ts";

const { api } = useSeededApi();

describe("GET /v1/stories", () => {
  it("lists the seed story with its counts", async () => {
    const { status, body } = await api.request("/v1/stories");
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    const articles = body.items.reduce((n: number, s: { articleCount: number }) => n + s.articleCount, 0);
    expect(articles).toBeGreaterThanOrEqual(4);
    expect(body.nextCursor).toBeNull();
  });

  it("walks every story exactly once through cursor pages of one", async () => {
    const all = (await api.request("/v1/stories?limit=200")).body.items.map((s: { id: string }) => s.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.request(
        `/v1/stories?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      seen.push(...page.body.items.map((s) => s.id));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length <= all.length);
    expect(seen).toEqual(all);
  });

  it("filters by a word of the story and returns nothing for an absent one", async () => {
    expect((await api.request("/v1/stories?q=Lavrov")).body.items.length).toBeGreaterThan(0);
    expect((await api.request("/v1/stories?q=zzzyqxnotaword")).body.items).toEqual([]);
  });

  it("filters by date window, entity id and source", async () => {
    expect((await api.request("/v1/stories?from=2021-12-01&to=2021-12-03")).body.items.length).toBe(1);
    expect((await api.request("/v1/stories?from=2022-01-01")).body.items).toEqual([]);
    expect((await api.request("/v1/stories?entity=person:sergey-lavrov")).body.items.length).toBe(1);
    expect((await api.request("/v1/stories?source=AP")).body.items.length).toBe(1);
  });

  it("finds a story by a surname or alias of an entity in it, in any case, but not by part of a word", async () => {
    const lavrov = (await api.request("/v1/stories?entity=person:sergey-lavrov")).body.items;
    for (const name of ["Blinken", "blinken", "Antony%20Blinken", "Lavrov", "Sergei%20Lavrov"])
      expect((await api.request(`/v1/stories?entity=${name}`)).body.items, name).toEqual(lavrov);
    for (const name of ["Lav", "linken", "Lavrov.*"])
      expect((await api.request(`/v1/stories?entity=${encodeURIComponent(name)}`)).body.items, name).toEqual([]);
  });

  it("answers 400 listing every bad parameter", async () => {
    const { status, body } = await api.request("/v1/stories?limit=0&from=2021-13-45&colour=red");
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["query.limit", "query.from", "query"]));
    expect(body.error.details.find((d: { path: string }) => d.path === "query").message).toContain("colour");
  });

  it("refuses a from date after the to date", async () => {
    const { status, body } = await api.request("/v1/stories?from=2022-01-02&to=2022-01-01");
    expect(status).toBe(400);
    expect(body.error.details[0]).toEqual({ path: "query.from", message: "`from` is after `to`" });
  });

  it("refuses a cursor it did not issue", async () => {
    const { status, body } = await api.request("/v1/stories?cursor=0");
    expect(status).toBe(400);
    expect(body.error.details[0].path).toBe("query.cursor");
  });

  it("refuses a repeated parameter instead of picking one", async () => {
    expect((await api.request("/v1/stories?limit=1&limit=2")).status).toBe(400);
  });
});

describe("GET /v1/stories/{id}", () => {
  it("returns the fused record with its articles", async () => {
    const id = (await api.request("/v1/stories")).body.items[0].id;
    const { status, body } = await api.request(`/v1/stories/${encodeURIComponent(id)}`);
    expect(status).toBe(200);
    expect(body.id).toBe(id);
    expect(body.articles.length).toBeGreaterThan(0);
  });

  it("answers 404 with the error shape for an unknown id", async () => {
    const { status, body } = await api.request("/v1/stories/no-such-story");
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: "not_found", details: [] });
    expect(body.error.message).toContain("no-such-story");
  });
});
