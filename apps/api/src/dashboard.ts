import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, resolve, sep } from "node:path";
import type { MiddlewareHandler } from "hono";

/**
 * The built web dashboard (`apps/web/dist`), served at `/` to browsers from the API's own origin.
 * Everything it loads comes from this server: scripts only from files (no inline script, no other host),
 * styles from its stylesheet, system fonts. The API's paths are never shadowed.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Paths that belong to the API whatever the request accepts. */
const API_PATH = /^\/(v1(\/|$)|openapi\.json$|docs(\/|$)|healthz$|readyz$)/;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

export const BUILD_HINT = "npm run build -w apps/web";

/**
 * Where the built dashboard is: $NEWSFUSE_WEB_DIST, else `dist` of the `@newsfuse/web` workspace
 * (found through node_modules, so this holds wherever the API's code runs from).
 */
export function dashboardDir(env: Record<string, string | undefined> = process.env): string {
  if (env.NEWSFUSE_WEB_DIST) return resolve(env.NEWSFUSE_WEB_DIST);
  try {
    const pkg = createRequire(import.meta.url).resolve("@newsfuse/web/package.json");
    return join(dirname(pkg), "dist");
  } catch {
    return resolve(import.meta.dirname ?? ".", "../../web/dist");
  }
}

export type DashboardStatus = { built: true; dir: string } | { built: false; dir: string; message: string };

/** Whether the dashboard is built, and if not, what to run: `newsfuse serve` prints it at start. */
export function dashboardStatus(dir: string = dashboardDir()): DashboardStatus {
  if (existsSync(join(dir, "index.html"))) return { built: true, dir };
  return {
    built: false,
    dir,
    message: `the web dashboard is not built (no ${join(dir, "index.html")}); build it with \`${BUILD_HINT}\` (npm start does it)`,
  };
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsfuse: dashboard not built</title></head>
<body><main><h1>The newsfuse dashboard is not built</h1>
<p>This server answers the API (<a href="/docs">/docs</a>, <a href="/openapi.json">/openapi.json</a>, <code>/v1/...</code>),
but the web dashboard has not been built yet. Build it with</p>
<pre><code>${BUILD_HINT}</code></pre>
<p>and reload this page (<code>npm start</code> builds it for you).</p></main></body></html>
`;

const wantsHtml = (accept: string | undefined) => !!accept && /\btext\/html\b/.test(accept);

async function fileAt(dir: string, path: string): Promise<string | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (rel.includes("\0")) return null;
  const file = resolve(dir, `.${rel}`);
  // Never outside the build directory, whatever `..` or encoded separators the path holds.
  if (file !== dir && !file.startsWith(dir + sep)) return null;
  const s = await stat(file).catch(() => null);
  return s?.isFile() ? file : null;
}

/**
 * Serves the dashboard's files for GET and HEAD, and its index.html for any other path a browser asks
 * for as a page (the client routes: `/stories/…`, `/articles/…`). Requests for the API, and non-HTML
 * requests for unknown paths (`GET /` from curl), pass through to the API unchanged.
 */
export function serveDashboard(opts: { dir?: string } = {}): MiddlewareHandler {
  const dir = resolve(opts.dir ?? dashboardDir());
  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== "GET" && method !== "HEAD") || API_PATH.test(path)) return next();
    const page = wantsHtml(c.req.header("accept"));
    const index = join(dir, "index.html");
    const file = path === "/" ? null : await fileAt(dir, path);
    if (!file && !page) return next();
    if (!file && !existsSync(index)) {
      c.header("Content-Security-Policy", DASHBOARD_CSP);
      c.header("Cache-Control", "no-store");
      return c.html(NOT_BUILT_PAGE, 503);
    }
    const served = file ?? index;
    const body = await readFile(served);
    const headers: Record<string, string> = {
      "Content-Type": TYPES[extname(served)] ?? "application/octet-stream",
      "Content-Security-Policy": DASHBOARD_CSP,
      // Vite names built assets by their content hash: they never change under the same name.
      "Cache-Control": served.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
      "Referrer-Policy": "same-origin",
    };
    return method === "HEAD" ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
  };
}
