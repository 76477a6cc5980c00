import { fail } from '@cardtable/engine';

/** Golf's rule error codes (NOT_YOUR_TURN and MATCH_OVER are the kernel's, reused here). */
export type GolfErrorCode =
  | 'NOT_YOUR_TURN'
  | 'MATCH_OVER'
  | 'ILLEGAL_ACTION'
  | 'INVALID_PAYLOAD'
  | 'UNKNOWN_ACTION'
  | 'INVALID_INITIAL_FLIP'
  | 'FLIP_NOT_ALLOWED'
  | 'FLIP_REQUIRED'
  | 'MUST_SWAP_DISCARD'
  | 'SLOT_OUT_OF_RANGE'
  | 'ALREADY_FACE_UP'
  | 'KNOCK_NOT_ALLOWED'
  | 'DISCARD_EMPTY';

export const reject = (code: GolfErrorCode, message: string, details?: Record<string, unknown>) =>
  fail(code, message, details);
