import type { NewsfuseClient } from "@newsfuse/client";
import { createContext, useContext } from "react";

/**
 * The typed client of `@newsfuse/client`. Pages and hooks get it from context, so the browser passes
 * the client over `window.fetch` and tests pass the same client over an in-process app.
 */
export type DashboardClient = NewsfuseClient;

export const ClientContext = createContext<DashboardClient | null>(null);

export function useClient(): DashboardClient {
  const c = useContext(ClientContext);
  if (!c) throw new Error("useClient needs a <ClientContext.Provider>");
  return c;
}

/** The API's coded error as the client throws it; anything else is shown by its message. */
export interface ApiErrorLike {
  code: string;
  status: number;
  message: string;
  details?: Array<{ path: string; message: string }>;
}

export function asApiError(e: unknown): ApiErrorLike {
  const x = e as Partial<ApiErrorLike> | null;
  if (x && typeof x.code === "string" && typeof x.status === "number")
    return { code: x.code, status: x.status, message: x.message ?? x.code, details: x.details ?? [] };
  return { code: "network", status: 0, message: (e as Error)?.message ?? String(e), details: [] };
}
