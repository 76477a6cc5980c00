import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { waitingStatus } from './estimate.ts';
import { poolKey, type Pool, type Ticket } from './pool.ts';
import { ASSIGNMENT_TTL_MS, WAIT_SAMPLES, type MatchQueue, type TicketStatus } from './queue.ts';

/** Deletes the lock only if it is still ours. */
const UNLOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const LOCK_MS = 5000;
/**
 * A ticket stays in the queue while its player's node keeps asking for its status; one whose
 * node died (its socket never closed cleanly) is dropped after this long.
 */
const ALIVE_MS = 15_000;
const LOCK_TRIES = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The queue in Redis, shared by every node: a sorted set of ticket ids per pool (by enqueue
 * time), each ticket as JSON, one ticket per user, assignments kept a minute for their players'
 * nodes to read. Taking groups and cancelling hold the pool's lock (SET NX PX), so a ticket is
 * never both cancelled and matched, nor matched twice.
 */
export class RedisQueue implements MatchQueue {
  /** On `redis`, the server's connection (redis.ts), which the server closes. */
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'cardtable:mm:',
    private readonly now: () => number = Date.now,
  ) {}

  private key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  /**
   * Replaces the user's older ticket, under the user's lock: two enqueues of one user at once
   * (two tabs, two nodes) would otherwise both find no older ticket and leave two waiting.
   */
  async enqueue(ticket: Ticket): Promise<void> {
    await this.locked(`user:${ticket.userId}`, async () => {
      const older = await this.redis.get(this.key('user', ticket.userId));
      if (older) await this.cancel(older);
      const pool = poolKey(ticket.pool);
      await this.locked(pool, async () => {
        await this.redis
          .multi()
          .set(this.key('ticket', ticket.id), JSON.stringify(ticket))
          .set(this.key('alive', ticket.id), '1', 'PX', ALIVE_MS)
          .set(this.key('user', ticket.userId), ticket.id)
          .zadd(this.key('pool', pool), ticket.enqueuedAt, ticket.id)
          .hset(this.key('pools'), pool, JSON.stringify(ticket.pool))
          .exec();
      });
    });
  }

  async cancel(ticketId: string): Promise<boolean> {
    const ticket = await this.ticket(ticketId);
    if (!ticket) return false;
    const pool = poolKey(ticket.pool);
    return this.locked(pool, async () => {
      const removed = await this.redis.zrem(this.key('pool', pool), ticketId);
      await this.forget([ticket]);
      return removed === 1;
    });
  }

  async status(ticketId: string): Promise<TicketStatus> {
    const waiting = await this.waitingStatus(ticketId);
    if (waiting) return waiting;
    // Not waiting: a take may have moved it on meanwhile. A ticket leaves its pool in the same
    // transaction that marks it forming, and forming turns into matched in one transaction, so
    // one atomic read of both tells where it went.
    const [matched, forming] = ((await this.redis
      .multi()
      .get(this.key('assigned', ticketId))
      .exists(this.key('forming', ticketId))
      .exec()) ?? []) as [Error | null, unknown][];
    const matchId = matched?.[1];
    if (typeof matchId === 'string') return { state: 'matched', matchId };
    if (forming?.[1] === 1) return { state: 'forming' };
    return { state: 'gone' };
  }

  private async waitingStatus(ticketId: string): Promise<TicketStatus | null> {
    const ticket = await this.ticket(ticketId);
    if (!ticket) return null;
    const pool = poolKey(ticket.pool);
    const [rank, size, waits] = await Promise.all([
      this.redis.zrank(this.key('pool', pool), ticketId),
      this.redis.zcard(this.key('pool', pool)),
      this.redis.lrange(this.key('waits', pool), 0, -1),
    ]);
    if (rank === null) return null;
    await this.redis.set(this.key('alive', ticketId), '1', 'PX', ALIVE_MS);
    return waitingStatus(rank + 1, size, waits.map(Number), this.now() - ticket.enqueuedAt);
  }

  async pools(): Promise<Pool[]> {
    const all = await this.redis.hgetall(this.key('pools'));
    const pools: Pool[] = [];
    for (const [key, json] of Object.entries(all)) {
      if ((await this.redis.zcard(this.key('pool', key))) > 0) pools.push(JSON.parse(json) as Pool);
      else await this.redis.hdel(this.key('pools'), key);
    }
    return pools;
  }

  async take(pool: Pool, pick: (waiting: Ticket[]) => Ticket[][]): Promise<Ticket[][]> {
    const key = poolKey(pool);
    return this.locked(key, async () => {
      const ids = await this.redis.zrange(this.key('pool', key), 0, -1);
      if (ids.length === 0) return [];
      const raw = await this.redis.mget(ids.map((id) => this.key('ticket', id)));
      const alive = await this.redis.mget(ids.map((id) => this.key('alive', id)));
      const stale = ids.filter((_, i) => raw[i] === null || alive[i] === null);
      if (stale.length > 0) {
        await this.redis.zrem(this.key('pool', key), ...stale);
        await this.forget(
          raw.flatMap((json, i) => (json && alive[i] === null ? [JSON.parse(json) as Ticket] : [])),
        );
      }
      const waiting = raw.flatMap((json, i) =>
        json && alive[i] !== null ? [JSON.parse(json) as Ticket] : [],
      );
      const groups = pick(waiting);
      const taken = groups.flat();
      if (taken.length > 0) {
        const batch = this.redis.multi().zrem(this.key('pool', key), ...taken.map((t) => t.id));
        for (const t of taken) batch.set(this.key('forming', t.id), '1', 'PX', ASSIGNMENT_TTL_MS);
        await batch.exec();
        await this.forget(taken);
      }
      return groups;
    });
  }

  async assign(tickets: readonly Ticket[], matchId: string, now: number): Promise<void> {
    const batch = this.redis.multi();
    for (const ticket of tickets) {
      const pool = poolKey(ticket.pool);
      batch.set(this.key('assigned', ticket.id), matchId, 'PX', ASSIGNMENT_TTL_MS);
      batch.del(this.key('forming', ticket.id));
      batch.rpush(this.key('waits', pool), String(now - ticket.enqueuedAt));
      batch.ltrim(this.key('waits', pool), -WAIT_SAMPLES, -1);
    }
    await batch.exec();
  }

  async release(tickets: readonly Ticket[]): Promise<void> {
    if (tickets.length > 0) await this.redis.del(...tickets.map((t) => this.key('forming', t.id)));
  }

  /** Nothing of its own to close: the connection is the server's. */
  async close(): Promise<void> {}

  private async ticket(ticketId: string): Promise<Ticket | null> {
    const json = await this.redis.get(this.key('ticket', ticketId));
    return json ? (JSON.parse(json) as Ticket) : null;
  }

  private async forget(tickets: readonly Ticket[]): Promise<void> {
    if (tickets.length === 0) return;
    const batch = this.redis.multi();
    for (const ticket of tickets)
      batch.del(this.key('ticket', ticket.id)).del(this.key('alive', ticket.id));
    await batch.exec();
    for (const ticket of tickets) {
      const userKey = this.key('user', ticket.userId);
      if ((await this.redis.get(userKey)) === ticket.id) await this.redis.del(userKey);
    }
  }

  /** Runs `work` holding the pool's lock (waits for it up to LOCK_TRIES × 20 ms). */
  private async locked<T>(name: string, work: () => Promise<T>): Promise<T> {
    const lock = this.key('lock', name);
    const token = randomBytes(12).toString('hex');
    for (let attempt = 0; ; attempt++) {
      if ((await this.redis.set(lock, token, 'PX', LOCK_MS, 'NX')) === 'OK') break;
      if (attempt >= LOCK_TRIES) throw new Error(`The matchmaking queue's ${name} stays locked.`);
      await sleep(20);
    }
    try {
      return await work();
    } finally {
      await this.redis.eval(UNLOCK, 1, lock, token);
    }
  }
}
