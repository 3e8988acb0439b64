// Screenshots of dashboard pages for a person to look at:
// `node --import tsx scripts/shoot.ts <base-url> <out-dir> name=/path ...` (light, dark and 375 px wide).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch } from "../e2e/browser.ts";

const [base, out, ...pages] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await launch();
for (const spec of pages) {
  const at = spec.indexOf("=");
  const [name, path] = [spec.slice(0, at), spec.slice(at + 1)];
  for (const [mode, opts] of [
    ["light", { colorScheme: "light", viewport: { width: 1280, height: 900 } }],
    ["dark", { colorScheme: "dark", viewport: { width: 1280, height: 900 } }],
    ["mobile", { colorScheme: "light", viewport: { width: 375, height: 812 } }],
  ] as const) {
    const ctx = await browser.newContext(opts);
    const page = await ctx.newPage();
    page.on("console", (m) => m.type() === "error" && console.log(`[${name}/${mode}] console: ${m.text()}`));
    page.on("pageerror", (e) => console.log(`[${name}/${mode}] error: ${e.message}`));
    // The event stream stays open, so "network idle" never comes: wait for the page's heading instead.
    await page.goto(base + path, { waitUntil: "load" });
    await page.locator("h1").first().waitFor();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(out, `${name}-${mode}.png`), fullPage: true });
    await ctx.close();
  }
}
await browser.close();
