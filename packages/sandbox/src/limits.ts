/** Every cap the sandbox enforces. All of them are deterministic except `watchdogMs`. */
export interface SandboxLimits {
  /** Lua VM instructions one ability call may run. */
  instructionsPerCall: number;
  /** Instructions all calls of one action (between two `beginAction`s) may run together. */
  instructionsPerAction: number;
  /** Bytes the VM may hold (Lua's own allocations: state, abilities, script data). */
  memoryBytes: number;
  /**
   * The longest string a script may create. Long strings compare byte by byte inside one
   * instruction, so this bounds how much C work one instruction can do.
   */
  maxStringBytes: number;
  /** Values one call may spread (table.unpack, string.byte), bounding vararg copies. */
  maxResults: number;
  /** Effect commands one call may emit (log included). */
  maxEffectsPerCall: number;
  /** Bytes of one `log`/`print` message. */
  maxLogBytes: number;
  /** Bytes of one ability's source text. */
  maxSourceBytes: number;
  /** Nesting depth of state, `self` and `args` values. */
  maxValueDepth: number;
  /** Wall-clock limit of one call; a last resort for C-level sinks nobody found yet. */
  watchdogMs: number;
}

export const DEFAULT_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  instructionsPerCall: 100_000,
  instructionsPerAction: 500_000,
  memoryBytes: 8 * 1024 * 1024,
  maxStringBytes: 4 * 1024,
  maxResults: 256,
  maxEffectsPerCall: 256,
  maxLogBytes: 1024,
  maxSourceBytes: 64 * 1024,
  maxValueDepth: 32,
  watchdogMs: 1_000,
});

/** Bounds that keep a configured limit meaningful (and inside int32 where C needs it). */
const RANGES: Record<keyof SandboxLimits, [number, number]> = {
  instructionsPerCall: [1, 2_000_000_000],
  instructionsPerAction: [1, 2_000_000_000],
  memoryBytes: [256 * 1024, 1024 * 1024 * 1024],
  maxStringBytes: [64, 64 * 1024 * 1024],
  maxResults: [8, 100_000],
  maxEffectsPerCall: [1, 100_000],
  maxLogBytes: [16, 1024 * 1024],
  maxSourceBytes: [16, 16 * 1024 * 1024],
  maxValueDepth: [2, 200],
  watchdogMs: [1, 3_600_000],
};

/** Fills defaults and checks ranges; a bad limit is a host bug, so it throws. */
export function resolveLimits(
  ...layers: (Partial<SandboxLimits> | undefined)[]
): Readonly<SandboxLimits> {
  const limits: SandboxLimits = { ...DEFAULT_LIMITS };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value === undefined) continue;
      const range = RANGES[key as keyof SandboxLimits];
      if (!range) throw new RangeError(`Unknown sandbox limit: ${key}`);
      if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
        throw new RangeError(
          `Sandbox limit ${key} must be an integer in [${range[0]}, ${range[1]}]`,
        );
      }
      limits[key as keyof SandboxLimits] = value;
    }
  }
  return Object.freeze(limits);
}
