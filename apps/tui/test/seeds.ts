import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { createApp } from "@newsfuse/api";
import { createClient } from "@newsfuse/client";
import { readPaths } from "@newsfuse/formats/node";
import { openStore, type SqlStore } from "@newsfuse/store";
import type { TuiClient } from "../src/client.ts";

export const SEEDS = resolve(import.meta.dirname, "../../../seeds");

/** The seeds ingested into a fresh embedded store, served in process through the real client. */
export async function seedsClient(): Promise<{ client: TuiClient; store: SqlStore; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "newsfuse-tui-test-"));
  const store = await openStore({ dataDir: dir, workers: 0 });
  const raws = [];
  for await (const r of readPaths([SEEDS]))
    if (r.raw) raws.push({ body: r.raw.body, contentType: r.raw.contentType, origin: r.raw.path });
  await store.ingest(raws);
  const app = createApp({ store, clock: Date.now });
  const client = createClient({ baseUrl: "http://newsfuse.test", fetch: (req) => app.fetch(req) });
  return {
    client,
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const plain = (frame: string | undefined) => stripVTControlCharacters(frame ?? "");

/**
 * Waits until the rendered frame satisfies `want` (contains the text, or the predicate holds), polling
 * instead of sleeping a fixed time; fails with the last frame so a test says what was on screen.
 */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  want: string | RegExp | ((frame: string) => boolean),
  timeoutMs = 10_000,
): Promise<string> {
  const ok = (f: string) =>
    typeof want === "string" ? f.includes(want) : want instanceof RegExp ? want.test(f) : want(f);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const f = plain(lastFrame());
    if (ok(f)) return f;
    if (Date.now() > until) throw new Error(`frame never showed ${String(want)}; last frame:\n${f}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** A rewrite of seed 003 under a new headline: it joins the seeds' story, which is then re-fused. */
export function seedRewrite(): { body: Uint8Array; contentType: string; origin: string } {
  const seed = readFileSync(join(SEEDS, "003_6c04b11d307fba50.txt"), "utf8");
  const text = `${seed.replace(/^[^\n]+/, "Update: Blinken and Lavrov trade warnings over Ukraine in Stockholm")}\n\nThe ministers are to meet again, officials said.\n`;
  return { body: new TextEncoder().encode(text), contentType: "text/plain", origin: "test/rewrite.txt" };
}
