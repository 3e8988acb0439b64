import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { useClient } from "./client.ts";

export type LiveEvent = { type: string; storyId?: string; done?: number; total?: number; failed?: number };
type Listener = (e: LiveEvent) => void;

interface Live {
  connected: boolean;
  subscribe(l: Listener): () => void;
}

const LiveContext = createContext<Live>({ connected: false, subscribe: () => () => {} });

/**
 * One event stream per tab: story events refresh the lists and the story they name, so new and
 * updated stories appear without a reload; pages subscribe for the rest (ingest progress).
 */
export function LiveEvents({ children }: { children: ReactNode }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  const [live] = useState<Omit<Live, "connected">>(() => ({
    subscribe(l) {
      listeners.current.add(l);
      return () => listeners.current.delete(l);
    },
  }));

  useEffect(() => {
    const ac = new AbortController();
    (async () => {
      // The client reconnects by itself; this loop only restarts it if the iterator ends early.
      while (!ac.signal.aborted) {
        try {
          for await (const item of client.events({ signal: ac.signal })) {
            const ev = item.event as LiveEvent;
            if (ev.type === "ready") setConnected(true);
            if (ev.type === "story.created" || ev.type === "story.updated" || ev.type === "reset") {
              void queryClient.invalidateQueries({ queryKey: ["stories"] });
              void queryClient.invalidateQueries({ queryKey: ["stats"] });
              if (ev.storyId) void queryClient.invalidateQueries({ queryKey: ["story", ev.storyId] });
              else if (ev.type === "reset") void queryClient.invalidateQueries();
            }
            for (const l of listeners.current) l(ev);
          }
        } catch {
          // Dropped: wait a little and reconnect.
        }
        setConnected(false);
        if (!ac.signal.aborted) await new Promise((r) => setTimeout(r, 3000));
      }
    })();
    return () => ac.abort();
  }, [client, queryClient]);

  return <LiveContext.Provider value={{ ...live, connected }}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  return useContext(LiveContext);
}

/** Calls `l` for every live event while the component is mounted. */
export function useLiveEvent(l: Listener): void {
  const { subscribe } = useLive();
  const ref = useRef(l);
  ref.current = l;
  useEffect(() => subscribe((e) => ref.current(e)), [subscribe]);
}
