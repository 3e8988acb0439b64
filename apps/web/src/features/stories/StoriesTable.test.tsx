import { QueryClient } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useSeededClient } from "../../../test/harness.tsx";
import { StoriesTable, VIRTUAL_FROM } from "./StoriesTable.tsx";

const seeded = useSeededClient();

/** The table alone, given `n` stories (the seed story's summary under n ids), in a router for its links. */
async function renderTable(n: number) {
  const [seed] = (await seeded.client.listStories()).items;
  const stories = Array.from({ length: n }, (_, i) => ({
    ...seed,
    id: `${seed.id}-${i}`,
    title: `${seed.title} #${i}`,
  }));
  const root = createRootRoute({ component: () => <StoriesTable stories={stories} /> });
  const story = createRoute({ getParentRoute: () => root, path: "/stories/$id" });
  const router = createRouter({
    routeTree: root.addChildren([story]),
    history: createMemoryHistory({ initialEntries: ["/"] }),
    context: { queryClient: new QueryClient() },
  });
  render(<RouterProvider router={router} />);
  return screen.findByRole("table");
}

describe("the stories table", () => {
  it("renders every row of a short list", async () => {
    const table = await renderTable(20);
    expect(table.querySelectorAll("tbody tr:not(.spacer)")).toHaveLength(20);
  });

  it(`renders only the visible rows past ${VIRTUAL_FROM} stories`, async () => {
    const table = await renderTable(5000);
    const rows = table.querySelectorAll("tbody tr:not(.spacer)").length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(100);
    // The spacer keeps the scroll height of all the rows.
    expect(table.querySelector("tbody tr.spacer")).not.toBeNull();
  });
});
