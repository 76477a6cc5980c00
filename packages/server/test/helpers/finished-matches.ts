import type { Outcome } from '@cardtable/engine';
import { DEFAULT_OPTIONS, type RoundResult } from '@cardtable/golf';
import { openDatabase, type Database, type Row } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { embeddedDataDir } from './embedded-template.ts';
import { TEST_DATABASE_URL, uniqueSchema, type StoreKind } from './server.ts';

/** A migrated database of either kind, for storage tests. */
export async function openTestDatabase(kind: StoreKind, prefix: string): Promise<Database> {
  const db = await openDatabase(
    kind === 'postgres'
      ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: uniqueSchema(prefix), dataDir: '' }
      : { databaseUrl: null, databaseSchema: null, dataDir: embeddedDataDir() },
  );
  await migrate(db);
  return db;
}

export async function addUsers(db: Database, ids: readonly string[]): Promise<void> {
  for (const id of ids)
    await db.query(
      `INSERT INTO users (id, name, guest) VALUES ($1, $2, false) ON CONFLICT DO NOTHING`,
      [id, `Player ${id}`],
    );
}

/** A finished match as the store would hold it, written straight into its tables. */
export interface FinishedSpec {
  id: string;
  game: 'golf' | 'tcg';
  /** Users by seat; null for a CPU seat. */
  seats: (string | null)[];
  /** Place by seat (1-based; equal places tie). */
  places: number[];
  rated: boolean;
  /** Golf only: a house rule on makes the match non-standard. */
  houseRule?: boolean;
  /** Golf only: each round's score by seat, and who went out. */
  rounds?: { scores: number[]; finisher: number | null; blackjackSeat?: number | null }[];
  reason?: string;
  endedAt: string;
}

export function outcomeOf(places: number[], reason?: string): Outcome {
  const standings = places.map((place, seat) => ({ seat, place }));
  const winners = standings.filter((s) => s.place === 1).map((s) => s.seat);
  return { winners, tie: winners.length > 1, standings, ...(reason ? { reason } : {}) };
}

export async function writeFinished(db: Database, spec: FinishedSpec): Promise<void> {
  const host = spec.seats.find((s) => s !== null) as string;
  const options =
    spec.game === 'golf'
      ? { ...DEFAULT_OPTIONS, superKings: spec.houseRule === true }
      : {
          ruleset: 'demo',
          version: '1.0.0',
          decks: spec.seats.map((_, i) => ({
            name: i % 2 ? 'Tide Control' : 'Ember Rush',
            cards: [],
          })),
        };
  await db.query(
    `INSERT INTO matches (id, game, ruleset_version, engine_version, options, seats, status, seed,
       code, host_user_id, ended_at, result, rated)
     VALUES ($1, $2, '1.0.0', '1.0.0', $3, $4, 'over', 's', $5, $6, $7, $8, $9)`,
    [
      spec.id,
      spec.game,
      JSON.stringify(options),
      JSON.stringify(
        spec.seats.map((userId) =>
          userId === null
            ? { kind: 'cpu', profile: 'Marcus' }
            : { kind: 'human', userId, name: userId },
        ),
      ),
      spec.id,
      host,
      spec.endedAt,
      JSON.stringify(outcomeOf(spec.places, spec.reason)),
      spec.rated,
    ],
  );
  for (const [seat, userId] of spec.seats.entries()) {
    if (userId !== null)
      await db.query(`INSERT INTO match_players (match_id, seat, user_id) VALUES ($1, $2, $3)`, [
        spec.id,
        seat,
        userId,
      ]);
  }
  for (const [index, round] of (spec.rounds ?? []).entries()) {
    const result: RoundResult = {
      round: index + 1,
      finisher: round.finisher,
      reason: 'finalTurnsDone',
      scores: round.scores.map((roundScore, seat) => ({
        seat,
        columns: [roundScore, 0, 0],
        adjustments:
          round.blackjackSeat === seat ? [{ kind: 'blackjack' as const, points: -21 }] : [],
        roundScore,
        totalAfter: roundScore,
        wonHole: false,
      })),
    };
    await db.query(
      `INSERT INTO match_log (match_id, version, resolution_id, ts, steps)
       VALUES ($1, $2, $3, $5,
               jsonb_build_array(jsonb_build_object('step', 1, 'type', 'roundEnded',
                                                    'data', $4::jsonb, 'requires_ack', true)))`,
      [spec.id, index + 1, `r${index}`, JSON.stringify({ reveal: [], result }), spec.endedAt],
    );
  }
}

/** Every row of the projection's tables, in a stable order. */
export async function projectionRows(db: Database): Promise<{
  ratings: Row[];
  history: Row[];
  stats: Row[];
  achievements: Row[];
}> {
  return {
    ratings: await db.query(
      `SELECT game, version, user_id, rating, rd, volatility, games, updated_at, last_period
         FROM player_ratings ORDER BY game, version, user_id`,
    ),
    history: await db.query(
      `SELECT * FROM rating_history ORDER BY user_id, game, version, position`,
    ),
    stats: await db.query(`SELECT * FROM player_stats ORDER BY user_id, game`),
    achievements: await db.query(`SELECT * FROM player_achievements ORDER BY user_id, achievement`),
  };
}
