import { existsSync } from "node:fs";
import type { Command } from "commander";
import type { Source } from "@newsfuse/core";
import { addStoreOptions, withStore, type StoreFlags } from "../store-access.ts";
import { opmlFile } from "../web-inputs.ts";

const ago = (iso: string | null, now: number): string => {
  if (!iso) return "never";
  const s = Math.round((now - Date.parse(iso)) / 1000);
  const abs = Math.abs(s);
  const txt = abs < 120 ? `${abs}s` : abs < 7200 ? `${Math.round(abs / 60)}m` : `${Math.round(abs / 3600)}h`;
  return s >= 0 ? `${txt} ago` : `in ${txt}`;
};

/** One source as the lines `sources list` prints. */
export function formatSource(s: Source, now: number): string {
  const st = s.state;
  const status = st.lastStatus ? `${st.lastStatus}${st.httpStatus ? ` (${st.httpStatus})` : ""}` : "not polled yet";
  const lines = [
    `${s.id}  ${s.url}${s.title ? `  "${s.title}"` : ""}`,
    `  last fetch ${ago(st.lastFetchAt, now)}, ${status}; ${st.itemsSeen} items seen; next poll ${ago(st.nextPollAt, now)} (every ${st.intervalSeconds}s${st.failures ? `, ${st.failures} failures in a row` : ""})`,
  ];
  if (st.lastError) lines.push(`  last error: ${st.lastError}`);
  return lines.join("\n");
}

/**
 * Resolves what `sources add` was given into feed URLs: a local OPML file, an OPML URL (every feed in
 * it), or a feed URL (fetched once, politely, to check that it is a feed and to learn its title).
 */
async function feedsOf(arg: string): Promise<Array<{ url: string; title?: string }> | { error: string }> {
  const { canonicalUrl, classify, fetcherFromEnv } = await import("@newsfuse/fetch");
  if (!/^https?:\/\//i.test(arg)) {
    if (!existsSync(arg)) return { error: `${arg}: neither an http(s) URL nor a file` };
    const r = await opmlFile(arg);
    return "error" in r ? { error: r.error.message } : r.urls.map((url) => ({ url }));
  }
  const url = canonicalUrl(arg);
  if (!url) return { error: `${arg}: not an http(s) URL` };
  const r = await fetcherFromEnv(process.env).fetch(url, { allowPrivate: true });
  if (r.outcome !== "ok")
    return { error: r.outcome === "unchanged" ? `${url}: 304 to an unconditional request` : r.message };
  const kind = classify(r.body, r.finalUrl, r.contentType);
  if (kind.kind === "opml") return kind.feeds;
  if (kind.kind === "feed") return [{ url, ...(kind.title ? { title: kind.title } : {}) }];
  if (kind.kind === "invalid") return { error: kind.error.message };
  return { error: `${url}: a web page, not an RSS, Atom or JSON Feed (ingest it with newsfuse ingest instead)` };
}

/** `newsfuse sources add|list|remove`: the subscribed feeds `newsfuse watch` and `serve --watch` poll. */
export function register(program: Command): void {
  const cmd = program.command("sources").description("Subscribe to feeds (add, list, remove) for newsfuse watch");

  addStoreOptions(
    cmd
      .command("add")
      .description("Subscribe to feeds: feed URLs, OPML files or OPML URLs (every feed in them)")
      .argument("<feeds...>", "feed URL, OPML URL or OPML file"),
  ).action(async (args: string[], flags: StoreFlags) => {
    await withStore(
      flags,
      async (store) => {
        const { INITIAL_INTERVAL_SECONDS, canonicalUrl } = await import("@newsfuse/fetch");
        for (const arg of args) {
          const feeds = await feedsOf(arg);
          if ("error" in feeds) {
            console.error(`newsfuse sources add: ${feeds.error}`);
            process.exitCode = 1;
            continue;
          }
          for (const f of feeds) {
            const url = canonicalUrl(f.url);
            if (!url) {
              console.error(`newsfuse sources add: ${f.url}: not an http(s) URL`);
              process.exitCode = 1;
              continue;
            }
            const { source, created } = await store.sources.add(
              { url, title: f.title ?? null, addedBy: "cli" },
              { now: new Date(), intervalSeconds: INITIAL_INTERVAL_SECONDS },
            );
            console.log(`${created ? "added" : "already subscribed:"} ${source.id} ${source.url}`);
          }
        }
      },
      { skipIndexes: true },
    );
  });

  addStoreOptions(
    cmd
      .command("list")
      .description("Each source's last fetch, status, items seen, next poll and last error")
      .option("--json", "print JSON"),
  ).action(async (flags: StoreFlags & { json?: boolean }) => {
    await withStore(
      flags,
      async (store) => {
        const list = await store.sources.list();
        if (flags.json) console.log(JSON.stringify(list, null, 2));
        else if (!list.length) console.log("no sources (add one with: newsfuse sources add <feed-url|opml>)");
        else for (const s of list) console.log(formatSource(s, Date.now()));
      },
      { skipIndexes: true },
    );
  });

  addStoreOptions(
    cmd.command("remove").description("Unsubscribe from a source").argument("<id>", "the source id (see sources list)"),
  ).action(async (id: string, flags: StoreFlags) => {
    await withStore(
      flags,
      async (store) => {
        if (await store.sources.remove(id)) console.log(`removed ${id}`);
        else {
          console.error(`newsfuse sources remove: no source "${id}" (see newsfuse sources list)`);
          process.exitCode = 1;
        }
      },
      { skipIndexes: true },
    );
  });
}
