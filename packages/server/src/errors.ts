import type { RuleError } from '@cardtable/engine';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@cardtable/sdk/protocol';

const KNOWN = new Set<string>(ERROR_CODES);

export const errorBody = (
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ErrorBody => (details === undefined ? { code, message } : { code, message, details });

/**
 * A game's rule error as a protocol error: the protocol's own codes pass through; any other
 * rule code becomes ILLEGAL_ACTION (or `fallback`) and travels in `details.rule`.
 */
export function fromRuleError(error: RuleError, fallback: ErrorCode = 'ILLEGAL_ACTION'): ErrorBody {
  if (KNOWN.has(error.code))
    return errorBody(error.code as ErrorCode, error.message, error.details);
  return errorBody(fallback, error.message, { ...error.details, rule: error.code });
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  INVALID_PAYLOAD: 400,
  REPLAY_INVALID: 400,
  CONTENT_INVALID: 400,
  CONTENT_UNCHANGED: 409,
  UNAUTHORIZED: 401,
  SESSION_REVOKED: 401,
  FORBIDDEN: 403,
  NOT_A_PLAYER: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  MATCH_OVER: 409,
  MATCH_NOT_STARTED: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  SHUTTING_DOWN: 503,
};

/** An HTTP request that fails with a protocol error; the error handler turns it into a body. */
export class ApiError extends Error {
  readonly status: number;
  constructor(readonly body: ErrorBody) {
    super(body.message);
    this.status = STATUS[body.code] ?? 500;
  }
}

export const apiError = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new ApiError(errorBody(code, message, details));
