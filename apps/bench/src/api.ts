import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { openStore, type RawInput } from "@newsfuse/store";

/**
 * `npm run bench -- api`: builds (once) an embedded store of 20k articles from the dev sets, serves a
 * scratch copy of it with `newsfuse serve` in its own process (so the load generator does not share the
 * server's event loop), and drives each endpoint with autocannon over loopback for a bounded time.
 * The copy keeps runs comparable: every run's writes are new articles to a store of the same size.
 * `--articles 4000` builds (and keeps) a smaller store for iterating.
 */

type Latency = { p50: number; p99: number; average: number };
type CannonResult = {
  requests: { average: number; total: number };
  latency: Latency;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
};
type CannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type CannonOpts = {
  url: string;
  connections: number;
  duration: number;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
  requests?: Array<CannonRequest & { setupRequest?: (req: CannonRequest) => CannonRequest }>;
};
// autocannon ships no types; this is the slice of its API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as (
  o: CannonOpts,
  cb: (err: Error | null, r: CannonResult) => void,
) => unknown;
const cannon = (o: CannonOpts) =>
  new Promise<CannonResult>((res, rej) => autocannon(o, (e, r) => (e ? rej(e) : res(r))));

const CHUNK = 250;
export const STREAM = "/work/shared/bench/stream/dev.jsonl";
export const CLUSTERING = "/work/shared/bench/clustering/dev.jsonl";

interface Row {
  id: string;
  title?: string;
  text?: string;
  published?: string;
  source?: string;
  url?: string;
}

export async function readRows(path: string): Promise<Row[]> {
  const rows: Row[] = [];
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line));
    } catch {
      throw new Error(`${path}:${n}: not JSON`);
    }
  }
  return rows;
}

/** A headline-only row becomes an article whose text is its headline (the stream set has no bodies). */
function asInput(r: Row): {
  id: string;
  title?: string;
  text: string;
  published?: string;
  source?: string;
  url?: string;
} {
  const text = r.text?.trim() ? r.text : (r.title ?? "");
  return {
    id: r.id,
    ...(r.title ? { title: r.title } : {}),
    text,
    ...(r.published ? { published: r.published } : {}),
    ...(r.source ? { source: r.source } : {}),
    ...(r.url ? { url: r.url } : {}),
  };
}

export async function buildStore(dir: string, rows: Row[], count: number) {
  const marker = join(dir, "bench-api.json");
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, "utf8"));
    if (m.articles >= count) {
      console.log(`store: reusing ${dir} (${m.articles} articles; --rebuild to start over)`);
      return;
    }
  }
  console.log(`store: ingesting ${count} articles into ${dir} (once; later runs reuse it)`);
  const store = await openStore({ dataDir: dir, command: "newsfuse bench api" });
  const enc = new TextEncoder();
  // Chunks of JSON Lines rather than one input per article: each chunk is one transaction in the store.
  const raws: RawInput[] = [];
  for (let i = 0; i < count; i += CHUNK) {
    const lines = rows.slice(i, Math.min(count, i + CHUNK)).map((r) => JSON.stringify(asInput(r)));
    raws.push({
      body: enc.encode(`${lines.join("\n")}\n`),
      contentType: "application/x-ndjson",
      origin: `bench/dev-${i}.jsonl`,
    });
  }
  const t0 = performance.now();
  let last = 0;
  await store.ingest(raws, {
    onProgress: (e) => {
      if (e.type === "ingest.progress" && performance.now() - last > 5000) {
        last = performance.now();
        console.log(`  ${e.done}/${count} articles (${Math.round(e.done / ((last - t0) / 1000))}/s)`);
      }
    },
  });
  const stats = await store.stats();
  await store.close();
  writeFileSync(marker, JSON.stringify({ articles: stats.articles, builtAt: new Date().toISOString() }));
  console.log(
    `store: ${stats.articles} articles, ${stats.stories} stories, ${stats.entities} entities in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

async function startServe(dir: string, cache: boolean): Promise<{ url: string; child: ChildProcess }> {
  const bin = resolve(import.meta.dirname, "../../cli/bin/newsfuse.js");
  const child = spawn(
    process.execPath,
    [bin, "serve", "--port", "0", "--host", "127.0.0.1", "--data", dir, "--quiet"],
    {
      env: {
        ...process.env,
        NEWSFUSE_API_RATE: "off",
        NEWSFUSE_API_KEY: "",
        ...(cache ? {} : { NEWSFUSE_API_CACHE_MS: "0" }),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((res, rej) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /newsfuse API on (http:\/\/\S+)/.exec(out);
      if (m) res(m[1]);
    });
    child.once("exit", (code) => rej(new Error(`newsfuse serve exited with ${code} before listening`)));
  });
  return { url, child };
}

/** CPU seconds a process has used, all threads and its main thread alone (Linux /proc; null elsewhere). */
function cpuSeconds(pid: number): { process: number; main: number } | null {
  const ticks = (path: string) => {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(path, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  };
  try {
    return { process: ticks(`/proc/${pid}/stat`), main: ticks(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return null;
  }
}

/** Resolves at the first story event on the server's event stream (sent once a fusion pass is over). */
async function storyEvent(url: string): Promise<void> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 300_000);
  timer.unref();
  try {
    const res = await fetch(`${url}/v1/events`, { signal: ac.signal });
    const decoder = new TextDecoder();
    let text = "";
    const reader = res.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      text += decoder.decode(r.value, { stream: true });
      if (/^event: story\./m.test(text)) return;
    }
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: "string", default: "20000" },
      data: { type: "string" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "10" },
      rebuild: { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  if (values.only !== undefined && values.only !== "reads" && values.only !== "writes")
    throw new Error(`--only must be reads or writes, got "${values.only}"`);
  const count = Number(values.articles);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const writeDuration = Math.max(duration, 20);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--articles must be a positive integer, got "${values.articles}"`);
  if (!(duration > 0 && duration <= 120))
    throw new Error(`--duration must be 1..120 seconds, got "${values.duration}"`);
  const dir = resolve(values.data ?? join(tmpdir(), `newsfuse-bench-api-${count}`));
  if (values.rebuild && existsSync(join(dir, "bench-api.json")))
    writeFileSync(join(dir, "bench-api.json"), JSON.stringify({ articles: 0 }));

  for (const f of [STREAM, CLUSTERING]) if (!existsSync(f)) throw new Error(`${f}: dev set not found`);
  // Full articles first, then headlines; what is left over feeds the POST run as new articles.
  const rows = [...(await readRows(CLUSTERING)), ...(await readRows(STREAM))];
  if (rows.length < count + 1000)
    throw new Error(`only ${rows.length} dev rows; need ${count} + 1000 for the write run`);
  await buildStore(dir, rows, count);

  type Run = { name: string; opts: CannonOpts; articlesPerRequest?: number };
  const words = [
    "Obama",
    "Apple",
    "Google",
    "Ukraine",
    "Fed",
    "Microsoft",
    "Samsung",
    "China",
    "oil",
    "GM",
    "Ebola",
    "Facebook",
    "Bitcoin",
    "Malaysia",
    "Putin",
  ];
  const fresh = rows.slice(count);
  let k = 0;
  let w = 0;
  const readRuns = (url: string, storyIds: string[]): Run[] => [
    { name: "GET /v1/stories", opts: { url: `${url}/v1/stories`, connections, duration } },
    {
      name: "GET /v1/stories/{id}",
      opts: {
        url,
        connections,
        duration,
        requests: [
          {
            method: "GET",
            setupRequest: (r) => ({ ...r, path: `/v1/stories/${encodeURIComponent(storyIds[k++ % storyIds.length])}` }),
          },
        ],
      },
    },
    {
      name: "GET /v1/search",
      opts: {
        url,
        connections,
        duration,
        requests: [
          {
            method: "GET",
            setupRequest: (r) => ({ ...r, path: `/v1/search?q=${encodeURIComponent(words[k++ % words.length])}` }),
          },
        ],
      },
    },
  ];
  const writeRuns = (url: string): Run[] => [
    {
      // Many writers at once: the API merges what queues behind a running store call (group commit).
      name: "POST /v1/articles (1 per request)",
      articlesPerRequest: 1,
      opts: {
        url,
        connections: 50,
        duration: writeDuration,
        timeout: 120,
        requests: [
          {
            method: "POST",
            path: "/v1/articles",
            headers: { "content-type": "application/json" },
            setupRequest: (r) => ({ ...r, body: JSON.stringify(asInput(fresh[w++ % fresh.length])) }),
          },
        ],
      },
    },
    {
      name: "POST /v1/articles (NDJSON, 50 per request)",
      articlesPerRequest: 50,
      opts: {
        url,
        connections: 4,
        duration: writeDuration,
        timeout: 120,
        requests: [
          {
            method: "POST",
            path: "/v1/articles",
            headers: { "content-type": "application/x-ndjson" },
            setupRequest: (r) => ({
              ...r,
              body: Array.from({ length: 50 }, () => JSON.stringify(asInput(fresh[w++ % fresh.length]))).join("\n"),
            }),
          },
        ],
      },
    },
  ];
  /** Prints one table row per run; returns the articles written. */
  const measure = async (runs: Run[]) => {
    let articles = 0;
    for (const r of runs) {
      const res = await cannon(r.opts);
      const perSec = res.requests.total / res.duration;
      articles += res.requests.total * (r.articlesPerRequest ?? 0);
      console.log(
        `${r.name.padEnd(44)} ${perSec.toFixed(0).padStart(6)} ${(r.articlesPerRequest ? (perSec * r.articlesPerRequest).toFixed(0) : "-").padStart(12)}` +
          ` ${String(res.latency.p50).padStart(8)} ${String(res.latency.p99).padStart(8)} ${String(res.non2xx + res.errors + res.timeouts).padStart(9)}`,
      );
    }
    return articles;
  };
  const header = "endpoint                                      req/s   articles/s   p50 ms   p99 ms   non-2xx";
  /** Runs `body` against a fresh server on the scratch store; returns the seconds its clean stop took. */
  const served = async (cache: boolean, body: (url: string, pid: number) => Promise<void>) => {
    const { url, child } = await startServe(work, cache);
    try {
      await body(url, child.pid!);
    } finally {
      child.kill("SIGTERM");
    }
    const t0 = performance.now();
    await new Promise((r) => child.once("exit", r));
    return (performance.now() - t0) / 1000;
  };

  const work = mkdtempSync(join(tmpdir(), "newsfuse-bench-api-run-"));
  cpSync(dir, work, { recursive: true });
  try {
    // Reads: the server as configured by default (read cache on), then with the cache off (every read hits the store).
    for (const cache of values.only === "writes" ? [] : [true, false]) {
      await served(cache, async (url) => {
        const storyIds = (
          (await (await fetch(`${url}/v1/stories?limit=200`)).json()).items as Array<{ id: string }>
        ).map((s) => s.id);
        if (!storyIds.length) throw new Error("the store holds no stories");
        console.log(
          `\n${cache ? "read cache on (default)" : "read cache off (NEWSFUSE_API_CACHE_MS=0)"}; server ${url}; ${connections} connections, ${duration} s each; loopback`,
        );
        console.log(header);
        await measure(readRuns(url, storyIds));
      });
    }
    // Writes: each run on its own server, so one run's fusion does not land in the next; the clean stop
    // fuses what the run left dirty, and its time is the fusion still owed when the writers stopped.
    for (const r of values.only === "reads" ? [] : writeRuns("")) {
      let written = 0;
      const stopS = await served(true, async (url, pid) => {
        // A fresh server's first write loads the analysis workers' models: not what a running server costs.
        // Its background fusion must be over too, or it lands in the measured run: story events come after it.
        // Stores written by earlier versions of this bench hold the first fresh rows already.
        const held = ((await (await fetch(`${url}/v1/stats`)).json()) as { articles: number }).articles;
        w = Math.max(w, held - count);
        const t0 = performance.now();
        const fused = storyEvent(url);
        for (let i = 0; i < 2; i++) {
          const body = Array.from({ length: 50 }, () => JSON.stringify(asInput(fresh[w++ % fresh.length]))).join("\n");
          const res = await fetch(`${url}/v1/articles`, {
            method: "POST",
            headers: { "content-type": "application/x-ndjson" },
            body,
          });
          if (!res.ok) throw new Error(`warm-up write: ${res.status} ${await res.text()}`);
          const made = (await res.json()) as { created: number; duplicates: number };
          if (made.created + made.duplicates === 0)
            throw new Error("warm-up write: no new article; are the write rows stored already? (--rebuild)");
        }
        const t1 = performance.now();
        await fused;
        console.log(
          `\nwarm-up: 100 articles stored in ${((t1 - t0) / 1000).toFixed(1)} s, fused ${((performance.now() - t1) / 1000).toFixed(1)} s later`,
        );
        console.log(
          `writes (defaults: read cache on, background fusion); server ${url}; ${writeDuration} s after a 100-article warm-up; loopback`,
        );
        console.log(header);
        const before = cpuSeconds(pid);
        written = await measure([{ ...r, opts: { ...r.opts, url } }]);
        const after = cpuSeconds(pid);
        // Wall figures on a shared machine say more about the neighbours than about the server: its CPU
        // per article does not. The main thread (database, placement, fusion) is what one write waits on.
        if (before && after && written)
          console.log(
            `  server CPU per stored article: ${(((after.process - before.process) * 1000) / written).toFixed(1)} ms in all threads, ${(((after.main - before.main) * 1000) / written).toFixed(1)} ms on the main thread (at most ${Math.round(written / (after.main - before.main))} articles/s on one free core)`,
          );
      });
      console.log(
        `  stop (final fusion) took ${stopS.toFixed(1)} s: ${written} articles stored and fused in ${(writeDuration + stopS).toFixed(1)} s = ${(written / (writeDuration + stopS)).toFixed(0)} articles/s`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log("\ntargets (2-core machine): reads >= 1000 req/s with p99 < 50 ms; writes >= 100 articles/s");
}
