import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBytes } from "@newsfuse/formats";
import { Fetcher, type FetcherOptions, retryAfterMs } from "./fetcher.ts";
import { startNewsServer, type NewsServer } from "./testing/server.ts";
import type { FetchLogEntry } from "@newsfuse/core";

let site: NewsServer;
let slowSite: NewsServer;
beforeAll(async () => {
  site = await startNewsServer();
  slowSite = await startNewsServer({ crawlDelay: 1, slowMs: 2000 });
});
afterAll(async () => {
  await site.close();
  await slowSite.close();
});

const fetcher = (o: FetcherOptions = {}) =>
  new Fetcher({ allowPrivate: true, minDelayMs: 200, backoffBaseMs: 50, random: () => 0.5, ...o });

describe("Fetcher", () => {
  it("reads robots.txt once per host, skips disallowed URLs without requesting them, and names itself", async () => {
    const logs: FetchLogEntry[] = [];
    const f = fetcher({ onLog: (e) => logs.push(e), userAgent: "newsfuse/0.1 (+mailto:ops@example.org)" });
    const from = site.log.length;
    const page = await f.fetch(`${site.url}/articles/lawan.html`);
    const secret = await f.fetch(`${site.url}/private/lawan.html`);
    expect(page.outcome).toBe("ok");
    expect(secret).toMatchObject({ outcome: "disallowed", message: expect.stringContaining("robots.txt") });
    const mine = site.log.slice(from);
    expect(mine.map((e) => e.path)).toEqual(["/robots.txt", "/articles/lawan.html"]);
    expect(mine.every((e) => e.userAgent === "newsfuse/0.1 (+mailto:ops@example.org)")).toBe(true);
    expect(logs.find((e) => e.outcome === "disallowed")?.url).toBe(`${site.url}/private/lawan.html`);
  });

  it("waits the minimum delay between two requests to one host, and robots.txt's longer Crawl-delay", async () => {
    const f = fetcher({ minDelayMs: 300 });
    const from = site.log.length;
    await Promise.all(["weizsaecker", "assange", "stadia"].map((p) => f.fetch(`${site.url}/articles/${p}.html`)));
    const times = site.log.slice(from).map((e) => e.t);
    expect(times).toHaveLength(4); // robots.txt and three pages, one after another
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(290);

    const g = fetcher({ minDelayMs: 100 });
    const s0 = slowSite.log.length;
    await g.fetch(`${slowSite.url}/articles/weizsaecker.html`);
    await g.fetch(`${slowSite.url}/articles/assange.html`);
    const st = slowSite.log.slice(s0).map((e) => e.t);
    expect(st).toHaveLength(3);
    expect(st[2] - st[1]).toBeGreaterThanOrEqual(990); // Crawl-delay: 1
  });

  it("keeps at most `concurrency` requests in flight over all hosts", async () => {
    const f = fetcher({ minDelayMs: 0, concurrency: 1 });
    await Promise.all([f.fetch(`${site.url}/robots.txt`), f.fetch(`${slowSite.url}/robots.txt`)]);
    const t0 = Date.now();
    // Two hosts, one slot: the slow page (its host's Crawl-delay of 1 s, then 2 s to answer) holds it, and
    // the fast one asked for meanwhile waits instead of overtaking it.
    const [slow, fast] = await Promise.all([
      f.fetch(`${slowSite.url}/slow.html`).then(() => Date.now() - t0),
      new Promise((r) => setTimeout(r, 1300))
        .then(() => f.fetch(`${site.url}/articles/lawan.html`))
        .then(() => Date.now() - t0),
    ]);
    expect(slow).toBeGreaterThanOrEqual(1900);
    expect(fast).toBeGreaterThanOrEqual(slow);
  });

  it("sends If-None-Match and If-Modified-Since and reports a 304 as unchanged", async () => {
    const f = fetcher();
    const first = await f.fetch(`${site.url}/articles/stadia.html`);
    if (first.outcome !== "ok") throw new Error(first.outcome);
    expect(first.etag).toBe('"stadia-1"');
    const again = await f.fetch(`${site.url}/articles/stadia.html`, {
      validators: { etag: first.etag, lastModified: first.lastModified },
    });
    expect(again.outcome).toBe("unchanged");
    const last = site.hits("/articles/stadia.html").at(-1)!;
    expect(last).toMatchObject({ status: 304, ifNoneMatch: '"stadia-1"', ifModifiedSince: first.lastModified });
  });

  it("follows redirects up to five, then gives up and says so", async () => {
    const f = fetcher({ minDelayMs: 0 });
    const moved = await f.fetch(`${site.url}/old/stadia`);
    expect(moved).toMatchObject({ outcome: "ok", finalUrl: `${site.url}/articles/stadia.html` });
    const loop = await f.fetch(`${site.url}/loop/0`);
    expect(loop).toMatchObject({ outcome: "error", message: expect.stringContaining("more than 5 redirects") });
    expect(site.log.filter((e) => e.path.startsWith("/loop/")).length).toBe(6);
  });

  it("retries a 429 after its Retry-After and a 500 with backoff, then succeeds", async () => {
    const f = fetcher({ minDelayMs: 0 });
    const t0 = Date.now();
    const limited = await f.fetch(`${site.url}/limited.html`);
    expect(limited.outcome).toBe("ok");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(site.hits("/limited.html").map((e) => e.status)).toEqual([429, 200]);
    const flaky = await f.fetch(`${site.url}/flaky.html`);
    expect(flaky.outcome).toBe("ok");
    expect(site.hits("/flaky.html").map((e) => e.status)).toEqual([500, 200]);
    const broken = await f.fetch(`${site.url}/broken.html`);
    expect(broken).toMatchObject({ outcome: "error", httpStatus: 503, retryable: true });
    expect(site.hits("/broken.html")).toHaveLength(4); // one attempt and three retries
  });

  it("times out a slow host, and refuses a body over the size limit", async () => {
    const f = fetcher({ minDelayMs: 0, totalTimeoutMs: 500, retries: 0 });
    const slow = await f.fetch(`${slowSite.url}/slow.html`);
    expect(slow).toMatchObject({ outcome: "error", message: expect.stringContaining("within 500 ms") });
    const big = await f.fetch(`${site.url}/big.html`, {});
    expect(big.outcome).toBe("ok");
    const small = fetcher({ minDelayMs: 0, maxBytes: 1024 * 1024 });
    expect(await small.fetch(`${site.url}/big.html`)).toMatchObject({
      outcome: "error",
      message: expect.stringContaining("1048576-byte limit"),
    });
  });

  it("decodes gzip, deflate (zlib or raw) and br bodies, and a Windows-1252 page by its HTTP charset", async () => {
    const f = fetcher({ minDelayMs: 0 });
    const gz = await f.fetch(`${site.url}/gzip.html`);
    if (gz.outcome !== "ok") throw new Error(gz.outcome);
    expect(Buffer.from(gz.body).toString("utf8")).toContain("Stadia");
    for (const path of ["/br.html", "/deflate.html", "/raw-deflate.html"]) {
      const r = await f.fetch(`${site.url}${path}`);
      expect(r.outcome === "ok" && Buffer.from(r.body).toString("utf8"), path).toContain("Ahmad Lawan");
    }
    const cp = await f.fetch(`${site.url}/cp1252.html`);
    if (cp.outcome !== "ok") throw new Error(cp.outcome);
    expect(cp.body.includes(0xe4)).toBe(true); // "ä" as one Windows-1252 byte
    const [page] = parseBytes(cp.body, { name: cp.finalUrl, contentType: cp.contentType });
    expect(page.ok && page.value.input.text).toContain("Richard von Weizsäcker");
  });

  it("refuses loopback and private addresses unless allowed, on the first hop and after DNS", async () => {
    const f = new Fetcher({ minDelayMs: 0 });
    const direct = await f.fetch(`${site.url}/articles/lawan.html`);
    expect(direct).toMatchObject({ outcome: "refused", message: expect.stringContaining("private") });
    const named = await f.fetch(`${site.url.replace("127.0.0.1", "localhost")}/articles/lawan.html`);
    expect(named).toMatchObject({ outcome: "refused" });
    for (const ip of ["10.1.2.3", "169.254.169.254", "[::1]", "[::ffff:127.0.0.1]", "192.168.0.10"])
      expect((await f.fetch(`http://${ip}/`)).outcome).toBe("refused");
    expect(await f.fetch("file:///etc/passwd")).toMatchObject({ outcome: "refused" });
  });

  it("checks the address again on every redirect", async () => {
    // Loopback stands in for a public host here: only 10.0.0.0/8 and link-local count as private.
    const f = new Fetcher({ minDelayMs: 0, refusedAddress: (ip) => /^(10\.|169\.254\.)/.test(ip) });
    expect((await f.fetch(`${site.url}/articles/lawan.html`)).outcome).toBe("ok");
    const away = await f.fetch(`${site.url}/away?to=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`);
    expect(away).toMatchObject({ outcome: "refused", message: expect.stringContaining("169.254.169.254") });
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2019-11-20T10:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("Wed, 20 Nov 2019 10:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("soon", now)).toBeNull();
  });
});
