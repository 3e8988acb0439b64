import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { StoryListQuery } from "@newsfuse/client";
import type { DashboardClient } from "./client.ts";

/**
 * Every query the dashboard makes, keyed so that a live `story.*` event can invalidate exactly the
 * views it changes (`["stories"]`, `["story", id]`).
 */
export const q = {
  stories: (c: DashboardClient, filter: Omit<StoryListQuery, "cursor" | "limit">) =>
    infiniteQueryOptions({
      queryKey: ["stories", filter],
      queryFn: ({ pageParam }) => c.listStories({ ...filter, cursor: pageParam ?? undefined, limit: 200 }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  bundle: (c: DashboardClient, id: string) =>
    queryOptions({ queryKey: ["story", id, "bundle"], queryFn: () => c.getStoryBundle(id) }),
  article: (c: DashboardClient, id: string) =>
    queryOptions({ queryKey: ["article", id], queryFn: () => c.getArticle(id), staleTime: 60_000 }),
  entity: (c: DashboardClient, id: string) =>
    queryOptions({ queryKey: ["entity", id], queryFn: () => c.getEntity(id) }),
  search: (c: DashboardClient, text: string) =>
    queryOptions({ queryKey: ["search", text], queryFn: () => c.search(text), enabled: text.trim().length > 0 }),
  // Health changes with every poll: always refetched on mount, and every half minute while shown.
  sources: (c: DashboardClient) =>
    queryOptions({ queryKey: ["sources"], queryFn: () => c.listSources(), staleTime: 0, refetchInterval: 30_000 }),
  stats: (c: DashboardClient) => queryOptions({ queryKey: ["stats"], queryFn: () => c.stats() }),
};
