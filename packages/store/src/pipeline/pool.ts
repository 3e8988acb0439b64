import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { Article } from "@newsfuse/core";
import { analyzeRaw, type AnalyzedRaw, type ItemRange } from "./analyze-raw.ts";
import { Lru } from "./docs.ts";
import { runFuseJob, type FuseJob } from "./fuse-job.ts";
import type { FusedRows } from "./fused-rows.ts";

export interface RawJob {
  body: Uint8Array;
  contentType: string;
  origin: string;
  /** Also compute what storing each article needs (analyze-raw.ts `Prepared`), the tsvector literal if asked. */
  prepare?: false | { tsv: boolean };
  /** Only these items of the input (see analyze-raw.ts). */
  range?: ItemRange;
}

// Jobs queued at each worker at once. A worker hands back a result through the main thread's event
// loop; if it then had to wait there for its next job, it would sit idle whenever the main thread is
// busy writing a batch. With a few jobs queued in its own message port it keeps going.
const QUEUE_PER_WORKER = 8;

/**
 * Analysis and story fusion on worker threads, one per core: they are the expensive parts of ingest,
 * and the main thread stays free for the database. The workers run the TypeScript sources through tsx
 * (no build step).
 */
export class AnalyzePool {
  private workers: Worker[] = [];
  private queued = new Map<Worker, number>();
  private waiting: Array<() => void> = [];
  private pending = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();
  // For fusion in this thread (a pool of size 0).
  private decoded: Lru<Article> | null = null;
  private nextId = 0;
  private broken: Error | null = null;

  constructor(readonly size = Math.max(1, availableParallelism())) {}

  private start(): void {
    if (this.workers.length || this.size === 0) return;
    for (let i = 0; i < this.size; i++) {
      const w = new Worker(new URL("./analyze-worker.boot.js", import.meta.url));
      w.unref();
      w.on("message", (m: { id: number; result: never }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        this.release(w);
        p?.resolve(m.result);
      });
      w.on("error", (e) => this.fail(e));
      w.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`analysis worker exited with code ${code}`));
      });
      this.workers.push(w);
      this.queued.set(w, 0);
    }
  }

  private fail(e: Error): void {
    this.broken = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private release(w: Worker): void {
    this.queued.set(w, (this.queued.get(w) ?? 1) - 1);
    this.waiting.shift()?.();
  }

  /** The worker with the shortest queue, once one has room. */
  private async take(): Promise<Worker> {
    for (;;) {
      let best: Worker | null = null;
      for (const w of this.workers) if (!best || this.queued.get(w)! < this.queued.get(best)!) best = w;
      if (best && this.queued.get(best)! < QUEUE_PER_WORKER) {
        this.queued.set(best, this.queued.get(best)! + 1);
        return best;
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }

  /** Analyzes one raw input on the least busy worker (in this thread when the pool has size 0). */
  async run(job: RawJob): Promise<AnalyzedRaw> {
    if (this.size === 0) return analyzeRaw(job.body, job.contentType, job.origin, job.prepare, job.range);
    if (this.broken) throw this.broken;
    this.start();
    return this.post<AnalyzedRaw>(await this.take(), { raw: job });
  }

  /**
   * Fuses one story on a worker chosen by the story id, so a story re-fused after every batch goes to
   * the worker that already decoded most of its articles (in this thread when the pool has size 0).
   */
  async fuse(job: FuseJob): Promise<FusedRows> {
    if (this.size === 0) return runFuseJob(job, (this.decoded ??= new Lru<Article>(1500)));
    if (this.broken) throw this.broken;
    this.start();
    let h = 0;
    for (let i = 0; i < job.storyId.length; i++) h = (Math.imul(h, 31) + job.storyId.charCodeAt(i)) | 0;
    const w = this.workers[Math.abs(h) % this.workers.length]!;
    this.queued.set(w, this.queued.get(w)! + 1);
    return this.post<FusedRows>(w, { fuse: job });
  }

  private post<T>(w: Worker, msg: object): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: never) => void, reject });
      w.postMessage({ id, ...msg });
    });
  }

  /** Analyzes many inputs, all workers busy, results in input order. */
  map(jobs: RawJob[]): Promise<AnalyzedRaw[]> {
    return Promise.all(jobs.map((j) => this.run(j)));
  }

  async close(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    this.queued.clear();
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
