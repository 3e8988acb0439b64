import { z } from "zod";

/**
 * Every code the API answers with: core's domain codes (a domain error travels to the client unchanged)
 * and the HTTP-only ones.
 */
export const ApiErrorCode = z.enum([
  "input_missing",
  "input_empty",
  "input_binary",
  "input_encoding",
  "input_too_large",
  "input_too_short",
  "input_malformed",
  "input_unsupported",
  "schema_violation",
  "not_found",
  "conflict",
  "store_locked",
  "store_error",
  "internal",
  "bad_request",
  "unauthorized",
  "forbidden",
  "method_not_allowed",
  "payload_too_large",
  "headers_too_large",
  "unsupported_media_type",
  "rate_limited",
  "not_ready",
  "unavailable",
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** One problem with a request: where (`query.limit`, `body.text`, `line 3`) and what. */
export const ErrorDetail = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** Every non-2xx answer of the API has this shape. */
export const ErrorBody = z.object({
  error: z.object({ code: ApiErrorCode, message: z.string(), details: z.array(ErrorDetail) }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
