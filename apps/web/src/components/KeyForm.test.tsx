import { createApp } from "@newsfuse/api";
import { createClient } from "@newsfuse/client";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderAt, useSeededClient } from "../../test/harness.tsx";
import { apiKey, keyedFetch } from "../lib/api-key.ts";

const seeded = useSeededClient();
const KEY = "a-long-enough-test-key-0123456789";

describe("a server that needs an API key to read", () => {
  it("asks for the key, keeps it for the tab only and shows the stories with it", async () => {
    const app = createApp({
      store: seeded.store,
      clock: Date.now,
      config: { rateLimit: null, apiKey: KEY, reads: "key" },
      dashboard: false,
    });
    const client = createClient({
      baseUrl: "http://newsfuse.test",
      fetch: keyedFetch((async (req: Request) => app.fetch(req)) as typeof fetch),
    });
    renderAt(client, "/");
    await screen.findByText(/needs an API key to read/);
    await userEvent.type(screen.getByLabelText("API key"), KEY);
    await userEvent.click(screen.getByRole("button", { name: "Use this key" }));
    expect(await screen.findByRole("link", { name: /Blinken Trades Warnings/ })).toBeDefined();
    expect(apiKey()).toBe(KEY);
    expect(sessionStorage.getItem("newsfuse.apiKey")).toBe(KEY);
    expect(localStorage.getItem("newsfuse.apiKey")).toBeNull();
  });
});
