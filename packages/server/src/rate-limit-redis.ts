import type { Redis } from 'ioredis';
import { KeyedRateLimiter, type RateLimitBackend } from './rate-limit.ts';

/**
 * The token bucket of rate-limit.ts, kept in Redis so every node takes from one bucket per key.
 * Redis's own clock refills it, so nodes with skewed clocks agree. Keys expire once full again.
 */
const TAKE = `
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local capacity = tonumber(ARGV[1])
local per_second = tonumber(ARGV[2])
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1])
local at = tonumber(saved[2])
if tokens == nil or at == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + ((now - at) / 1000) * per_second)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_second * 1000) + 1000)
return allowed
`;

/**
 * Shared limits in Redis under `prefix`, on the server's connection (redis.ts). When Redis cannot
 * be reached a limiter falls back to its own in-process bucket, so an outage loosens limits to
 * per-node ones, never lifts them.
 */
export function redisRateLimits(redis: Redis, prefix: string): RateLimitBackend {
  return {
    limiter({ name, capacity, perSecond }) {
      const fallback = new KeyedRateLimiter(capacity, perSecond);
      return {
        async take(key) {
          try {
            const allowed = await redis.eval(
              TAKE,
              1,
              `${prefix}rl:${name}:${key}`,
              capacity,
              perSecond,
            );
            return allowed === 1;
          } catch {
            return fallback.take(key);
          }
        },
      };
    },
    // The connection is the server's: it closes it.
    close: async () => undefined,
  };
}
