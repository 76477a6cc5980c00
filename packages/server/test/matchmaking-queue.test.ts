import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { formGroups } from '../src/matchmaking/form-groups.ts';
import { MemoryQueue } from '../src/matchmaking/memory-queue.ts';
import { DEFAULT_WINDOW, type Pool, type Ticket } from '../src/matchmaking/pool.ts';
import type { MatchQueue } from '../src/matchmaking/queue.ts';
import { RedisQueue } from '../src/matchmaking/redis-queue.ts';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const casual: Pool = { game: 'golf', version: '1.0.0', mode: 'casual', seats: 2 };
const rated: Pool = { ...casual, mode: 'rated' };

let clock = 1_000_000;
const now = () => clock;
const ticket = (id: string, pool: Pool, rating = 1500, userId = `user-${id}`): Ticket => ({
  id,
  userId,
  name: id,
  pool,
  rating,
  enqueuedAt: clock,
});
const pickAll = (pool: Pool) => (waiting: Ticket[]) =>
  formGroups(waiting, pool.seats, pool.mode === 'rated', clock, DEFAULT_WINDOW);

/** Every Redis key of this run starts with this; they are deleted at the end. */
const RUN_PREFIX = `cardtable-test:${randomBytes(6).toString('hex')}:`;
let runQueues = 0;
/** One connection, as a server has (the queues of different tests use different prefixes). */
const redis = new Redis(REDIS_URL);
const queues: [string, () => MatchQueue][] = [
  ['memory', () => new MemoryQueue(now)],
  ['redis', () => new RedisQueue(redis, `${RUN_PREFIX}${++runQueues}:`, now)],
];

afterAll(async () => {
  const keys = await redis.keys(`${RUN_PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe.each(queues)('matchmaking queue (%s)', (_name, make) => {
  const opened: MatchQueue[] = [];
  const open = () => {
    const queue = make();
    opened.push(queue);
    return queue;
  };
  afterAll(async () => Promise.all(opened.map((q) => q.close())));

  it('reports positions, takes a full table, and tells both players their match', async () => {
    const queue = open();
    await queue.enqueue(ticket('a', casual));
    clock += 1000;
    await queue.enqueue(ticket('b', rated));
    expect(await queue.status('a')).toMatchObject({ state: 'waiting', position: 1, waiting: 1 });
    expect(await queue.take(casual, pickAll(casual))).toEqual([]);
    clock += 1000;
    await queue.enqueue(ticket('c', casual));
    expect(await queue.status('c')).toMatchObject({
      position: 2,
      waiting: 2,
      estimatedWaitMs: null,
    });
    expect((await queue.pools()).map((p) => p.mode).sort()).toEqual(['casual', 'rated']);
    const groups = await queue.take(casual, pickAll(casual));
    expect(groups.map((g) => g.map((t) => t.id))).toEqual([['a', 'c']]);
    expect(await queue.status('a')).toEqual({ state: 'forming' });
    await queue.assign(groups[0]!, 'm1', clock);
    expect(await queue.status('a')).toEqual({ state: 'matched', matchId: 'm1' });
    expect(await queue.status('c')).toEqual({ state: 'matched', matchId: 'm1' });
    // The waits so far make the next player's estimate.
    await queue.enqueue(ticket('d', casual));
    expect(await queue.status('d')).toMatchObject({ state: 'waiting', estimatedWaitMs: 1000 });
    expect(await queue.take(casual, pickAll(casual))).toEqual([]);
  });

  it('cancels, and keeps one ticket per user', async () => {
    const queue = open();
    await queue.enqueue(ticket('e', casual, 1500, 'same'));
    await queue.enqueue(ticket('f', casual, 1500, 'same'));
    expect(await queue.status('e')).toEqual({ state: 'gone' });
    expect(await queue.status('f')).toMatchObject({ state: 'waiting', waiting: 1 });
    expect(await queue.cancel('f')).toBe(true);
    expect(await queue.cancel('f')).toBe(false);
    expect(await queue.status('f')).toEqual({ state: 'gone' });
    expect(await queue.pools()).toEqual([]);
  });

  it('keeps one ticket per user when the same user queues twice at once', async () => {
    const queue = open();
    const other: Pool = { ...casual, seats: 3 };
    await Promise.all([
      queue.enqueue(ticket('twin-1', casual, 1500, 'twin')),
      queue.enqueue(ticket('twin-2', other, 1500, 'twin')),
    ]);
    const states = await Promise.all([queue.status('twin-1'), queue.status('twin-2')]);
    expect(states.map((status) => status.state).sort()).toEqual(['gone', 'waiting']);
    expect(await queue.pools()).toHaveLength(1);
  });

  it('matches rated players only within a window that widens with waiting', async () => {
    const queue = open();
    await queue.enqueue(ticket('g', rated, 1500));
    await queue.enqueue(ticket('h', rated, 1900));
    expect(await queue.take(rated, pickAll(rated))).toEqual([]);
    clock += 31_000; // 100 + 10/s × 31 s = 410 ≥ 400
    const groups = await queue.take(rated, pickAll(rated));
    expect(groups.map((g) => g.map((t) => t.id).sort())).toEqual([['g', 'h']]);
    // A table whose match could not be created: its players are told to queue again.
    await queue.release(groups[0]!);
    expect(await queue.status('g')).toEqual({ state: 'gone' });
  });

  it('never hands one ticket to two takers at once', async () => {
    const first = open();
    const second = first;
    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']) await first.enqueue(ticket(id, casual));
    const [a, b] = await Promise.all([
      first.take(casual, pickAll(casual)),
      second.take(casual, pickAll(casual)),
    ]);
    const taken = [...a, ...b]
      .flat()
      .map((t) => t.id)
      .sort();
    expect(taken).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
  });
});

describe('two Redis queues (two nodes) on one Redis', () => {
  it('share tickets, and a table is taken once', async () => {
    const prefix = `${RUN_PREFIX}nodes:`;
    // Two nodes: two connections.
    const nodeA = new RedisQueue(redis, prefix, now);
    const other = new Redis(REDIS_URL);
    const nodeB = new RedisQueue(other, prefix, now);
    try {
      for (const id of ['n1', 'n2', 'n3', 'n4'])
        await (id < 'n3' ? nodeA : nodeB).enqueue(ticket(id, casual));
      expect(await nodeB.status('n1')).toMatchObject({ state: 'waiting', position: 1, waiting: 4 });
      const [a, b] = await Promise.all([
        nodeA.take(casual, pickAll(casual)),
        nodeB.take(casual, pickAll(casual)),
      ]);
      const taken = [...a, ...b]
        .flat()
        .map((t) => t.id)
        .sort();
      expect(taken).toEqual(['n1', 'n2', 'n3', 'n4']);
      const group = [...a, ...b][0]!;
      await nodeA.assign(group, 'm-shared', clock);
      expect(await nodeB.status(group[0]!.id)).toEqual({ state: 'matched', matchId: 'm-shared' });
    } finally {
      await other.quit();
    }
  });
});
