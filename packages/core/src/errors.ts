/**
 * Errors are values: a code the apps can map (HTTP status, exit code), the input it concerns,
 * and a message a person can act on.
 */
export type ErrorCode =
  | "input_missing"
  | "input_empty"
  | "input_binary"
  | "input_encoding"
  | "input_too_large"
  | "input_too_short"
  | "input_malformed"
  | "input_unsupported"
  | "schema_violation"
  | "not_found"
  | "conflict"
  | "store_locked"
  | "store_error"
  | "internal";

export interface NewsfuseError {
  code: ErrorCode;
  message: string;
  /** The file, URL, id or line the error is about. */
  input?: string;
  detail?: unknown;
}

export type Result<T, E = NewsfuseError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, input?: string, detail?: unknown): Result<never> => ({
  ok: false,
  error: { code, message, ...(input !== undefined ? { input } : {}), ...(detail !== undefined ? { detail } : {}) },
});

/** An Error carrying a NewsfuseError, for the few places that must throw (e.g. inside a library callback). */
export class NewsfuseFailure extends Error {
  constructor(readonly error: NewsfuseError) {
    super(error.message);
  }
}
