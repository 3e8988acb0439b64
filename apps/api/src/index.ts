export { createApp, type CreateAppOptions } from "./app.ts";
export { ApiConfig, configFromEnv, type ApiConfigInput } from "./config.ts";
export type { App, LogEntry, Logger } from "./context.ts";
export { ApiFailure, ErrorBody, STATUS, type ApiErrorCode } from "./errors.ts";
export { GROUP_COMMIT_MAX } from "./ingest-queue.ts";
export { startServer, jsonLogger, type RunningServer } from "./server.ts";
export { dashboardDir, dashboardStatus, serveDashboard, type DashboardStatus } from "./dashboard.ts";
export { OPENAPI_INFO } from "./routes/system.ts";
export { openApiDocument } from "./openapi-document.ts";
