import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startServer } from "@newsfuse/api";
import { openStore } from "@newsfuse/store";
import { CLUSTERING, STREAM, buildStore, readRows } from "./api.ts";

const WEB = resolve(import.meta.dirname, "../../web");
/** The target for the story page's largest contentful paint on localhost. */
const LCP_TARGET_MS = 1500;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * `npm run bench -- web`: the story page's largest contentful paint in Debian's Chromium, on localhost,
 * over the API bench's 20,000-article store (built once, reused), for the story with the most articles
 * and for a median one. Each run is a fresh browser context (nothing cached); the figure is Chromium's own
 * `largest-contentful-paint` entry. Also prints the build's gzip sizes against their budgets.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: "string", default: "20000" },
      data: { type: "string" },
      runs: { type: "string", default: "7" },
      "no-build": { type: "boolean", default: false },
    },
  });
  const count = Number(values.articles);
  const runs = Number(values.runs);
  const dir = resolve(values.data ?? join(tmpdir(), `newsfuse-bench-api-${count}`));
  if (!existsSync(join(dir, "bench-api.json"))) {
    for (const f of [STREAM, CLUSTERING]) if (!existsSync(f)) throw new Error(`${f}: dev set not found`);
    await buildStore(dir, [...(await readRows(CLUSTERING)), ...(await readRows(STREAM))], count);
  } else console.log(`store: reusing ${dir}`);

  const web = await import(join(WEB, "e2e/browser.ts"));
  const sizes = await import(join(WEB, "e2e/bundle-sizes.ts"));
  web.ensureChromium();
  if (!values["no-build"]) {
    console.log("build: vite build (apps/web)");
    execFileSync(process.execPath, [join(WEB, "../../node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
      cwd: WEB,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: "inherit",
    });
  }
  const b = sizes.bundleSizes();
  const fmt = (n: number) => `${n.toFixed(1)} kB`;
  console.log(
    `bundle (gzip): initial JS ${fmt(b.initialJs)} (budget ${sizes.BUDGET.initialJs}), CSS ${fmt(b.css)} (budget ${sizes.BUDGET.css}), largest later chunk ${fmt(Math.max(...b.chunks.map((c: { kb: number }) => c.kb)))} (budget ${sizes.BUDGET.chunk})`,
  );
  for (const r of b.routes) console.log(`  ${r.route}: ${fmt(r.chunk)} (with its imports ${fmt(r.withImports)})`);

  const store = await openStore({ dataDir: dir, command: "newsfuse bench web" });
  const stats = await store.stats();
  const server = await startServer({ store, port: 0, config: { rateLimit: null }, logger: () => {} });
  const browser = await web.launch();
  try {
    const top = (await store.listStories({ sort: "covered", limit: 200 })).items;
    const pick = [
      { label: "most covered", story: top[0] },
      { label: "median of the top 200", story: top[Math.floor(top.length / 2)] },
    ];
    console.log(`store: ${stats.articles} articles, ${stats.stories} stories; server ${server.url}`);
    let worst = 0;
    for (const { label, story } of pick) {
      const lcps: number[] = [];
      const ttfb: number[] = [];
      for (let i = 0; i < runs; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await ctx.newPage();
        await page.goto(`${server.url}/stories/${encodeURIComponent(story.id)}`, { waitUntil: "load" });
        await page.locator(".counts").waitFor({ timeout: 30_000 });
        // Let the page settle so the last LCP candidate has been reported.
        await page.waitForTimeout(800);
        const t = await page.evaluate(
          () =>
            new Promise<{ lcp: number; ttfb: number }>((res) => {
              new PerformanceObserver((list) => {
                const e = list.getEntries();
                const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
                res({ lcp: e[e.length - 1].startTime, ttfb: nav.responseStart });
              }).observe({ type: "largest-contentful-paint", buffered: true });
            }),
        );
        lcps.push(t.lcp);
        ttfb.push(t.ttfb);
        await ctx.close();
      }
      worst = Math.max(worst, median(lcps));
      console.log(
        `story page, ${label} (${story.articleCount} articles, ${story.quoteCount} quotes): LCP median ${median(lcps).toFixed(0)} ms, max ${Math.max(...lcps).toFixed(0)} ms over ${runs} cold loads (TTFB median ${median(ttfb).toFixed(0)} ms)`,
      );
    }
    console.log(
      `target: LCP <= ${LCP_TARGET_MS} ms: ${worst <= LCP_TARGET_MS ? "met" : "NOT met"} (worst median ${worst.toFixed(0)} ms)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
