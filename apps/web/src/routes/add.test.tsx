import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderAt, useSeededClient } from "../../test/harness.tsx";

const seeded = useSeededClient();

const ARTICLE =
  "GENEVA (AP) - Swiss voters approved a new climate law on Sunday, the federal chancellery said. " +
  "\u201cThis is a clear mandate,\u201d Environment Minister Albert Roesti told reporters in Bern.\n\n" +
  "Turnout was 42 percent, officials said.";

describe("adding news from the dashboard", () => {
  it("stores a chosen file and reports the article it created, live", async () => {
    renderAt(seeded.client, "/add", { live: true });
    const input = (await screen.findByText("Choose files")).querySelector("input")!;
    await userEvent.upload(input, new File([ARTICLE], "swiss-vote.txt", { type: "text/plain" }));
    const job = await screen.findByText("swiss-vote.txt");
    const item = job.closest("li")!;
    await waitFor(() => expect(item.textContent).toMatch(/done/), { timeout: 20_000 });
    expect(item.textContent).toMatch(/Added swiss-vote\.txt|Added \S+/);
    expect(item.querySelector("a[href^='/articles/']")).not.toBeNull();
    expect((await seeded.client.stats()).articles).toBe(6);
  });

  it("shows each input's error as the API gives it", async () => {
    renderAt(seeded.client, "/add");
    const input = (await screen.findByText("Choose files")).querySelector("input")!;
    await userEvent.upload(input, new File(['{"text": ""}\nnot json\n'], "broken.jsonl"));
    const item = (await screen.findByText("broken.jsonl")).closest("li")!;
    await waitFor(() => expect(item.textContent).toMatch(/failed/), { timeout: 20_000 });
    expect(item.textContent).toMatch(/line 1/);
    expect(item.textContent).toMatch(/line 2/);
  });

  it("adds pasted text", async () => {
    renderAt(seeded.client, "/add");
    const box = await screen.findByLabelText(/paste an article/i);
    fireEvent.change(box, { target: { value: ARTICLE.replace("Sunday", "Monday").replace("42", "44") } });
    await userEvent.click(screen.getByRole("button", { name: /add the pasted article/i }));
    const item = (await screen.findByText("pasted text")).closest("li")!;
    await waitFor(() => expect(item.textContent).toMatch(/done/), { timeout: 20_000 });
    expect(item.textContent).toMatch(/copy of|Added/);
  });
});
