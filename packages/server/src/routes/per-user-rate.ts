import { apiError } from '../errors.ts';
import { KeyedRateLimiter } from '../rate-limit.ts';

/**
 * A per-user rate for one kind of request: `burst` at once, then `perMinute`. The returned check
 * throws `429 RATE_LIMITED` with `details: {limit, max, retryAfterMs}` (how long until one more
 * is allowed) past it; call it before the request's work (a route's `onRequest`: before its body
 * is even read).
 */
export function perUserRate(
  limit: string,
  burst: number,
  perMinute: number,
  message: string,
): (userId: string) => void {
  const limiter = new KeyedRateLimiter(burst, perMinute / 60);
  return (userId) => {
    if (limiter.take(userId)) return;
    throw apiError('RATE_LIMITED', message, {
      limit,
      max: perMinute,
      retryAfterMs: limiter.msUntil(userId),
    });
  };
}
