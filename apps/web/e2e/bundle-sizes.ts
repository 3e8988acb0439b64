import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const DIST = join(import.meta.dirname, "../dist");

/** The budgets, in gzip kB. */
export const BUDGET = { initialJs: 150, chunk: 100, css: 30 };

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, Chunk>;

export const manifest = (): Manifest => JSON.parse(readFileSync(join(DIST, ".vite/manifest.json"), "utf8"));
const kb = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;

/** A chunk and everything it imports statically (what the browser must fetch before running it). */
export function closure(m: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const i of m[key].imports ?? []) closure(m, i, seen);
  return seen;
}

/** Sizes of the build's output: what the budget test checks and `npm run bench -- web` prints. */
export function bundleSizes() {
  const m = manifest();
  const entry = Object.keys(m).find((k) => m[k].isEntry)!;
  const initial = closure(m, entry);
  const initialJs = [...initial].reduce((n, k) => n + kb(m[k].file), 0);
  const routes = Object.keys(m)
    .filter((k) => m[k].isDynamicEntry && m[k].src?.startsWith("src/routes/"))
    .map((k) => {
      const own = [...closure(m, k)].filter((c) => !initial.has(c));
      return { route: m[k].src!, chunk: kb(m[k].file), withImports: own.reduce((n, c) => n + kb(m[c].file), 0) };
    });
  // The entry's own files are held to the initial budget; every chunk fetched later to this one.
  const chunks = Object.entries(m)
    .filter(([k, c]) => c.file.endsWith(".js") && !initial.has(k))
    .map(([, c]) => c)
    .map((c) => ({ file: c.file, kb: kb(c.file) }));
  const cssFiles = new Set(Object.values(m).flatMap((c) => c.css ?? []));
  const css = [...cssFiles].reduce((n, f) => n + kb(f), 0);
  return { initialJs, routes, chunks, css };
}
