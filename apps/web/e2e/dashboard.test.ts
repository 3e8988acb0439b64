import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "./browser.ts";
import { seededServer } from "./server.ts";

/** Two unrelated reports, one per mode, so neither is a copy of the other. */
const NEWS = {
  light:
    "OSLO (Reuters) - Norway's central bank raised its main interest rate on Thursday to 4.5 percent, Governor " +
    "Ida Wolden Bache said. \u201cInflation is too high,\u201d she told reporters.\n\nEconomists had expected the move.\n",
  dark:
    "NAIROBI (AP) - Kenya opened a new railway line to the Ugandan border on Saturday, President William Ruto " +
    "said at the opening ceremony. \u201cThis line will carry our trade,\u201d Ruto said.\n\nThe line cost $3 billion.\n",
};

/** Screenshots of every page, kept as the run's artifacts (gitignored). */
export const SHOTS = join(import.meta.dirname, "../test-results/e2e");

let server: Awaited<ReturnType<typeof seededServer>>;
let browser: Browser;
// A feed on the loopback to subscribe to from the Sources page (the operator's switch lets the server fetch it).
let feeds: Server;
let feedsUrl = "";
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  feeds = createServer((req, res) => {
    const m = /^\/(light|dark)\.xml$/.exec(req.url ?? "");
    if (!m) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/atom+xml" });
    res.end(
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback ${m[1]}</title>` +
        `<entry><title>One</title><id>tag:${m[1]}</id><link href="${feedsUrl}/one.html"/><summary>One.</summary></entry></feed>`,
    );
  });
  await new Promise<void>((ok) => feeds.listen(0, "127.0.0.1", ok));
  feedsUrl = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
  process.env.NEWSFUSE_FETCH_ALLOW_PRIVATE = "1";
  process.env.NEWSFUSE_FETCH_DELAY_MS = "0";
  [server, browser] = await Promise.all([seededServer(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((ok) => feeds?.close(ok));
  delete process.env.NEWSFUSE_FETCH_ALLOW_PRIVATE;
  delete process.env.NEWSFUSE_FETCH_DELAY_MS;
});

/** axe's serious and critical findings on the page as it is now (WCAG 2.1 A/AA rules). */
async function axeProblems(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function check(page: Page, name: string, mode: string) {
  await page.screenshot({ path: join(SHOTS, `${name}-${mode}.png`), fullPage: true });
  expect(await axeProblems(page), `${name} in ${mode} mode`).toEqual([]);
}

for (const mode of ["light", "dark"] as const) {
  describe(`the dashboard in ${mode} mode, on the real server with the seeds`, () => {
    let ctx: BrowserContext;
    let page: Page;
    const errors: string[] = [];
    beforeAll(async () => {
      ctx = await browser.newContext({ colorScheme: mode, viewport: { width: 1280, height: 900 } });
      page = await ctx.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    });
    afterAll(() => ctx?.close());

    it("opens the stories page and the seed story from it", async () => {
      await page.goto(`${server.url}/`);
      const link = page.getByRole("link", { name: /Blinken Trades Warnings/ });
      await link.waitFor();
      await expect(page.locator("html").getAttribute("data-theme")).resolves.toBe(mode);
      await check(page, "stories", mode);
      await link.click();
      await page.getByRole("heading", { level: 1, name: /Blinken Trades Warnings/ }).waitFor();
      expect(await page.locator(".counts").textContent()).toMatch(
        /5 articles · \d+ independent origins? · \d+ outlets?/,
      );
    });

    it("finds Biden's “minor incursion” in the matrix with both outlets, and the troop-figure disagreement", async () => {
      const row = page.locator("table.matrix tr", { hasText: "minor incursion" });
      await row.waitFor();
      expect(await row.locator("th").textContent()).toContain("Joe Biden");
      const cells = await row.locator("td .sr-only").allTextContents();
      expect(cells).toContain("AP: verbatim");
      expect(cells).toContain("Article 004: verbatim");
      const troops = page.locator(".disagreement", { hasText: "Russian troops" });
      for (const v of ["more than 90,000", "nearly 100,000", "more than 100,000"])
        await troops.locator(".v", { hasText: v }).first().waitFor();
      await troops.getByRole("link", { name: "Reuters" }).first().waitFor();
      await troops.locator(".sentence", { hasText: "more than 90,000 troops" }).waitFor();
      // Charts are drawn by Observable Plot, loaded with the page.
      await page.locator("#figures .plot svg").first().waitFor();
      await check(page, "story", mode);
    });

    it("opens 001 from the disagreements and shows its conflicting date explained", async () => {
      await page
        .locator(".disagreement", { hasText: "stated date" })
        .getByRole("link", { name: "Article 001" })
        .click();
      const note = page.getByRole("note");
      await note.waitFor();
      expect(await note.textContent()).toMatch(/2024-04-19.*contradicts the text/);
      await page.locator(".body a.hl.quote").first().click();
      await page.getByRole("complementary", { name: /selected quote/i }).waitFor();
      await check(page, "article", mode);
    });

    it("opens an entity and searches", async () => {
      await page.goto(`${server.url}/entities/person:sergey-lavrov`);
      await page.getByRole("heading", { level: 1, name: /Lavrov/ }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Roles over time" }).waitFor();
      await page.locator(".roles-time time").first().waitFor();
      await check(page, "entity", mode);
      await page.goto(`${server.url}/search?q=Lavrov`);
      await page.getByRole("heading", { name: /^Quotes \(\d+\)/ }).waitFor();
      await check(page, "search", mode);
    });

    it("adds a file and watches it arrive in the stories list", { timeout: 90_000 }, async () => {
      const file = join(tmpdir(), `newsfuse-e2e-${mode}.txt`);
      writeFileSync(file, NEWS[mode]);
      await page.goto(`${server.url}/add`);
      await page.getByText("Live").waitFor();
      await page.locator("input[type=file]").setInputFiles(file);
      const job = page.locator("li.job", { hasText: `newsfuse-e2e-${mode}.txt` });
      await job.locator(".tag", { hasText: "done" }).waitFor({ timeout: 30_000 });
      expect(await job.textContent()).toMatch(/Added/);
      await check(page, "add", mode);
      const story = await job.getByRole("link", { name: "its story" }).getAttribute("href");
      expect(story).toMatch(/^\/stories\/story-/);
      // The list updates itself from the event stream once the server has fused the new story.
      await page.getByRole("link", { name: "Stories", exact: true }).click();
      await page.locator(`table.stories a[href="${story}"]`).waitFor({ timeout: 30_000 });
    });

    it("subscribes to a feed on the Sources page from the keyboard, lists its health and removes it", async () => {
      await page.goto(`${server.url}/sources`);
      await page.getByText(/No feed is subscribed yet/).waitFor();
      await page.getByLabel("Feed URL").focus();
      await page.keyboard.type(`${feedsUrl}/${mode}.xml`);
      await page.keyboard.press("Enter");
      await page.getByText(`Subscribed to Loopback ${mode}.`).waitFor({ timeout: 30_000 });
      const row = page.getByRole("row", { name: new RegExp(`Loopback ${mode}`) });
      await row.waitFor();
      expect(await row.textContent()).toContain("not fetched yet");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).waitFor();
      await check(page, "sources", mode);
      await row.getByRole("button", { name: `Remove Loopback ${mode}` }).focus();
      await page.keyboard.press("Enter");
      await page.getByText(`Removed Loopback ${mode}.`).waitFor();
      await page.getByText(/No feed is subscribed yet/).waitFor();
    });

    it("logs no error, CSP violations included", () => {
      expect(errors).toEqual([]);
    });
  });
}

describe("the dashboard at 375 px, from the keyboard", () => {
  it("fits the story page in a phone's width and reaches the story with Tab and Enter", async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: /Blinken Trades Warnings/ }).waitFor();
    const focused: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const f =
        (await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)) ?? "";
      focused.push(f.slice(0, 40));
      if (/^A Blinken Trades/.test(f)) break;
    }
    expect(focused.at(-1), focused.join(" | ")).toMatch(/^A Blinken Trades/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /Blinken Trades Warnings/ }).waitFor();
    await page.locator("table.matrix").waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SHOTS, "story-375px.png"), fullPage: true });
    await ctx.close();
  });
});
