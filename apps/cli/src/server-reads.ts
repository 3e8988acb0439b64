import { NewsfuseFailure } from "@newsfuse/core";

/**
 * GETs a path of a running newsfuse API and parses its JSON. Sends NEWSFUSE_API_KEY when set (a server
 * that closes reads asks for it). Failures become NewsfuseFailure with the server's own error message.
 */
export async function getJson<T>(base: string, path: string, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (env.NEWSFUSE_API_KEY) headers.authorization = `Bearer ${env.NEWSFUSE_API_KEY}`;
  let res: Response;
  try {
    res = await fetch(new URL(path, base), { headers });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new NewsfuseFailure({
      code: "store_error",
      message: `the store is held by newsfuse serve at ${base}, which does not answer (${cause})`,
      input: base,
    });
  }
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok)
    throw new NewsfuseFailure({
      code: "store_error",
      message: `newsfuse serve at ${base} answered ${res.status} to ${path}: ${body?.error?.message ?? res.statusText}`,
      input: base,
    });
  return body as T;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every item of a paged list endpoint, a page of 200 at a time. */
export async function* pages<T>(base: string, path: string): AsyncGenerator<T> {
  let cursor: string | null = null;
  do {
    const q: string = `${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page: Page<T> = await getJson<Page<T>>(base, q);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
