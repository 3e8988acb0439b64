import type { Store, StoreEvent } from "@newsfuse/store";
import type { Logger } from "./context.ts";

type StoryEvent = Extract<StoreEvent, { type: "story.created" | "story.updated" }>;
type Listener = (e: StoreEvent) => void;

/** Fusion waits for this long a pause in writes, so a burst of writes to the same stories is fused once. */
export const FUSE_DELAY_MS = 250;
/**
 * Under writes that never pause, the longest a committed write waits before its run starts. Long,
 * because one pass over many writes costs far less than many passes: on the 20k-article bench store
 * re-fusing the stories 50 headline writes touched took 9-13 s, those of 970 writes 29 s.
 */
export const FUSE_MAX_DELAY_MS = 30_000;

export interface FuserOptions {
  /** Pause in writes to wait for (ms). */
  delayMs?: number;
  /** Cap on that wait after the first unfused write (ms). */
  maxDelayMs?: number;
  /** True while a write is running or queued (the ingest queue): no pause then. */
  writing?: () => boolean;
}

/**
 * The API's background fuser and the source of its live events. Writes store their articles with
 * `fuse: "defer"` and return at commit; re-fusing a story that has hundreds of articles is what made a
 * write slow, and a burst of writes to one story needs it only once. So this runs `store.fuseDirty()`
 * once writes pause for `delayMs` (no write running or queued; each write restarts the wait, up to
 * `maxDelayMs` after the first unfused one), one run at a time, and again after a run if more writes
 * came meanwhile. Writes and fusion share one database (and, embedded, one thread): waiting for a
 * pause keeps fusion out of a burst's way, the cap keeps stories from going stale under writes that
 * never pause.
 *
 * Story events are held until the run that fused their story has finished, so a client that reads a
 * story on `story.updated` gets the fused record; ingest progress passes straight through.
 */
export class StoryFuser {
  private readonly listeners = new Set<Listener>();
  private readonly fusedListeners = new Set<() => void>();
  /** Story events whose story is not fused yet; `story.created` outranks `story.updated`. */
  private held = new Map<string, StoryEvent>();
  private wanted = false;
  /** When the oldest write not yet covered by a started run came (ms since the epoch), or null. */
  private since: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly delayMs: number;
  private readonly maxDelayMs: number;
  private readonly writing: () => boolean;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    opts: FuserOptions = {},
  ) {
    this.delayMs = opts.delayMs ?? FUSE_DELAY_MS;
    this.maxDelayMs = opts.maxDelayMs ?? FUSE_MAX_DELAY_MS;
    this.writing = opts.writing ?? (() => false);
    this.unsubscribe = store.subscribe((e) => this.onStoreEvent(e));
  }

  /** Fused-store events: ingest progress at once, story events once their story is fused. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after every run that re-fused at least one story, whether or not anyone was told of it. */
  onFused(listener: () => void): () => void {
    this.fusedListeners.add(listener);
    return () => this.fusedListeners.delete(listener);
  }

  /** Resolves once nothing is scheduled or running (what tests wait on before reading a story). */
  async idle(): Promise<void> {
    while (this.timer || this.running) await (this.running ?? new Promise((r) => setTimeout(r, this.delayMs)));
  }

  /**
   * For shutdown, after the last write has committed: no more delayed runs; the running one is
   * awaited and a final pass fuses whatever is still dirty, so a clean stop leaves nothing dirty.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    try {
      await this.fuseOnce();
    } finally {
      this.unsubscribe();
    }
  }

  private onStoreEvent(e: StoreEvent): void {
    if (e.type === "ingest.progress") {
      this.publish(e);
      return;
    }
    if (e.type === "story.updated" && this.held.get(e.storyId)?.type === "story.created") return;
    this.held.set(e.storyId, e);
    this.schedule();
  }

  private schedule(): void {
    this.wanted = true;
    this.since ??= Date.now();
    // A running pass re-arms when it ends.
    if (!this.closed && !this.running) this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.since! + this.maxDelayMs - Date.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      // A store call longer than the delay is not a pause.
      if (this.writing() && Date.now() < this.since! + this.maxDelayMs) return this.arm();
      this.running = this.run().finally(() => {
        this.running = null;
        if (this.wanted && !this.closed) this.arm();
      });
    }, wait);
    // A pending fusion must not keep a process alive that has nothing else to do; close() runs it.
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    try {
      await this.fuseOnce();
    } catch (e) {
      // Still dirty in the store: the next write's run, or close(), fuses it.
      this.logger({ level: "error", msg: "background fusion failed", error: String(e) });
    }
  }

  private async fuseOnce(): Promise<void> {
    // Only events emitted before this run started are sure to have their dirty marker committed.
    const held = this.held;
    this.held = new Map();
    this.wanted = false;
    this.since = null;
    const started = performance.now();
    let fused: number;
    try {
      fused = await this.store.fuseDirty();
    } catch (e) {
      for (const [id, ev] of held) if (!this.held.has(id) || ev.type === "story.created") this.held.set(id, ev);
      throw e;
    }
    if (fused) {
      this.logger({
        level: "info",
        msg: "fused dirty stories",
        stories: fused,
        events: held.size,
        ms: Math.round(performance.now() - started),
      });
      for (const l of this.fusedListeners) l();
    }
    for (const ev of held.values()) this.publish(ev);
  }

  private publish(e: StoreEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        /* a listener's failure is its own */
      }
    }
  }
}
