import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderAt, useSeededClient } from "../../test/harness.tsx";

const seeded = useSeededClient();
const now = new Date("2026-01-05T10:00:00Z");

// A feed on the loopback for the page's own subscribe form (the operator's switch lets the API fetch it).
let site: Server;
let siteUrl = "";
beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.url === "/atom.xml") {
      res.writeHead(200, { "content-type": "application/atom+xml" });
      res.end(
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback Atom</title>` +
          `<entry><title>One</title><id>tag:one</id><link href="${siteUrl}/one.html"/><summary>One.</summary></entry></feed>`,
      );
    } else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => site.listen(0, "127.0.0.1", ok));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((ok) => site.close(ok));
});

async function subscribe(url: string, title: string | null, poll?: { error: string; httpStatus: number }) {
  const { source } = await seeded.store.sources.add({ url, title, addedBy: "cli" }, { now, intervalSeconds: 900 });
  if (poll)
    await seeded.store.sources.recordPoll(source.id, {
      at: now,
      status: "error",
      httpStatus: poll.httpStatus,
      nextPollAt: new Date("2026-01-05T10:30:00Z"),
      intervalSeconds: 1800,
      failures: 2,
      error: poll.error,
      newItems: 0,
    });
  return source;
}

describe("the sources page", () => {
  it("says how to subscribe when the store follows no feed, and hides the nav link", async () => {
    renderAt(seeded.client, "/sources");
    expect(await screen.findByText(/No feed is subscribed yet/)).toBeDefined();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).queryByRole("link", { name: "Sources" })).toBeNull();
  });

  it("shows each feed's health from GET /v1/sources, the failing ones marked, with the nav link", async () => {
    await subscribe("https://news.example/feed.xml", "Example News", undefined);
    await subscribe("javascript:alert(1)//feed", "<b>Odd</b> feed", {
      error: "HTTP 503 Service Unavailable",
      httpStatus: 503,
    });
    const { router } = renderAt(seeded.client, "/sources");
    const table = await screen.findByRole("table");
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(await within(nav).findByRole("link", { name: "Sources" })).toBeDefined();

    const good = within(table).getByRole("row", { name: /Example News/ });
    const cells = within(good)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    // Status, HTTP, last fetch, items seen, next poll, interval, failures, last error.
    expect(cells.slice(0, 8)).toEqual([
      "not fetched yet",
      "–",
      "never",
      "0",
      "Jan 5, 2026, 10:00 UTC",
      "15 min",
      "0",
      "–",
    ]);
    expect(within(good).getByRole("link", { name: "https://news.example/feed.xml" }).getAttribute("href")).toBe(
      "https://news.example/feed.xml",
    );

    // Feed text is text: the title's markup is shown, not applied, and a javascript: URL is never a link.
    const bad = within(table).getByRole("row", { name: /<b>Odd<\/b> feed/ });
    expect(within(bad).getByText("HTTP 503 Service Unavailable")).toBeDefined();
    expect(within(bad).getByText("error").className).toContain("bad");
    expect(within(bad).getByText("30 min")).toBeDefined();
    expect(within(bad).queryAllByRole("link")).toEqual([]);
    expect(table.querySelector("b")).toBeNull();

    // "Only the failing feeds" is in the URL, so the view can be linked.
    await userEvent.click(screen.getByRole("link", { name: "Show only the failing feeds" }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ failing: true }));
    await waitFor(() => expect(screen.queryByRole("row", { name: /Example News/ })).toBeNull());
    expect(screen.getByRole("row", { name: /Odd/ })).toBeDefined();
  });

  it("removes a feed from the keyboard and lists what is left", async () => {
    renderAt(seeded.client, "/sources");
    const button = await screen.findByRole("button", { name: "Remove Example News" });
    button.focus();
    await userEvent.keyboard("{Enter}");
    expect(await screen.findByText("Removed Example News.")).toBeDefined();
    await waitFor(() => expect(screen.queryByRole("row", { name: /Example News/ })).toBeNull());
    expect((await seeded.client.listSources()).items.map((s) => s.title)).toEqual(["<b>Odd</b> feed"]);
  });

  it("subscribes to a feed typed in the form (POST /v1/sources) and lists it", { timeout: 30_000 }, async () => {
    vi.stubEnv("NEWSFUSE_FETCH_ALLOW_PRIVATE", "1");
    vi.stubEnv("NEWSFUSE_FETCH_DELAY_MS", "0");
    try {
      renderAt(seeded.client, "/sources");
      await screen.findByRole("table");
      await userEvent.type(screen.getByLabelText("Feed URL"), `${siteUrl}/atom.xml`);
      await userEvent.click(screen.getByRole("button", { name: "Subscribe" }));
      expect(await screen.findByText("Subscribed to Loopback Atom.", {}, { timeout: 20_000 })).toBeDefined();
      expect(await screen.findByRole("row", { name: /Loopback Atom/ })).toBeDefined();
      const added = (await seeded.client.listSources()).items.find((s) => s.title === "Loopback Atom");
      expect(added).toMatchObject({ url: `${siteUrl}/atom.xml`, addedBy: "api" });
      await seeded.client.removeSource(added!.id);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("shows the server's refusal of a feed it cannot take", async () => {
    renderAt(seeded.client, "/sources");
    await screen.findByRole("table");
    await userEvent.type(screen.getByLabelText("Feed URL"), "http://127.0.0.1:9/feed.xml");
    await userEvent.click(screen.getByRole("button", { name: "Subscribe" }));
    // An address on the loopback from an API caller is refused unless the operator allows it.
    const status = await screen.findByText(/./, { selector: "[role=status] p.bad" }, { timeout: 20_000 });
    expect(status.textContent).toMatch(/127\.0\.0\.1|loopback|private/i);
    expect((await seeded.client.listSources()).items).toHaveLength(1);
  });
});
