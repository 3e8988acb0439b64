import type { z } from "@hono/zod-openapi";
import type { ErrorCode as CoreErrorCode } from "@newsfuse/core";
import type { ApiErrorCode, ErrorDetail } from "@newsfuse/core/schema";
import { ErrorBodySchema } from "./schemas.ts";

/**
 * Every error the API can answer with (core's `ApiErrorCode` enum): core's codes are included so a
 * domain error travels to the client unchanged; the API adds the HTTP-only ones.
 */
export type { ApiErrorCode, ErrorDetail };
export const ErrorBody = ErrorBodySchema;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// Fails to compile when core gains a domain code the API's enum does not carry.
const coreCodesCovered = <T extends true>() => undefined as unknown as T;
coreCodesCovered<CoreErrorCode extends ApiErrorCode ? true : false>();

/** THE code-to-status table: the only place an error code becomes an HTTP status. */
export const STATUS: Record<ApiErrorCode, 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 431 | 500 | 503> =
  {
    bad_request: 400,
    schema_violation: 400,
    input_malformed: 400,
    input_missing: 400,
    input_empty: 422,
    input_too_short: 422,
    input_binary: 415,
    input_encoding: 415,
    input_unsupported: 415,
    unsupported_media_type: 415,
    input_too_large: 413,
    payload_too_large: 413,
    headers_too_large: 431,
    unauthorized: 401,
    forbidden: 403,
    not_found: 404,
    method_not_allowed: 405,
    conflict: 409,
    store_locked: 503,
    rate_limited: 429,
    not_ready: 503,
    unavailable: 503,
    store_error: 503,
    internal: 500,
  };

/** Thrown inside handlers and middleware; the one error handler turns it into an ErrorBody. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  get status() {
    return STATUS[this.code];
  }
  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === "string" && Object.hasOwn(STATUS, code);
}

/** OpenAPI `responses` entries for the error statuses a route can produce. */
export function errorResponses(...statuses: Array<keyof typeof ERROR_DESCRIPTIONS>) {
  const all = new Set([...statuses, 400, 429, 500, 503] as const);
  return Object.fromEntries(
    [...all].map((s) => [
      s,
      { description: ERROR_DESCRIPTIONS[s], content: { "application/json": { schema: ErrorBody } } },
    ]),
  ) as Record<number, { description: string; content: { "application/json": { schema: typeof ErrorBody } } }>;
}

const ERROR_DESCRIPTIONS = {
  400: "The request is invalid; `details` lists each problem.",
  401: "An API key is required (Authorization: Bearer <key>).",
  403: "The API key is wrong, or writes without a key are only accepted from loopback.",
  404: "No such resource.",
  409: "The write conflicts with the store's current state; retry.",
  405: "The path exists but not with this method; see the Allow header.",
  413: "The body is over the configured limit.",
  415: "The content type is not accepted here.",
  422: "The input was understood but holds nothing to analyze.",
  429: "Too many requests from this client; see Retry-After.",
  500: "Unexpected server error (reported without internals).",
  503: "The store is not available.",
} as const;
