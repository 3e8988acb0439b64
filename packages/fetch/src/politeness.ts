/** Sleeps, or wakes early when the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * One request at a time per host, `delayMs(host)` between the end of one and the start of the next
 * there, and at most `concurrency` requests in flight overall.
 */
export class HostScheduler {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();
  private readonly notBefore = new Map<string, number>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly opts: {
      concurrency: number;
      delayMs: (host: string) => number;
      now: () => number;
      sleep: Sleep;
    },
  ) {}

  /** Runs `fn` in the host's turn. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(host) ?? Promise.resolve();
    const turn = prev.then(async () => {
      const last = this.lastEnd.get(host);
      const earliest = Math.max(last === undefined ? 0 : last + this.opts.delayMs(host), this.notBefore.get(host) ?? 0);
      await this.opts.sleep(earliest - this.opts.now());
      await this.slot();
      try {
        return await fn();
      } finally {
        this.lastEnd.set(host, this.opts.now());
        this.release();
      }
    });
    this.chains.set(
      host,
      turn.then(
        () => {},
        () => {},
      ),
    );
    return turn;
  }

  /** Holds every request to `host` until `at` (a 429's or 503's Retry-After applies to the whole host). */
  deferHost(host: string, at: number): void {
    this.notBefore.set(host, Math.max(at, this.notBefore.get(host) ?? 0));
  }

  private slot(): Promise<void> {
    if (this.active < this.opts.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
