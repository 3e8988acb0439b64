import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { renderAt, useSeededClient } from "../../test/harness.tsx";

const seeded = useSeededClient();
let storyId: string;
beforeAll(async () => {
  storyId = (await seeded.client.listStories()).items[0].id;
});

describe("the story page on the seeds", () => {
  it("heads the story with its articles, independent origins and outlets", async () => {
    renderAt(seeded.client, `/stories/${storyId}`);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toMatch(/Blinken/);
    const counts = document.querySelector(".counts")!;
    const b = await seeded.client.getStoryBundle(storyId);
    const outlets = new Set(b.articles.map((a) => a.outlet ?? a.agency).filter(Boolean)).size;
    expect(b.originCount).toBeGreaterThanOrEqual(4);
    expect(counts.textContent).toContain(`5 articles · ${b.originCount} independent origins · ${outlets} outlets`);
  });

  it("shows Biden's “minor incursion” carried verbatim by AP and by article 004 in the coverage matrix", async () => {
    renderAt(seeded.client, `/stories/${storyId}`);
    const matrix = await screen.findByRole("table", { name: /quotes by the outlets/i });
    const row = within(matrix)
      .getAllByRole("row")
      .find((r) => /minor incursion/.test(r.textContent ?? ""))!;
    expect(row).toBeDefined();
    expect(row.textContent).toContain("Joe Biden");
    const cells = within(row)
      .getAllByRole("cell")
      .map((c) => c.querySelector(".sr-only")?.textContent);
    expect(cells).toContain("AP: verbatim");
    expect(cells).toContain("Article 004: verbatim");
    expect(cells.filter((c) => /absent/.test(c ?? ""))).toHaveLength(3);
  });

  it("selecting a quote lists each outlet's wording, linked to its place in the article", async () => {
    const { router } = renderAt(seeded.client, `/stories/${storyId}`);
    const matrix = await screen.findByRole("table", { name: /quotes by the outlets/i });
    const link = within(matrix).getByRole("link", { name: /“minor incursion\.”/ });
    await userEvent.click(link);
    await waitFor(() => expect(router.state.location.search).toMatchObject({ quote: expect.stringMatching(/^q-/) }));
    const panel = document.querySelector(".panel")!;
    expect(panel.textContent).toMatch(/AP: “minor incursion”/);
    expect(within(panel as HTMLElement).getAllByRole("link").length).toBeGreaterThanOrEqual(2);
  });

  it("sets the troop figures side by side with their outlets and the sentences they came from", async () => {
    renderAt(seeded.client, `/stories/${storyId}`);
    const section = await screen.findByRole("region", { name: /what the sources disagree on/i });
    const troops = within(section)
      .getAllByRole("listitem")
      .find((li) => li.classList.contains("disagreement") && /Russian troops/.test(li.textContent ?? ""))!;
    for (const v of ["more than 90,000", "nearly 100,000", "more than 100,000", "100,000"])
      expect(within(troops).getAllByText(v, { selector: ".v" }).length).toBeGreaterThan(0);
    expect(within(troops).getAllByRole("link", { name: "Reuters" }).length).toBeGreaterThan(0);
    await waitFor(() => expect(troops.textContent).toMatch(/massed more than 90,000 troops/), {
      timeout: 10_000,
    });
  });

  it("explains 001's conflicting date from the date checks", async () => {
    renderAt(seeded.client, `/stories/${storyId}`);
    const section = await screen.findByRole("region", { name: /what the sources disagree on/i });
    expect(section.textContent).toMatch(/Article 001 stated date against its content/);
    expect(section.textContent).toMatch(/stated date 2024-04-19 \(a Friday\) contradicts the text/);
  });

  it("draws the two events in order, the undated one hollow, the announcement linked to its event", async () => {
    renderAt(seeded.client, `/stories/${storyId}`);
    const timeline = (await screen.findByRole("region", { name: /timeline/i })).querySelector("ol")!;
    const items = [...timeline.children];
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toMatch(/Dec 2, 2021.*meeting in Stockholm/);
    expect(items[0].textContent).toMatch(/Announced beforehand by Article 001/);
    expect(items[1].className).toBe("undated");
    expect(items[1].textContent).toMatch(/date unknown.*meeting in Geneva/);
  });

  it("lists the independent origins: AP's wire story and the original reports", async () => {
    renderAt(seeded.client, `/stories/${storyId}`);
    const section = await screen.findByRole("region", { name: /origins and copies/i });
    expect(section.textContent).toMatch(/5 articles go back to 5 independent origins/);
    expect(section.textContent).toMatch(/Wire story · AP/);
  });

  it("shows a story that does not exist as not found, with a way back", async () => {
    renderAt(seeded.client, "/stories/story-nope");
    expect((await screen.findByRole("alert")).textContent).toMatch(/Not found/);
    expect(screen.getByRole("link", { name: /back to the stories/i })).toBeDefined();
  });
});
