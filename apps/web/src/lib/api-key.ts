import { useSyncExternalStore } from "react";

// The API key lives for the tab only (sessionStorage): closing the tab forgets it.
const KEY = "newsfuse.apiKey";
const listeners = new Set<() => void>();

export function apiKey(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l();
}

export function useApiKey(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    apiKey,
    () => null,
  );
}

/** `fetch` with the tab's API key, when one was given, as a Bearer token. */
export function keyedFetch(base: typeof fetch = globalThis.fetch.bind(globalThis)): typeof fetch {
  return (input, init) => {
    const key = apiKey();
    if (!key) return base(input, init);
    const req = new Request(input, init);
    req.headers.set("Authorization", `Bearer ${key}`);
    return base(req);
  };
}
