import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderAt, useSeededClient } from "../../test/harness.tsx";
import { spanLabel } from "../lib/labels.ts";

const seeded = useSeededClient();

describe("the stories page on the seeds", () => {
  it("lists the seed story with its counts", async () => {
    renderAt(seeded.client, "/");
    const table = await screen.findByRole("table");
    const row = within(table).getByRole("row", { name: /Blinken Trades Warnings/ });
    const cells = within(row)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    const [summary] = (await seeded.client.listStories()).items;
    // Span, articles, origins, outlets, events, quotes, disagreements: the five seeds about two meetings.
    expect(cells.slice(0, 7)).toEqual([
      spanLabel(summary.span),
      "5",
      String(summary.originCount),
      String(summary.outletCount),
      "2",
      String(summary.quoteCount),
      String(summary.discrepancyCount),
    ]);
    expect(summary.discrepancyCount).toBeGreaterThanOrEqual(3);
  });

  it("filters by outlet through the URL, so the view can be linked", async () => {
    const { router } = renderAt(seeded.client, "/");
    await screen.findByRole("table");
    await userEvent.type(screen.getByLabelText("Outlet"), "Bloomberg");
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ source: "Bloomberg" }));
    expect(await screen.findByText(/No story matches these filters/)).toBeDefined();
  });

  it("shows a new story as soon as the server has fused it (live, over SSE)", async () => {
    renderAt(seeded.client, "/", { live: true });
    await screen.findByRole("table");
    await waitFor(() => expect(screen.getByText("Live")).toBeDefined(), { timeout: 10_000 });
    const text =
      "ROME (Reuters) - Italy's parliament approved the 2027 budget on Tuesday after a late-night vote, " +
      "Prime Minister Giorgia Meloni said. \u201cThis budget protects families,\u201d Meloni told reporters in Rome.\n\n" +
      "The budget includes 30 billion euros of spending, the finance ministry said.";
    const r = await seeded.client.addRaw(text, "text/plain");
    expect(r.created).toBe(1);
    await waitFor(() => expect(screen.getAllByRole("row").length).toBe(3), { timeout: 20_000 });
    const titles = (await seeded.client.listStories()).items.map((x) => x.title);
    expect(titles).toHaveLength(2);
    for (const t of titles) expect(screen.getByRole("link", { name: t })).toBeDefined();
  });
});
