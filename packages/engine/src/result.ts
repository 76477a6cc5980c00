/** Errors are values: callers must look at `ok` before they touch the value. */
export type Result<T, E = RuleError> = { ok: true; value: T } | { ok: false; error: E };

/** A rule violation, with a stable machine code and a message written for a person. */
export interface RuleError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const fail = (
  code: string,
  message: string,
  details?: Record<string, unknown>,
): Result<never, RuleError> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
