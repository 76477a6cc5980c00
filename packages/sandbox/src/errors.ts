/** Why a sandbox operation failed. Script outcomes and host mistakes share one vocabulary. */
export type SandboxErrorCode =
  /** The source does not compile. */
  | 'SYNTAX'
  /** The script raised an error (a Lua runtime error or `error(...)`). */
  | 'RUNTIME'
  /** An effect function was called with a wrong argument. */
  | 'INVALID_EFFECT'
  /** The instruction budget of the call or of the action is spent. */
  | 'BUDGET_EXCEEDED'
  /** The VM's memory cap or the longest-string cap was hit. */
  | 'MEMORY_EXCEEDED'
  /** The script reached for something the sandbox does not offer (os, io, load, __gc...). */
  | 'FORBIDDEN'
  /** A count limit other than instructions and memory (effects per call, source size). */
  | 'LIMIT_EXCEEDED'
  /** The wall-clock watchdog stopped the call: an operational fault, never a game outcome. */
  | 'WATCHDOG'
  /** A host callback (the RNG) threw or returned something invalid. */
  | 'HOST_ERROR'
  /** The host passed invalid input (state, self, args, ability id). */
  | 'INVALID_INPUT'
  | 'UNKNOWN_ABILITY'
  /** The VM was disposed, or an earlier operational fault left it unusable. */
  | 'VM_UNAVAILABLE';

export interface SandboxError {
  code: SandboxErrorCode;
  message: string;
  /** The creator's line (1-based) when the error comes from a script. */
  line?: number;
}

export type Failure = { ok: false; error: SandboxError };

export const failure = (code: SandboxErrorCode, message: string, line?: number): Failure => ({
  ok: false,
  error: line === undefined ? { code, message } : { code, message, line },
});

/** Codes that end a call even if the script tries to catch them with pcall. */
export const UNCATCHABLE_CODES: ReadonlySet<SandboxErrorCode> = new Set([
  'BUDGET_EXCEEDED',
  'MEMORY_EXCEEDED',
  'FORBIDDEN',
  'LIMIT_EXCEEDED',
  'WATCHDOG',
  'HOST_ERROR',
]);
