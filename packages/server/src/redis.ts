import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * The server's one Redis connection (REDIS_URL), shared by the auth limits, the matchmaking
 * queue and chat's publishing (chat's subscription is a duplicate: a subscribed connection can
 * do nothing else), and closed once, by the server. A command fails after one retry while Redis is away,
 * so its users notice at once and decide: the limits fall back to per-node buckets, the queue
 * answers the error. An outage is logged once, until Redis is back.
 */
export function openRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  let warned = false;
  redis.on('error', (error: Error) => {
    if (!warned) log.warn({ err: error }, 'redis unreachable: limits are per node for now');
    warned = true;
  });
  redis.on('ready', () => (warned = false));
  return redis;
}

export async function closeRedis(redis: Redis): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}
