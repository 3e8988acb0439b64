import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, createRouter, type RouterHistory } from "@tanstack/react-router";
import type { DashboardClient } from "./lib/client.ts";
import { q } from "./lib/queries.ts";
import { articleSearch, searchSearch, sourcesSearch, storiesSearch, storySearch } from "./lib/search-params.ts";
import { Layout } from "./components/Layout.tsx";
import { ErrorNote, NotFound } from "./components/Status.tsx";

export interface RouterContext {
  queryClient: QueryClient;
  client: DashboardClient;
}

const root = createRootRouteWithContext<RouterContext>()({ component: Layout, notFoundComponent: NotFound });

// Each page's component is its own chunk (`.lazy`); loaders stay here so data is fetched while it loads.
const stories = createRoute({
  getParentRoute: () => root,
  path: "/",
  validateSearch: storiesSearch,
}).lazy(() => import("./routes/stories.tsx").then((m) => m.Route));

const story = createRoute({
  getParentRoute: () => root,
  path: "/stories/$id",
  validateSearch: storySearch,
  loader: ({ context: { queryClient, client }, params }) => queryClient.ensureQueryData(q.bundle(client, params.id)),
}).lazy(() => import("./routes/story.tsx").then((m) => m.Route));

const article = createRoute({
  getParentRoute: () => root,
  path: "/articles/$id",
  validateSearch: articleSearch,
  loader: ({ context: { queryClient, client }, params }) => queryClient.ensureQueryData(q.article(client, params.id)),
}).lazy(() => import("./routes/article.tsx").then((m) => m.Route));

const entity = createRoute({
  getParentRoute: () => root,
  path: "/entities/$id",
  loader: ({ context: { queryClient, client }, params }) => queryClient.ensureQueryData(q.entity(client, params.id)),
}).lazy(() => import("./routes/entity.tsx").then((m) => m.Route));

const search = createRoute({ getParentRoute: () => root, path: "/search", validateSearch: searchSearch }).lazy(() =>
  import("./routes/search.tsx").then((m) => m.Route),
);

const add = createRoute({ getParentRoute: () => root, path: "/add" }).lazy(() =>
  import("./routes/add.tsx").then((m) => m.Route),
);

const sources = createRoute({
  getParentRoute: () => root,
  path: "/sources",
  validateSearch: sourcesSearch,
  loader: ({ context: { queryClient, client } }) => queryClient.ensureQueryData(q.sources(client)),
}).lazy(() => import("./routes/sources.tsx").then((m) => m.Route));

const routeTree = root.addChildren([stories, story, article, entity, search, add, sources]);

export function makeRouter(context: RouterContext, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context,
    history,
    defaultPreload: "intent",
    // A failed loader (a story that is not there, the API down) shows the API's message in the page.
    defaultErrorComponent: ({ error }) => <ErrorNote error={error} />,
    // Loaders only warm the query cache; the components read it through their hooks.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
