import type { Outcome } from '@cardtable/engine';
import type { RoundResult } from '@cardtable/golf';
import type { Database } from '../store/database.ts';
import type { SeatRecord } from '../store/event-store.ts';
import type { FinishedMatch } from './finished-match.ts';
import { rulesCountForRatings } from './rated-rules.ts';

type Query = Database['query'];

/**
 * Gives the next positions of the feed to finished matches that have none, oldest end first.
 * Playtests of a draft never enter it: they count for no rating, stat or achievement.
 * Runs under the checkpoint's row lock, so positions are never handed out twice.
 */
export async function extendFeed(query: Query, limit: number): Promise<number> {
  const rows = await query(
    `WITH last AS (SELECT coalesce(max(feed_position), 0) AS position FROM matches),
          next AS (
            SELECT id, row_number() OVER (ORDER BY ended_at NULLS FIRST, id) AS n
              FROM matches
             WHERE status = 'over' AND feed_position IS NULL
               AND NOT EXISTS (SELECT 1 FROM match_content c
                                WHERE c.match_id = matches.id AND c.version IS NULL)
             ORDER BY ended_at NULLS FIRST, id
             LIMIT $1)
     UPDATE matches m SET feed_position = (SELECT position FROM last) + next.n
       FROM next WHERE m.id = next.id
     RETURNING m.id`,
    [limit],
  );
  return rows.length;
}

interface FeedRow {
  id: string;
  game: string;
  ruleset_version: string;
  options: unknown;
  seats: SeatRecord[];
  result: Outcome | null;
  ended_at: Date | null;
  rated: boolean;
  feed_position: number;
  slug: string | null;
  content_version: number | null;
}

/** The finished matches after `position` in the feed, in feed order, with what the fold reads. */
export async function readFeed(
  query: Query,
  position: number,
  limit: number,
): Promise<FinishedMatch[]> {
  const rows = (await query(
    `SELECT m.id, m.game, m.ruleset_version, m.options, m.seats, m.result, m.ended_at, m.rated,
            m.feed_position, g.slug, mc.version AS content_version
       FROM matches m
       LEFT JOIN match_content mc ON mc.match_id = m.id
       LEFT JOIN content_games g ON g.id = mc.game_id
      WHERE m.feed_position > $1
      ORDER BY m.feed_position
      LIMIT $2`,
    [position, limit],
  )) as unknown as FeedRow[];
  const golfIds = rows.filter((row) => row.game === 'golf').map((row) => row.id);
  const rounds = new Map<string, RoundResult[]>();
  if (golfIds.length > 0) {
    const events = await query<{ match_id: string; data: { result: RoundResult } }>(
      `SELECT l.match_id, s.step -> 'data' AS data
         FROM match_log l, jsonb_array_elements(l.steps) WITH ORDINALITY AS s(step, position)
        WHERE l.match_id = ANY($1) AND s.step ->> 'type' = 'roundEnded'
        ORDER BY l.match_id, l.version, s.position`,
      [golfIds],
    );
    for (const event of events) {
      const list = rounds.get(event.match_id) ?? [];
      list.push(event.data.result);
      rounds.set(event.match_id, list);
    }
  }
  return rows.map((row) => toFinished(row, rounds.get(row.id) ?? []));
}

function toFinished(row: FeedRow, golfRounds: RoundResult[]): FinishedMatch {
  const game = row.slug ?? row.game;
  const options = row.options as { decks?: { name?: string }[] } | null;
  return {
    position: row.feed_position,
    matchId: row.id,
    game,
    version: row.content_version === null ? row.ruleset_version : String(row.content_version),
    endedAt: (row.ended_at ?? new Date(0)).toISOString(),
    rated: row.rated && rulesCountForRatings(row.game, row.options),
    players: row.seats.flatMap((seat, index) =>
      seat.kind === 'human' && seat.userId ? [{ seat: index, userId: seat.userId }] : [],
    ),
    outcome: row.result ?? { winners: [], tie: false, standings: [] },
    golfRounds,
    tcgDecks:
      row.game === 'tcg' && Array.isArray(options?.decks)
        ? options.decks.map((deck, i) => deck?.name ?? `Deck ${i + 1}`)
        : [],
  };
}
