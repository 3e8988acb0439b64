import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGET, DIST, bundleSizes, closure, manifest } from "./bundle-sizes.ts";

describe("the built dashboard", () => {
  const sizes = bundleSizes();

  it(`loads at most ${BUDGET.initialJs} kB of JavaScript (gzip) before the first page`, () => {
    expect(sizes.initialJs).toBeLessThanOrEqual(BUDGET.initialJs);
  });

  it(`keeps every route's chunk, and every other chunk, under ${BUDGET.chunk} kB gzip`, () => {
    expect(sizes.routes.map((r) => r.route).sort()).toEqual(
      ["add", "article", "entity", "search", "sources", "stories", "story"].map((r) => `src/routes/${r}.tsx`),
    );
    for (const r of sizes.routes) expect(r.chunk, r.route).toBeLessThanOrEqual(BUDGET.chunk);
    for (const c of sizes.chunks) expect(c.kb, c.file).toBeLessThanOrEqual(BUDGET.chunk);
  });

  it(`ships at most ${BUDGET.css} kB of CSS (gzip)`, () => {
    expect(sizes.css).toBeLessThanOrEqual(BUDGET.css);
  });

  it("loads Observable Plot only with a chart, never with the entry", () => {
    const m = manifest();
    const entry = Object.keys(m).find((k) => m[k].isEntry)!;
    const initial = [...closure(m, entry)].map((k) => m[k].file).join(" ");
    expect(initial).not.toMatch(/plot|d3/);
    expect(Object.values(m).some((c) => /assets\/plot-/.test(c.file))).toBe(true);
  });

  it("has no inline script and loads nothing from another host", () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe("");
      expect(attrs).toMatch(/src="\/assets\//);
    }
    expect(html).not.toMatch(/\s(?:src|href)="(?:https?:)?\/\//);
    const css = Object.values(manifest())
      .flatMap((c) => c.css ?? [])
      .map((f) => readFileSync(join(DIST, f), "utf8"))
      .join("");
    expect(css).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//);
    expect(css).not.toMatch(/@import/);
  });
});
