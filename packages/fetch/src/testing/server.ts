import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

/** One request the test server answered, as the tests (and the issue's report) read it. */
export interface RequestLogEntry {
  /** Milliseconds since the server started. */
  t: number;
  path: string;
  status: number;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  userAgent: string | null;
}

export interface NewsServerOptions {
  /** robots.txt's Crawl-delay, seconds (none when undefined). */
  crawlDelay?: number;
  /** How long /slow.html waits before answering, ms. */
  slowMs?: number;
}

export interface NewsServer {
  url: string;
  log: RequestLogEntry[];
  /** Requests of one path. */
  hits(path: string): RequestLogEntry[];
  /** Puts a new item at the top of the feed (a new ETag follows). */
  publish(article: "lawan-public"): void;
  /** Log lines as `+123ms GET /feed.xml 200 If-None-Match: …`. */
  format(entries?: RequestLogEntry[]): string;
  close(): Promise<void>;
}

const PAGES = ["weizsaecker", "assange", "stadia", "lawan"] as const;
const LAST_MODIFIED = "Wed, 20 Nov 2019 10:00:00 GMT";

function rss(base: string, items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Loopback News</title><link>${base}/</link><description>Test feed</description>
${items.join("\n")}
</channel></rss>`;
}

const item = (title: string, link: string, description: string, extra = "") =>
  `<item><title>${title}</title><link>${link}</link><guid>${link}</guid><description>${description}</description>${extra}</item>`;

/**
 * A local news site for the fetcher's tests: feeds (RSS, Atom, JSON Feed), an OPML list, article pages
 * cut from the extraction dev set, robots.txt, ETags, redirects, a slow page, a 429 with Retry-After,
 * a 500 that recovers, gzip, deflate and br bodies and a Windows-1252 page. It logs every request it answers.
 */
export async function startNewsServer(opts: NewsServerOptions = {}): Promise<NewsServer> {
  const started = performance.now();
  const log: RequestLogEntry[] = [];
  const count = new Map<string, number>();
  let published: string[] = [];
  let base = "";

  const fullText = fixture("stadia.html")
    .toString("utf8")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .slice(0, 4000);
  const feedItems = () => [
    ...published,
    item(
      "Son of former German president stabbed to death in Berlin",
      `${base}/articles/weizsaecker.html`,
      "Fritz von Weizsäcker was stabbed during a lecture.",
    ),
    item(
      "Sweden drops its investigation into rape allegation against Julian Assange",
      `${base}/articles/assange.html?utm_source=rss&amp;utm_medium=feed`,
      "Swedish prosecutors drop the case.",
    ),
    item(
      "Lawan moves motion on the deaths of Nzeribe and Adedoyin",
      `${base}/private/lawan.html`,
      "The Senate adjourns.",
    ),
    item("Stadia: Destiny 2 runs at 1080p", `${base}/old/stadia`, "A review of Google Stadia at launch."),
    item(
      "Stadia launch, the full story",
      `${base}/articles/stadia-full.html`,
      "Full text in the feed.",
      `<content:encoded><![CDATA[<p>${fullText}</p>]]></content:encoded>`,
    ),
  ];
  const feedTag = () => `"feed-${published.length}"`;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    const n = (count.get(path) ?? 0) + 1;
    count.set(path, n);
    const entry: RequestLogEntry = {
      t: Math.round(performance.now() - started),
      path,
      status: 0,
      ifNoneMatch: (req.headers["if-none-match"] as string | undefined) ?? null,
      ifModifiedSince: (req.headers["if-modified-since"] as string | undefined) ?? null,
      userAgent: (req.headers["user-agent"] as string | undefined) ?? null,
    };
    log.push(entry);
    const send = (status: number, headers: Record<string, string>, body?: string | Buffer) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    const conditional = (etag: string, type: string, body: string | Buffer) => {
      if (req.headers["if-none-match"] === etag) return send(304, { ETag: etag, "Last-Modified": LAST_MODIFIED });
      send(200, { "Content-Type": type, ETag: etag, "Last-Modified": LAST_MODIFIED }, body);
    };
    const u = new URL(path, base);
    const page = /^\/(?:articles|private)\/([a-z]+)\.html$/.exec(u.pathname)?.[1];
    if (u.pathname === "/robots.txt")
      return send(
        200,
        { "Content-Type": "text/plain" },
        `User-agent: *\nDisallow: /private/\n${opts.crawlDelay !== undefined ? `Crawl-delay: ${opts.crawlDelay}\n` : ""}`,
      );
    if (u.pathname === "/feed.xml")
      return conditional(feedTag(), "application/rss+xml; charset=utf-8", rss(base, feedItems()));
    if (u.pathname === "/atom.xml")
      return conditional(
        '"atom-1"',
        "application/atom+xml",
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback Atom</title>
<entry><title>Lawan moves motion</title><id>tag:lawan</id><link href="${base}/articles/lawan.html"/><summary>The Senate adjourns.</summary></entry></feed>`,
      );
    if (u.pathname === "/feed.json")
      return conditional(
        '"json-1"',
        "application/feed+json",
        JSON.stringify({
          version: "https://jsonfeed.org/version/1.1",
          title: "Loopback JSON",
          items: [{ id: "1", url: `${base}/articles/weizsaecker.html`, title: "Weizsäcker", summary: "Stabbed." }],
        }),
      );
    if (u.pathname === "/subs.opml")
      return send(
        200,
        { "Content-Type": "text/x-opml" },
        `<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
<outline text="News"><outline text="Loopback News" type="rss" xmlUrl="${base}/feed.xml"/>
<outline text="Loopback Atom" type="rss" xmlUrl="${base}/atom.xml"/></outline></body></opml>`,
      );
    if (u.pathname === "/old/stadia") return send(301, { Location: "/articles/stadia.html" });
    // An open redirect, as many sites have: the fetcher must check where it leads.
    if (u.pathname === "/away") return send(302, { Location: u.searchParams.get("to") ?? "/" });
    if (u.pathname.startsWith("/loop/")) return send(302, { Location: `/loop/${Number(u.pathname.slice(6)) + 1}` });
    if (u.pathname === "/amp/assange.html")
      return send(
        200,
        { "Content-Type": "text/html; charset=utf-8" },
        fixture("assange.html")
          .toString("utf8")
          .replace("<head>", `<head><link rel="canonical" href="/articles/assange.html">`),
      );
    if (u.pathname === "/slow.html") {
      const t = setTimeout(
        () => send(200, { "Content-Type": "text/html" }, fixture("lawan.html")),
        opts.slowMs ?? 3000,
      );
      res.on("close", () => clearTimeout(t));
      return;
    }
    if (u.pathname === "/limited.html") {
      if (n === 1) return send(429, { "Retry-After": "1", "Content-Type": "text/plain" }, "slow down");
      return send(200, { "Content-Type": "text/html; charset=utf-8" }, fixture("lawan.html"));
    }
    if (u.pathname === "/flaky.html") {
      if (n === 1) return send(500, { "Content-Type": "text/plain" }, "oops");
      return send(200, { "Content-Type": "text/html; charset=utf-8" }, fixture("lawan.html"));
    }
    if (u.pathname === "/broken.html") return send(503, { "Content-Type": "text/plain" }, "down");
    if (u.pathname === "/gzip.html") {
      const body = gzipSync(fixture("stadia.html"));
      return send(200, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip" }, body);
    }
    if (u.pathname === "/br.html")
      return send(
        200,
        { "Content-Type": "text/html", "Content-Encoding": "br" },
        brotliCompressSync(fixture("lawan.html")),
      );
    if (u.pathname === "/deflate.html")
      return send(
        200,
        { "Content-Type": "text/html", "Content-Encoding": "deflate" },
        deflateSync(fixture("lawan.html")),
      );
    if (u.pathname === "/raw-deflate.html")
      return send(
        200,
        { "Content-Type": "text/html", "Content-Encoding": "deflate" },
        deflateRawSync(fixture("lawan.html")),
      );
    if (u.pathname === "/cp1252.html")
      return send(200, { "Content-Type": "text/html; charset=windows-1252" }, fixture("weizsaecker-cp1252.html"));
    if (u.pathname === "/big.html")
      return send(200, { "Content-Type": "text/html" }, Buffer.alloc(2 * 1024 * 1024, 0x20));
    if (
      page &&
      (PAGES as readonly string[]).includes(page) &&
      !(u.pathname.startsWith("/private/") && page !== "lawan")
    )
      return conditional(`"${page}-1"`, "text/html; charset=utf-8", fixture(`${page}.html`));
    send(404, { "Content-Type": "text/plain" }, "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    log,
    hits: (p) => log.filter((e) => e.path === p),
    publish() {
      published = [
        item("Lawan moves motion (public copy)", `${base}/articles/lawan.html`, "The Senate adjourns over two deaths."),
        ...published,
      ];
    },
    format(entries = log) {
      return entries
        .map(
          (e) =>
            `+${String(e.t).padStart(5)}ms GET ${e.path} ${e.status}${e.ifNoneMatch ? ` If-None-Match: ${e.ifNoneMatch}` : ""}${e.ifModifiedSince ? ` If-Modified-Since: ${e.ifModifiedSince}` : ""}`,
        )
        .join("\n");
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
