/** How long to wait before each reconnect attempt. */
export interface BackoffPolicy {
  /** Delay ceiling of the first retry, in milliseconds. */
  initialMs: number;
  /** No delay ever exceeds this. */
  maxMs: number;
  /** Growth per attempt (2 doubles the ceiling each time). */
  factor: number;
  /**
   * Fraction of the ceiling left to chance, in [0, 1]: the delay is uniform in
   * [ceiling * (1 - jitter), ceiling]. Jitter spreads a crowd of clients that lost the same
   * server, so they do not all come back in the same millisecond.
   */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMs: 250,
  maxMs: 15_000,
  factor: 2,
  jitter: 0.5,
};

/**
 * The delay before retry number `attempt` (0 for the first retry): exponential growth capped at
 * `maxMs`, with jitter. `random` returns a float in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(ceiling * (1 - jitter * random()));
}
