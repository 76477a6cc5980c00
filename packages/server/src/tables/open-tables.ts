import { describeRules, type GolfOptions } from '@cardtable/golf';
import type { OpenTable, OpenTableList, OpenTablesQuery } from '@cardtable/sdk/social';
import { apiError } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../social/cursor.ts';
import type { Database } from '../store/database.ts';
import type { SeatRecord } from '../store/event-store.ts';

type TableRow = {
  id: string;
  game: string;
  ruleset_version: string;
  options: unknown;
  seats: SeatRecord[];
  rated: boolean;
  approve_joins: boolean;
  turn_time_limit_ms: number | null;
  created_at: Date;
  /** The exact creation time in microseconds since the epoch, for the page cursor. */
  created_key: string;
  host_name: string | null;
  slug: string | null;
  title: string | null;
  content_version: number | null;
};

/** A table's rules in words: Golf's choices; other games play their version's rules as written. */
const rulesOf = (game: string, options: unknown): string[] =>
  game === 'golf' ? describeRules(options as GolfOptions) : [];

const toTable = (row: TableRow): OpenTable => ({
  matchId: row.id,
  game: row.slug ?? row.game,
  title: row.title,
  version: row.content_version === null ? row.ruleset_version : String(row.content_version),
  host: row.host_name ?? 'Someone',
  players: row.seats.flatMap((seat) =>
    seat.kind === 'cpu' || seat.userId ? [seat.name ?? (seat.kind === 'cpu' ? 'CPU' : '')] : [],
  ),
  seats: row.seats.length,
  free: row.seats.filter((seat) => seat.kind === 'human' && !seat.userId).length,
  rules: rulesOf(row.game, row.options),
  rated: row.rated,
  approveJoins: row.approve_joins,
  turnTimeLimitMs: row.turn_time_limit_ms,
  createdAt: row.created_at.toISOString(),
});

/**
 * The lobby list: public tables of one game (and version) still waiting with a free seat and
 * their host seated (a host's leave now closes the table; the check keeps out tables their host
 * left before it did, until they expire), newest first, as keyset pages on (creation time, id).
 * A table whose host removed the viewer is not theirs to see (`maySeeMatch`): left out.
 * Read from the match rows, so every node lists every node's tables; a table leaves the list
 * when it starts, fills, expires or its host closes it.
 */
export class OpenTables {
  constructor(
    private readonly db: Database,
    /** Waiting matches older than this expire (the lifecycle's `waitingTtlMs`). */
    private readonly waitingTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async page(
    { game, version, limit = 20, after }: OpenTablesQuery,
    viewerId: string,
  ): Promise<OpenTableList> {
    const from = after === undefined ? null : decodeCursor(after, { t: 'string', i: 'string' });
    // Only digits reach the database: a time it cannot read would be its error, not the client's.
    if (from && !/^\d{1,17}$/.test(from.t))
      throw apiError('BAD_REQUEST', 'The page cursor is not one this server gave out.');
    const rows = await this.db.query<TableRow>(
      `SELECT m.id, m.game, m.ruleset_version, m.options, m.seats, m.rated, m.approve_joins,
              m.turn_time_limit_ms, m.created_at, (extract(epoch FROM m.created_at) * 1000000)::bigint::text AS created_key, u.name AS host_name, g.slug, g.name AS title,
              mc.version AS content_version
         FROM matches m
         LEFT JOIN users u ON u.id = m.host_user_id
         LEFT JOIN match_content mc ON mc.match_id = m.id
         LEFT JOIN content_games g ON g.id = mc.game_id
        WHERE m.status = 'waiting' AND m.listed AND m.created_at > $1
          AND coalesce(g.slug, m.game) = $2
          AND ($3::text IS NULL OR coalesce(mc.version::text, m.ruleset_version) = $3)
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.seats) s
                       WHERE s->>'kind' = 'human' AND NOT s ? 'userId')
          AND m.seats @> jsonb_build_array(jsonb_build_object('userId', m.host_user_id))
          AND NOT m.barred_user_ids ? $7
          AND ($4::bigint IS NULL OR
               (m.created_at, m.id) < ('epoch'::timestamptz + $4::bigint * interval '1 microsecond', $5))
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT $6`,
      [
        new Date(this.now() - this.waitingTtlMs).toISOString(),
        game,
        version ?? null,
        from?.t ?? null,
        from?.i ?? '',
        limit + 1,
        viewerId,
      ],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      tables: page.map(toTable),
      next: rows.length > limit && last ? encodeCursor({ t: last.created_key, i: last.id }) : null,
    };
  }

  /** Whether a match is an open table `viewerId` may join from the list (not one they were removed from). */
  async isOpen(matchId: string, viewerId: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM matches
        WHERE id = $1 AND status = 'waiting' AND listed AND NOT barred_user_ids ? $2`,
      [matchId, viewerId],
    );
    return rows.length > 0;
  }
}
