import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderAt, useSeededClient } from "../../test/harness.tsx";

const seeded = useSeededClient();
const A001 = "001_57e72f795a792d39.txt";
const A004 = "004_96b30b9797db3545.txt";

describe("the article page on the seeds", () => {
  it("explains 001's conflicting date next to its stated date", async () => {
    renderAt(seeded.client, `/articles/${A001}`);
    const note = await screen.findByRole("note");
    expect(note.textContent).toMatch(/Date conflict/);
    expect(note.textContent).toMatch(/2024-04-19 \(a Friday\) contradicts the text/);
    expect(document.querySelector(".dates")!.textContent).toMatch(/Published: Apr 19, 2024/);
  });

  it("renders the cleaned body exactly, with quotes, entities and figures marked from their spans", async () => {
    renderAt(seeded.client, `/articles/${A001}`);
    await screen.findByRole("note");
    const { article } = await seeded.client.getArticle(A001);
    const body = document.querySelector(".body")!;
    // Paragraph breaks aside, the text on the page is the body, character for character.
    expect(body.textContent).toBe(article.body.replace(/\n\s*\n/g, ""));
    const quotes = body.querySelectorAll("a.hl.quote");
    expect(quotes.length).toBeGreaterThan(5);
    expect(quotes[0].textContent).toBe(article.body.slice(article.quotes[0].start, article.quotes[0].end));
    expect(body.querySelectorAll("mark.hl.entity.person").length).toBeGreaterThan(0);
    const troops = [...body.querySelectorAll("mark.hl.number")].map((m) => m.textContent);
    expect(troops).toContain("nearly 100,000 Russian troops");
  });

  it("selecting a quote shows its speaker and the other outlets that carry it", async () => {
    const { router } = renderAt(seeded.client, `/articles/${A004}`);
    const body = await waitFor(() => {
      const b = document.querySelector(".body");
      if (!b) throw new Error("no body yet");
      return b as HTMLElement;
    });
    const quote = within(body)
      .getAllByRole("link")
      .find((a) => a.textContent === "minor incursion.")!;
    await userEvent.click(quote);
    await waitFor(() => expect(router.state.location.search).toMatchObject({ at: expect.any(Number) }));
    const panel = await screen.findByRole("complementary", { name: /selected quote/i });
    expect(panel.textContent).toMatch(/Said by Joe Biden/);
    await waitFor(() => expect(panel.textContent).toMatch(/Also carried by\s*AP: “minor incursion”/));
  });

  it("shows what cleaning removed only when asked, and says there is no copy of the text", async () => {
    renderAt(seeded.client, `/articles/${A001}`);
    const toggle = await screen.findByRole("checkbox", { name: /taken out of the text/ });
    expect(document.querySelector(".removed")).toBeNull();
    await userEvent.click(toggle);
    await waitFor(() => expect(document.querySelector(".removed")).not.toBeNull());
    expect(document.querySelectorAll(".removed .item").length).toBeGreaterThan(0);
    expect(screen.getByRole("region", { name: /copies of this text/i }).textContent).toMatch(/No other article/);
  });
});

describe("an article with a copy", () => {
  it("shows its duplicate group and a side-by-side diff against its nearest copy", async () => {
    const { article } = await seeded.client.getArticle("003_6c04b11d307fba50.txt");
    const copy = `${article.title}\n\n${article.body}\n\nThe ministers are to meet again next month, officials said.\n`;
    const r = await seeded.client.addRaw(copy, "text/plain");
    const result = r.results[0];
    expect(result.status).toBe("duplicate");
    const id = result.status === "duplicate" ? result.id : "";
    renderAt(seeded.client, `/articles/${encodeURIComponent(id)}`);
    const section = await screen.findByRole("region", { name: /copies of this text/i });
    expect(section.textContent).toMatch(/One of 2 copies/);
    expect(section.textContent).toMatch(/% similar/);
    const added = await waitFor(() => {
      const ins = section.querySelectorAll("del");
      if (!ins.length) throw new Error("no diff yet");
      return [...ins].map((x) => x.textContent).join(" ");
    });
    expect(added).toMatch(/meet again next month/);
  });
});
