import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { browserClient } from "./lib/browser-client.ts";
import { ClientContext } from "./lib/client.ts";
import { LiveEvents } from "./lib/live.tsx";
import { makeRouter } from "./router.tsx";
import "./styles.css";

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, retry: (n, e) => n < 2 && (e as { status?: number }).status === 0 } },
});
const client = browserClient();
const router = makeRouter({ queryClient, client });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ClientContext.Provider value={client}>
        <LiveEvents>
          <RouterProvider router={router} />
        </LiveEvents>
      </ClientContext.Provider>
    </QueryClientProvider>
  </StrictMode>,
);
