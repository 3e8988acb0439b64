import type { Store } from "@newsfuse/store";
import { createApp } from "./app.ts";
import { OPENAPI_INFO } from "./routes/system.ts";

/**
 * The API's OpenAPI 3.1 document, as `GET /openapi.json` serves it, without a store: the routes
 * describe themselves at registration, so a store that is never called is enough.
 */
export function openApiDocument(): Record<string, unknown> {
  const idle: Partial<Store> = { subscribe: () => () => {} };
  const app = createApp({ store: idle as Store, clock: () => 0 });
  return app.getOpenAPI31Document(OPENAPI_INFO) as unknown as Record<string, unknown>;
}
