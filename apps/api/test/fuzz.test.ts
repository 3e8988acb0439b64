import { seededRandom } from "@newsfuse/core";
import type { Store } from "@newsfuse/store";
import { describe, expect, it } from "vitest";
import { LOOPBACK, REMOTE, buildApp, fromAddress, override, useSeededStore } from "../src/test-support.ts";

const REQUESTS = 10_000;
const SEED = 20261123;

function generator(rand: () => number, ids: string[]) {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const chars = "abcXYZ019-_.~%/?#&=+ \t\"'<>{}[]\\|^`;:,@!$*()éß中\u0000\u202e😀";
  const junk = (n: number) => Array.from({ length: int(n) }, () => pick([...chars])).join("");
  const bigNumber = () =>
    pick(["0", "-1", "1", "200", "201", "1e9", "NaN", "Infinity", "0x10", "1.5", "", "9".repeat(40)]);
  const value = () =>
    pick([
      junk(12),
      bigNumber(),
      "2021-12-02",
      "2021-02-30",
      "person",
      "Lavrov",
      "a".repeat(int(3000)),
      ids.length ? pick(ids) : "x",
    ]);
  const seg = () =>
    pick([
      junk(10),
      encodeURIComponent(junk(10)),
      "..",
      ".",
      "%zz",
      "%2F",
      "%00",
      "a".repeat(int(400)),
      ids.length ? encodeURIComponent(pick(ids)) : "x",
    ]);
  const path = () =>
    pick([
      "/v1/stories",
      `/v1/stories/${seg()}`,
      "/v1/articles",
      `/v1/articles/${seg()}`,
      `/v1/articles/${seg()}/raw`,
      `/v1/articles/${seg()}/${seg()}`,
      "/v1/quotes",
      "/v1/entities",
      `/v1/entities/${seg()}`,
      "/v1/discrepancies",
      "/v1/search",
      "/v1/analyze",
      "/v1/stats",
      "/healthz",
      "/readyz",
      `/${seg()}`,
      `/v1/${seg()}`,
      "/v1//stories",
      "/v1/stories/",
      "/V1/STORIES",
    ]);
  const params = [
    "cursor",
    "limit",
    "q",
    "from",
    "to",
    "entity",
    "source",
    "speaker",
    "story",
    "type",
    junk(5),
    "limit[]",
    "__proto__",
    "constructor",
  ];
  const query = () => {
    const n = int(4);
    const parts = Array.from(
      { length: n },
      () => `${encodeURIComponent(pick(params))}=${rand() < 0.8 ? encodeURIComponent(value()) : junk(8)}`,
    );
    return n ? `?${parts.join("&")}` : rand() < 0.1 ? "?" : "";
  };
  const article = () => {
    const o: Record<string, unknown> = {};
    if (rand() < 0.7) o.text = pick(["", " ", junk(50), "Some text about the bank.", 42, null, ["x"], { a: 1 }]);
    if (rand() < 0.3) o.html = pick(["<p>x", "", junk(40), 7]);
    for (const k of ["id", "url", "published", "source", "title", junk(4)])
      if (rand() < 0.2) o[k] = pick([value(), 1, null, true, {}]);
    return o;
  };
  const body = (): { body?: BodyInit; type?: string } => {
    switch (int(9)) {
      case 0:
        return {};
      case 1:
        return {
          body: new Uint8Array(Array.from({ length: int(300) }, () => int(256))),
          type: pick(["application/json", "text/plain", "application/octet-stream", "text/html"]),
        };
      case 2:
        return {
          body: JSON.stringify(article()),
          type: pick([
            "application/json",
            "application/json; charset=utf-8",
            "APPLICATION/JSON",
            "application/x-ndjson",
          ]),
        };
      case 3:
        return {
          body: Array.from({ length: int(5) }, () => (rand() < 0.5 ? JSON.stringify(article()) : junk(20))).join("\n"),
          type: "application/x-ndjson",
        };
      case 4:
        return {
          body: junk(200),
          type: pick([
            "application/json",
            "text/html",
            "text/plain",
            "multipart/form-data; boundary=x",
            "",
            "*/*",
            junk(10),
          ]),
        };
      case 5:
        return {
          body: JSON.stringify(pick([[], null, 1, "s", { text: { nested: true } }, { text: "x".repeat(70_000) }])),
          type: "application/json",
        };
      case 6:
        return { body: "x".repeat(70_000 + int(10_000)), type: "text/plain" }; // over the fuzz app's body limit
      case 7:
        return {
          body: `<html><body>${junk(100)}</body></html>`,
          type: `text/html; charset=${pick(["utf-8", "latin1", "bogus", ""])}`,
        };
      default:
        return { body: "", type: "application/json" };
    }
  };
  return () => {
    const method = pick(["GET", "GET", "GET", "POST", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"]);
    const headers: Record<string, string> = {};
    const b = method === "GET" || method === "HEAD" ? {} : body();
    if (b.type) headers["content-type"] = b.type;
    if (rand() < 0.2)
      headers.authorization = pick([
        "Bearer ",
        "Bearer x",
        "Basic Zm9vOmJhcg==",
        junk(20).replace(/[^\x20-\x7e]/g, ""),
        "bearer fuzz-key",
      ]);
    if (rand() < 0.1) headers["x-request-id"] = junk(30).replace(/[^\x20-\x7e]/g, "");
    if (rand() < 0.1) headers["x-forwarded-for"] = pick(["127.0.0.1", "::1", junk(10).replace(/[^\x20-\x7e]/g, "")]);
    if (rand() < 0.1) headers.origin = pick(["http://localhost:5173", "https://evil.example", "null"]);
    if (rand() < 0.1) headers.accept = pick(["text/event-stream", "*/*", "application/xml"]);
    const env = pick([LOOPBACK, LOOPBACK, REMOTE, fromAddress("::1"), {}]);
    return { method, url: `${path()}${query()}`, headers, body: b.body, env };
  };
}

describe("fuzz", () => {
  const { store } = useSeededStore();

  it(`survives ${REQUESTS} random and malformed requests: no 5xx, documented answers, rejected writes change nothing`, async () => {
    // Counts calls that can change the store: a rejected write that makes none cannot have changed it;
    // one that made some (a DELETE of an unknown id) is checked against the store's counts.
    let mutations = 0;
    const spied = override(store, {
      ingest: (...a: Parameters<Store["ingest"]>) => (mutations++, store.ingest(...a)),
      deleteArticle: (id: string) => (mutations++, store.deleteArticle(id)),
      reanalyze: (...a: Parameters<Store["reanalyze"]>) => (mutations++, store.reanalyze(...a)),
    });
    // Background fusion (which may drop orphan entities) starts at once and is awaited before each count.
    const { app, api, clock, fuser } = buildApp(spied, {
      fuseDelayMs: 0,
      bodyLimitBytes: 64 * 1024,
      corsOrigins: ["http://localhost:5173"],
      rateLimit: { capacity: 100, refillPerSecond: 50 },
    });
    const listing = async () => (await store.listArticles({ limit: 200 })).items.map((a) => a.id).sort();
    const initial = await listing();
    const next = generator(seededRandom(SEED), initial);
    const created = new Set<string>();
    const deleted = new Set<string>();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    let skipped = 0;
    let statsMs = 0;
    let checked = 0;
    let known = JSON.stringify(await store.stats());
    for (let i = 0; i < REQUESTS; i++) {
      const r = next();
      clock.advance(4);
      const write = !["GET", "HEAD", "OPTIONS"].includes(r.method);
      const mutationsBefore = mutations;
      let req: Request;
      try {
        req = new Request(new URL(r.url, "http://localhost"), { method: r.method, headers: r.headers, body: r.body });
      } catch {
        skipped++; // fetch itself refuses to build it (e.g. a header value it will not send): never reaches a server
        continue;
      }
      const res = await app.request(req, undefined, r.env);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const type = res.headers.get("content-type") ?? "";
      if (type.startsWith("text/event-stream")) {
        await res.body?.cancel();
        continue;
      }
      const text = await res.text();
      if (res.status >= 500) failures.push(`#${i} ${r.method} ${r.url} -> ${res.status} ${text.slice(0, 200)}`);
      const parsed = type.startsWith("application/json") && text ? JSON.parse(text) : text;
      const p = api.problem(r.method, new URL(r.url, "http://x").pathname, res.status, type, parsed);
      if (p) failures.push(`#${i} ${p}`);
      // `known` is what the store held after the last accepted write; a rejected one must leave it so.
      if (write && mutations !== mutationsBefore) await fuser.idle();
      if (write && res.status >= 400 && mutations !== mutationsBefore) {
        checked++;
        const t0 = Date.now();
        const after = JSON.stringify(await store.stats());
        statsMs += Date.now() - t0;
        if (after !== known) failures.push(`#${i} rejected ${r.method} ${r.url} (${res.status}) changed the store`);
      } else if (write && res.status < 400 && mutations !== mutationsBefore)
        known = JSON.stringify(await store.stats());
      if (r.method === "POST" && res.status < 300 && parsed?.results)
        for (const x of parsed.results) if (x.status === "created") created.add(x.id);
      if (r.method === "DELETE" && res.status === 204)
        deleted.add(decodeURIComponent(new URL(r.url, "http://x").pathname.split("/")[3]));
      if (failures.length > 20) break;
    }
    await fuser.close();
    expect(failures).toEqual([]);
    expect(skipped).toBeLessThan(REQUESTS / 20);
    // Still up, and holding exactly what was accepted.
    expect((await api.request("/healthz")).status).toBe(200);
    const expected = [
      ...initial.filter((id) => !deleted.has(id)),
      ...[...created].filter((id) => !deleted.has(id)),
    ].sort();
    expect(await listing()).toEqual(expected);
    expect(JSON.stringify(await store.stats())).toBe(known);
    console.log(
      `fuzz: ${REQUESTS} requests in ${Date.now() - started} ms (${checked} rejected writes reached the store, ${statsMs} ms checking it)`,
      Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
    );
    // The mix must reach the interesting answers, not just 404s.
    for (const s of [200, 400, 403, 404, 405, 413, 415, 429])
      expect(statuses.get(s) ?? 0, `status ${s}`).toBeGreaterThan(0);
  }, 240_000);
});
