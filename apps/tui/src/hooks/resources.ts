import { useCallback, useReducer, useRef } from "react";

export interface Resource<T> {
  status: "loading" | "ok" | "error";
  data?: T;
  error?: string;
  /** Reloading behind the data still shown (after `r` or a live update). */
  stale?: boolean;
}

/** Loads a value; may call `partial` with what it has so far (a list arriving page by page). */
export type Loader<T> = (partial: (data: T) => void) => Promise<T>;

export function errorMessage(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { message?: unknown; code?: unknown; error?: { message?: unknown; code?: unknown } };
    const inner = o.error && typeof o.error === "object" ? o.error : o;
    if (typeof inner.message === "string")
      return typeof inner.code === "string" ? `${inner.message} [${inner.code}]` : inner.message;
  }
  return String(e);
}

/**
 * A small cache of what the screens show, keyed by route: going back shows the screen at once, and a
 * reload keeps the old data on screen until the new arrives (no blank flash).
 */
export function useResources() {
  const cache = useRef(new Map<string, Resource<unknown>>());
  const loaders = useRef(new Map<string, Loader<unknown>>());
  const [version, bump] = useReducer((n: number) => n + 1, 0);

  const start = useCallback((key: string, load: Loader<unknown>, entry: Resource<unknown>) => {
    const settle = (patch: Partial<Resource<unknown>>) => {
      if (cache.current.get(key) !== entry) return;
      Object.assign(entry, patch);
      bump();
    };
    load((data) => settle({ data, status: "ok" })).then(
      (data) => settle({ status: "ok", data, stale: false }),
      (e) => settle({ status: entry.data === undefined ? "error" : "ok", error: errorMessage(e), stale: false }),
    );
  }, []);

  const get = useCallback(
    <T>(key: string, load: Loader<T>): Resource<T> => {
      let entry = cache.current.get(key);
      if (!entry) {
        entry = { status: "loading" };
        cache.current.set(key, entry);
        loaders.current.set(key, load as Loader<unknown>);
        start(key, load as Loader<unknown>, entry);
      }
      return entry as Resource<T>;
    },
    [start],
  );

  /** Reloads every cached key that `match` accepts, keeping its data on screen meanwhile. */
  const reload = useCallback(
    (match: (key: string) => boolean) => {
      for (const [key, old] of cache.current) {
        if (!match(key)) continue;
        const load = loaders.current.get(key);
        if (!load) continue;
        const entry: Resource<unknown> = { ...old, stale: true };
        cache.current.set(key, entry);
        start(key, load, entry);
      }
      bump();
    },
    [start],
  );

  /** The cached value of `key`, without starting a load. */
  const peek = useCallback((key: string): unknown => cache.current.get(key)?.data, []);

  return { get, reload, peek, version };
}
