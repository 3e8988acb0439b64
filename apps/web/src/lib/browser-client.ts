import { createClient } from "@newsfuse/client";
import { keyedFetch } from "./api-key.ts";
import type { DashboardClient } from "./client.ts";

/** The typed client over this origin (the server that served the dashboard also serves the API). */
export function browserClient(): DashboardClient {
  return createClient({ baseUrl: location.origin, fetch: keyedFetch() });
}
