import { readFile } from "node:fs/promises";
import type { NewsfuseError } from "@newsfuse/core";
import type { IngestItemResult, Store } from "@newsfuse/store";

/** Command-line inputs that go to the web fetcher: http(s) URLs and OPML subscription lists. */
export function splitWebInputs(paths: string[]): { urls: string[]; files: string[] } {
  const urls: string[] = [];
  const files: string[] = [];
  for (const p of paths) (/^https?:\/\//i.test(p) || /\.opml$/i.test(p) ? urls : files).push(p);
  return { urls, files };
}

/** The feeds a local OPML file lists, or the error reading it. */
export async function opmlFile(path: string): Promise<{ urls: string[] } | { error: NewsfuseError }> {
  const { readOpml } = await import("@newsfuse/formats");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    return { error: { code: "input_missing", message: `${path}: cannot read (${(e as Error).message})`, input: path } };
  }
  const r = readOpml(text, path);
  return r.ok ? { urls: r.value.map((f) => f.url) } : { error: r.error };
}

export interface WebIngest {
  results: IngestItemResult[];
  failures: NewsfuseError[];
  outcomes: Array<{ url: string; outcome: string; detail?: string }>;
  /** How many URLs were asked for (feeds count once, their items are in `outcomes`). */
  inputs: number;
  /** Lines for the human-readable summary: what was skipped, unchanged or known, and why. */
  lines: string[];
}

/**
 * Fetches URLs typed by the operator (so private addresses are allowed, and the pages their feeds
 * link to) and stores what they hold; see @newsfuse/fetch. Loaded only when a URL is given.
 */
export async function ingestWebInputs(store: Store, inputs: string[]): Promise<WebIngest> {
  const { fetcherFromEnv, ingestUrls } = await import("@newsfuse/fetch");
  const failures: NewsfuseError[] = [];
  const urls: string[] = [];
  for (const i of inputs) {
    if (/^https?:\/\//i.test(i)) urls.push(i);
    else {
      const r = await opmlFile(i);
      if ("error" in r) failures.push(r.error);
      else urls.push(...r.urls);
    }
  }
  const r = await ingestUrls(store, urls, { fetcher: fetcherFromEnv(process.env), allowPrivate: true });
  for (const o of r.outcomes)
    if (o.outcome === "failed")
      failures.push({ code: o.code ?? "input_missing", message: o.detail ?? `${o.url}: failed`, input: o.url });
  const lines: string[] = [];
  for (const kind of ["skipped", "unchanged", "known"] as const) {
    const of = r.outcomes.filter((o) => o.outcome === kind);
    if (!of.length) continue;
    lines.push(`${kind}:`);
    for (const o of of)
      lines.push(`  ${o.detail?.startsWith(o.url) ? o.detail : `${o.url}${o.detail ? `: ${o.detail}` : ""}`}`);
  }
  const stored = r.outcomes.filter((o) => o.outcome === "stored").length;
  lines.unshift(
    `web: ${urls.length} URLs, ${r.outcomes.length} pages and items: ${stored} fetched and stored, ${r.outcomes.length - stored} not (below)`,
  );
  return { results: r.results, failures, outcomes: r.outcomes, inputs: inputs.length, lines };
}
