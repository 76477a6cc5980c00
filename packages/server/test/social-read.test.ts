import type {
  Leaderboard,
  MatchHistory,
  PlayerProfile,
  RatingHistory,
} from '@cardtable/sdk/social';
import type { ErrorBody, MatchMetadata } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../src/errors.ts';
import { afterIdlePeriods, RATING_PERIOD_MS } from '../src/social/glicko2.ts';
import { Leaderboards } from '../src/social/leaderboard.ts';
import type { Database } from '../src/store/database.ts';
import { addUsers, openTestDatabase, writeFinished } from './helpers/finished-matches.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer, type StoreKind } from './helpers/server.ts';

const STORES: StoreKind[] = ['embedded', 'postgres'];

describe.each(STORES)('leaderboards on %s', (kind) => {
  let db: Database;
  // 13 players; four share 1600 exactly, two share 1400; two have too few games to be listed.
  const ratings: [string, number, number][] = [
    ['u01', 1500, 9],
    ['u02', 1600, 9],
    ['u03', 1700, 9],
    ['u04', 1600, 9],
    ['u05', 1400, 9],
    ['u06', 1600, 9],
    ['u07', 1800, 2],
    ['u08', 1300, 9],
    ['u09', 1600, 9],
    ['u10', 1400, 9],
    ['u11', 1550.5, 9],
    ['u12', 1200, 1],
    ['u13', 1650, 9],
  ];
  /** The rating period every fixture player last played in. */
  const LAST_PERIOD = 20_000;
  const expected = ratings
    .filter(([, , games]) => games >= 5)
    .sort(([ua, ra], [ub, rb]) => rb - ra || (ua < ub ? -1 : 1))
    .map(([user]) => user);

  beforeAll(async () => {
    db = await openTestDatabase(kind, 'lb');
    await addUsers(
      db,
      ratings.map(([user]) => user),
    );
    for (const [user, rating, games] of ratings)
      await db.query(
        `INSERT INTO player_ratings
           (game, version, user_id, rating, rd, volatility, games, updated_at, last_period)
         VALUES ('golf', '1.0.0', $1, $2, 80, 0.06, $3, now(), $4)`,
        [user, rating, games, LAST_PERIOD],
      );
  });
  afterAll(async () => db?.close());

  it('pages through every listed player once, ties by user id, positions in order', async () => {
    const board = new Leaderboards(db, 5);
    for (const limit of [1, 3, 4, 100]) {
      const seen: string[] = [];
      const positions: number[] = [];
      let after: string | undefined;
      for (let page = 0; page < 20; page++) {
        const result = await board.page(
          'golf',
          '1.0.0',
          { limit, ...(after ? { after } : {}) },
          'u09',
        );
        seen.push(...result.entries.map((e) => e.userId));
        positions.push(...result.entries.map((e) => e.position));
        expect(result.me?.userId).toBe('u09');
        expect(result.me?.position).toBe(expected.indexOf('u09') + 1);
        if (!result.next) break;
        after = result.next;
      }
      expect(seen).toEqual(expected);
      expect(positions).toEqual(expected.map((_, i) => i + 1));
    }
  });

  it('shows the RD as of now: grown by the rating periods each player sat out', async () => {
    const at = (period: number) => () => period * RATING_PERIOD_MS + 1000;
    const played = new Leaderboards(db, 5, at(LAST_PERIOD + 1));
    expect((await played.page('golf', '1.0.0', {}, null)).entries[0]?.rd).toBe(80);
    const away = new Leaderboards(db, 5, at(LAST_PERIOD + 31));
    const { entries, me } = await away.page('golf', '1.0.0', {}, 'u09');
    const grown = afterIdlePeriods({ rating: 0, rd: 80, volatility: 0.06 }, 30).rd;
    expect(grown).toBeGreaterThan(80);
    expect(entries.every((entry) => Math.abs(entry.rd - grown) < 1e-9)).toBe(true);
    expect(me?.rd).toBeCloseTo(grown, 9);
  });

  it('has no entry for a player below the minimum, and refuses a forged cursor', async () => {
    const board = new Leaderboards(db, 5);
    expect(await board.entryOf('golf', '1.0.0', 'u07')).toBeNull();
    const forged = Buffer.from(JSON.stringify({ r: 'x', u: 1 })).toString('base64url');
    await expect(board.page('golf', '1.0.0', { after: forged }, null)).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(await board.boards()).toEqual({
      boards: [{ game: 'golf', version: '1.0.0', players: expected.length }],
      minGames: 5,
    });
  });
});

describe.each(STORES)('profiles and history over HTTP on %s', (kind) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(kind, {
      LEADERBOARD_MIN_GAMES: '1',
      SOCIAL_PROJECTION_POLL_MS: '600000',
    });
  });
  afterAll(async () => server?.close());

  it('projects finished matches into a leaderboard, a profile, a chart and a history', async () => {
    const ana = await guest(server.url, 'Ana');
    const ben = await guest(server.url, 'Ben');
    const a = ana.user.id;
    const b = ben.user.id;
    const base = Date.UTC(2026, 2, 1);
    for (let i = 0; i < 5; i++) {
      await writeFinished(server.db, {
        id: `hist${i}`,
        game: 'golf',
        seats: [a, b, null],
        places: i === 4 ? [2, 1, 3] : [1, 2, 3],
        rated: true,
        houseRule: i === 3,
        rounds: [{ scores: [i === 0 ? -2 : 5, 8, 9], finisher: 0 }],
        endedAt: new Date(base + i * 60_000).toISOString(),
      });
    }
    // Finished, not yet folded: the profile says how many are still being counted.
    const before = await call<PlayerProfile>(server.url, 'GET', `/api/players/${a}`, {
      token: ana.accessToken,
    });
    expect([before.body.counting, before.body.ratings]).toEqual([5, []]);
    expect(await server.projector.catchUp()).toBe(5);

    const board = await call<Leaderboard>(server.url, 'GET', '/api/leaderboards/golf/1.0.0', {
      token: ana.accessToken,
    });
    expect(board.status).toBe(200);
    // Match 3 had a house rule: not standard, so not rated. Ana won 3 of 4 rated ones.
    expect(board.body.entries.map((e) => [e.userId, e.games])).toEqual([
      [a, 4],
      [b, 4],
    ]);
    expect(board.body.me?.position).toBe(1);

    const profile = await call<PlayerProfile>(server.url, 'GET', `/api/players/${a}`, {
      token: ben.accessToken,
    });
    expect(profile.body.user.name).toBe('Ana');
    expect(profile.body.counting).toBe(0);
    const golf = profile.body.stats.find((s) => s.game === 'golf')?.stats as Record<
      string,
      unknown
    >;
    expect(golf).toMatchObject({ games: 5, wins: 4, bestStreak: 4, currentStreak: 0 });
    expect(golf.golf).toMatchObject({ rounds: 5, bestRound: -2, worstRound: 5, knockOuts: 5 });
    expect(profile.body.achievements.map((x) => [x.id, x.matchId])).toEqual([
      ['first-game', 'hist0'],
      ['first-win', 'hist0'],
      ['golf-perfect-round', 'hist0'],
      ['three-in-a-row', 'hist2'],
    ]);
    expect(profile.body.achievements[0]?.grantedAt).toBe(new Date(base).toISOString());

    const chart = await call<RatingHistory>(
      server.url,
      'GET',
      `/api/players/${a}/ratings/golf/1.0.0`,
      { token: ana.accessToken },
    );
    expect(chart.body.points.map((p) => p.matchId)).toEqual(['hist0', 'hist1', 'hist2', 'hist4']);
    expect(chart.body.points[3]!.rating).toBeLessThan(chart.body.points[2]!.rating);

    const pages: string[] = [];
    let after = '';
    for (let i = 0; i < 5; i++) {
      const page = await call<MatchHistory>(
        server.url,
        'GET',
        `/api/players/${a}/matches?limit=2${after ? `&after=${after}` : ''}`,
        { token: ana.accessToken },
      );
      expect(page.status).toBe(200);
      pages.push(...page.body.matches.map((m) => m.matchId));
      if (!page.body.next) break;
      after = page.body.next;
    }
    expect(pages).toEqual(['hist4', 'hist3', 'hist2', 'hist1', 'hist0']);

    // Tables that never started are nobody's history: one its host closed (for real, over
    // HTTP) and one that expired; a started one nobody stayed at (abandoned) is, as a no-contest.
    const table = await createMatch(server.url, ana.accessToken, {
      game: 'secret-draw',
      options: { draws: 1 },
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
    });
    await call(server.url, 'POST', '/api/matches/join', {
      token: ben.accessToken,
      body: { code: table.code },
    });
    const closed = await call<MatchMetadata>(
      server.url,
      'POST',
      `/api/matches/${table.matchId}/close`,
      { token: ana.accessToken },
    );
    expect(closed.body).toMatchObject({ status: 'over', result: { reason: 'closed' } });
    for (const reason of ['expired', 'abandoned']) {
      await writeFinished(server.db, {
        id: `hist-${reason}`,
        game: 'golf',
        seats: [a, b, null],
        places: [1, 1, 1],
        rated: false,
        reason,
        endedAt: new Date(base + 10 * 60_000).toISOString(),
      });
    }
    for (const [who, token] of [
      [a, ana.accessToken],
      [b, ben.accessToken],
    ] as const) {
      const history = await call<MatchHistory>(server.url, 'GET', `/api/players/${who}/matches`, {
        token,
      });
      expect(history.body.matches.map((m) => [m.matchId, m.reason])).toEqual([
        ['hist-abandoned', 'abandoned'],
        ...['hist4', 'hist3', 'hist2', 'hist1', 'hist0'].map((id) => [id, null]),
      ]);
    }

    const bad = await call(server.url, 'GET', `/api/players/${a}/matches?after=nonsense`, {
      token: ana.accessToken,
    });
    expect(bad.status).toBe(400);
    // Every page of a player nobody is answers alike: no such player, not an empty history.
    for (const page of ['', '/matches', '/ratings/golf/1.0.0']) {
      const missing = await call<ErrorBody>(server.url, 'GET', `/api/players/nobody${page}`, {
        token: ana.accessToken,
      });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ code: 'NOT_FOUND', message: 'No such player.' });
    }
    const anonymous = await call(server.url, 'GET', `/api/leaderboards`);
    expect(anonymous.status).toBe(401);
  });
});
