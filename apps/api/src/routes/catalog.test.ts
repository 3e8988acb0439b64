import { describe, expect, it } from "vitest";
import { useSeededApi } from "../test-support.ts";

const { api } = useSeededApi();

describe("quotes, entities, discrepancies, search, stats", () => {
  it("lists quotes and filters them by words", async () => {
    const all = await api.request("/v1/quotes?limit=200");
    expect(all.status).toBe(200);
    const none = await api.request("/v1/quotes?q=zzzyqxnotaword");
    expect(none.body.items).toEqual([]);
  });

  it("finds Lavrov's quotes by his surname in any case, and nothing by part of it", async () => {
    const { status, body } = await api.request("/v1/quotes?speaker=Lavrov&limit=200");
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((q: { speaker: string | null }) => /lavrov/i.test(q.speaker ?? ""))).toBe(true);
    expect((await api.request("/v1/quotes?speaker=lavrov&limit=200")).body.items).toEqual(body.items);
    expect((await api.request("/v1/quotes?speaker=Lav")).body.items).toEqual([]);
  });

  it("lists entities, filters by type, and 404s an unknown one", async () => {
    expect((await api.request("/v1/entities?type=person")).status).toBe(200);
    const bad = await api.request("/v1/entities?type=animal");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("query.type");
    expect((await api.request("/v1/entities/no-such-entity")).status).toBe(404);
  });

  it("finds Lavrov under every spelling and opens him with roles and stories", async () => {
    const { body } = await api.request("/v1/entities?q=Lavrov&type=person");
    const lavrov = body.items.find((e: { name: string }) => e.name === "Sergey Lavrov");
    expect(lavrov.aliases).toEqual(expect.arrayContaining(["Mr. Lavrov", "Sergei Lavrov"]));
    const detail = await api.request(`/v1/entities/${encodeURIComponent(lavrov.id)}`);
    expect(detail.status).toBe(200);
    expect(detail.body.entity.roles.length).toBeGreaterThan(0);
    expect(detail.body.stories.length).toBe(1);
  });

  it("lists the seeds' disagreement over Russian troop numbers, side by side", async () => {
    const { status, body } = await api.request("/v1/discrepancies?limit=200");
    expect(status).toBe(200);
    const troops = body.items.find((d: { about: string }) => /troops/i.test(d.about));
    expect(troops.values.length).toBeGreaterThanOrEqual(2);
  });

  it("searches articles by a word of the seeds", async () => {
    const { status, body } = await api.request("/v1/search?q=Lavrov");
    expect(status).toBe(200);
    expect(body.articles.length).toBeGreaterThan(0);
  });

  it("needs a non-blank search query", async () => {
    for (const q of ["/v1/search", "/v1/search?q=", "/v1/search?q=%20%20"]) {
      const r = await api.request(q);
      expect(r.status).toBe(400);
      expect(r.body.error.details[0].path).toBe("query.q");
    }
  });

  it("reports the store's counts", async () => {
    const { body } = await api.request("/v1/stats");
    expect(body.articles).toBe(5);
  });
});
