import type { StoreEvent } from "@newsfuse/core/schema";

/** How many recent events a reconnecting client can get replayed. */
export const EVENT_LOG_SIZE = 1000;

export interface LoggedEvent {
  id: string;
  event: StoreEvent;
}

interface Source {
  subscribe(listener: (e: StoreEvent) => void): () => void;
}

/**
 * Numbers the live events and keeps the last EVENT_LOG_SIZE of them, so a client that reconnects
 * with Last-Event-ID gets what it missed. Ids are `<run>-<seq>`: `run` changes with every app, so an
 * id from before a restart is recognised as gone (the client is told to reset) instead of being taken
 * for a position in this run's sequence.
 */
export class EventLog {
  private seq = 0;
  private readonly ring: Array<{ seq: number; event: StoreEvent }> = [];
  private readonly ids = new WeakMap<StoreEvent, number>();

  constructor(
    private readonly source: Source,
    readonly run: string,
    private readonly size = EVENT_LOG_SIZE,
  ) {
    // Subscribed first, so every listener added later finds the event already numbered.
    source.subscribe((event) => {
      const seq = ++this.seq;
      this.ids.set(event, seq);
      this.ring.push({ seq, event });
      if (this.ring.length > this.size) this.ring.shift();
    });
  }

  /** The id of the latest event (`<run>-0` before any). */
  get lastId(): string {
    return `${this.run}-${this.seq}`;
  }

  /** Live events with their ids, from now on; returns an unsubscribe function. */
  subscribe(listener: (e: LoggedEvent) => void): () => void {
    return this.source.subscribe((event) => listener({ id: `${this.run}-${this.ids.get(event) ?? this.seq}`, event }));
  }

  /**
   * The events after `lastId` up to `untilId` (both ids this log issued), or null when they cannot be
   * replayed: an id from another run, one not issued yet, or events already dropped from the ring.
   */
  since(lastId: string, untilId = this.lastId): LoggedEvent[] | null {
    const from = this.seqOf(lastId);
    const until = this.seqOf(untilId);
    if (from === null || until === null || from > until) return null;
    const oldest = this.ring[0]?.seq ?? this.seq + 1;
    if (from < oldest - 1 && from < until) return null;
    return this.ring
      .filter((r) => r.seq > from && r.seq <= until)
      .map((r) => ({ id: `${this.run}-${r.seq}`, event: r.event }));
  }

  private seqOf(id: string): number | null {
    const m = /^([0-9a-z]+)-(\d{1,15})$/.exec(id.trim());
    if (!m || m[1] !== this.run) return null;
    const n = Number(m[2]);
    return n <= this.seq ? n : null;
  }
}
