import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed } from '../src/social/feed.ts';
import { foldMatch, type StoredRating } from '../src/social/fold.ts';
import { RATING_PERIOD_MS } from '../src/social/glicko2.ts';
import { SocialProjector } from '../src/social/projector.ts';
import type { PlayerStats } from '../src/social/stats.ts';
import type { Database } from '../src/store/database.ts';
import {
  addUsers,
  openTestDatabase,
  projectionRows,
  writeFinished,
  type FinishedSpec,
} from './helpers/finished-matches.ts';
import type { StoreKind } from './helpers/server.ts';

const STORES: StoreKind[] = ['embedded', 'postgres'];
const USERS = ['ana', 'ben', 'cy', 'dee', 'eve'];

/** A random finished match (its id and end time are filled in when it is written). */
const matchArb = fc
  .record({
    game: fc.constantFrom<'golf' | 'tcg'>('golf', 'tcg'),
    players: fc.shuffledSubarray(USERS, { minLength: 1, maxLength: 4 }),
    cpus: fc.integer({ min: 0, max: 2 }),
    rated: fc.boolean(),
    houseRule: fc.boolean(),
    placeSeed: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    rounds: fc.array(
      fc.record({
        scores: fc.array(fc.integer({ min: -6, max: 30 }), { minLength: 6, maxLength: 6 }),
        finisher: fc.integer({ min: -1, max: 5 }),
        blackjack: fc.integer({ min: -1, max: 5 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    abandoned: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    endOffsetMs: fc.integer({ min: 0, max: 10_000 }),
    // Rating periods are days: histories span weeks, so RDs grow over the days sat out.
    endDay: fc.integer({ min: 0, max: 40 }),
  })
  .map((m) => {
    const seats = [...m.players, ...Array<null>(m.game === 'tcg' ? 0 : m.cpus).fill(null)];
    const count = m.game === 'tcg' ? Math.min(2, seats.length) : seats.length;
    const used = seats.slice(0, Math.max(count, 2));
    while (used.length < 2) used.push(null);
    return {
      game: m.game,
      seats: used,
      places: used.map((_, i) => m.placeSeed[i] as number),
      rated: m.rated,
      houseRule: m.houseRule,
      rounds:
        m.game === 'golf'
          ? m.rounds.map((r) => ({
              scores: used.map((_, i) => r.scores[i] as number),
              finisher: r.finisher >= 0 && r.finisher < used.length ? r.finisher : null,
              blackjackSeat: r.blackjack >= 0 && r.blackjack < used.length ? r.blackjack : null,
            }))
          : [],
      ...(m.abandoned ? { reason: 'abandoned' } : {}),
      endOffsetMs: m.endDay * RATING_PERIOD_MS + m.endOffsetMs,
    };
  });

/** Arrivals: batches of matches finishing, each followed by a few projector steps (or a failed one). */
const historyArb = fc.array(
  fc.record({
    matches: fc.array(matchArb, { minLength: 0, maxLength: 4 }),
    steps: fc.integer({ min: 0, max: 2 }),
    failOne: fc.boolean(),
  }),
  { minLength: 1, maxLength: 5 },
);

/** The reference: the pure fold over the whole feed, in memory, each match once. */
async function foldInMemory(db: Database) {
  const ratings = new Map<string, StoredRating>();
  const stats = new Map<string, PlayerStats>();
  const held = new Map<string, Set<string>>();
  for (const match of await readFeed(db.query, 0, 100_000)) {
    const users = match.players.map((p) => p.userId);
    const changes = foldMatch(match, {
      ratings: new Map(
        users.flatMap((u) => {
          const r = ratings.get(`${match.game}/${match.version}/${u}`);
          return r ? [[u, r] as const] : [];
        }),
      ),
      stats: new Map(
        users.flatMap((u) => {
          const s = stats.get(`${match.game}/${u}`);
          return s ? [[u, s] as const] : [];
        }),
      ),
      held,
    });
    for (const r of changes.ratings)
      ratings.set(`${match.game}/${match.version}/${r.userId}`, r.rating);
    for (const s of changes.stats) stats.set(`${match.game}/${s.userId}`, s.stats);
    for (const g of changes.grants)
      held.set(g.userId, new Set([...(held.get(g.userId) ?? []), g.achievement]));
  }
  return {
    ratings: Object.fromEntries([...ratings].sort()),
    stats: Object.fromEntries([...stats].sort()),
    held: Object.fromEntries([...held].map(([u, set]) => [u, [...set].sort()]).sort()),
  };
}

function heldByUser(rows: { user_id: string; achievement: string }[]) {
  const held: Record<string, string[]> = {};
  for (const row of rows) (held[row.user_id] ??= []).push(row.achievement);
  for (const list of Object.values(held)) list.sort();
  return Object.fromEntries(Object.entries(held).sort());
}

async function projectedState(db: Database) {
  const rows = await projectionRows(db);
  type R = {
    game: string;
    version: string;
    user_id: string;
    rating: number;
    rd: number;
    volatility: number;
    games: number;
    last_period: number;
  };
  return {
    ratings: Object.fromEntries(
      (rows.ratings as R[])
        .map((r) => [
          `${r.game}/${r.version}/${r.user_id}`,
          {
            rating: r.rating,
            rd: r.rd,
            volatility: r.volatility,
            games: r.games,
            lastPeriod: r.last_period,
          },
        ])
        .sort(),
    ),
    stats: Object.fromEntries(
      (rows.stats as { game: string; user_id: string; stats: PlayerStats }[])
        .map((r) => [`${r.game}/${r.user_id}`, r.stats])
        .sort(),
    ),
    held: heldByUser(rows.achievements as { user_id: string; achievement: string }[]),
  };
}

describe.each(STORES)('social projection on %s', (kind) => {
  let db: Database;
  let counter = 0;
  beforeAll(async () => {
    db = await openTestDatabase(kind, 'soc');
    await addUsers(db, USERS);
  });
  afterAll(async () => db?.close());

  it('rebuilt from zero equals the incremental projection, crashes included', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        await db.query(`UPDATE projection_checkpoints SET position = 0`);
        for (const table of [
          'player_ratings',
          'rating_history',
          'player_stats',
          'player_achievements',
        ])
          await db.query(`DELETE FROM ${table}`);
        // Rows that reference matches go first (writeFinished also fills match_players).
        await db.query(`DELETE FROM match_log`);
        await db.query(`DELETE FROM match_players`);
        await db.query(`DELETE FROM matches`);
        const projector = new SocialProjector(db, { pollMs: 1000, batch: 3 });
        const base = Date.UTC(2026, 0, 1);
        for (const arrival of history) {
          for (const m of arrival.matches) {
            const id = `m${++counter}`;
            const { endOffsetMs, ...rest } = m;
            const spec: FinishedSpec = {
              id,
              ...rest,
              endedAt: new Date(base + endOffsetMs).toISOString(),
            };
            await writeFinished(db, spec);
          }
          if (arrival.failOne) {
            const failing = new SocialProjector(db, {
              pollMs: 1000,
              batch: 2,
              beforeCommit: () => {
                throw new Error('crash before commit');
              },
            });
            const before = await projectionRows(db);
            // With nothing to fold it commits nothing and throws nothing.
            await failing
              .step()
              .catch((error: Error) => expect(error.message).toBe('crash before commit'));
            expect(await projectionRows(db)).toEqual(before);
          }
          for (let i = 0; i < arrival.steps; i++) await projector.step();
        }
        await projector.catchUp();
        const incremental = await projectionRows(db);
        const [{ count }] = (await db.query(
          `SELECT count(*)::int AS count FROM player_achievements`,
        )) as [{ count: number }];
        expect(incremental.achievements).toHaveLength(count);
        expect(await foldInMemory(db)).toEqual(await projectedState(db));
        await projector.rebuild();
        expect(await projectionRows(db)).toEqual(incremental);
      }),
      { numRuns: kind === 'embedded' ? 8 : 12 },
    );
  }, 120_000);
});
