import {
  applyAction,
  foldEvents,
  startMatch,
  stateHash,
  type MatchConfig,
  type MatchState,
} from '@cardtable/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressKey } from '../src/address-key.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import {
  EventStore,
  VersionConflict,
  type QuotaUsage,
  type ResolutionWrite,
} from '../src/store/event-store.ts';
import { migrate } from '../src/store/migrate.ts';
import {
  secretDraw,
  type SecretDrawOptions,
  type SecretDrawState,
} from './fixtures/secret-draw.ts';
import { TEST_DATABASE_URL, tempDir, uniqueSchema, type StoreKind } from './helpers/server.ts';

const STORES: StoreKind[] = ['embedded', 'postgres'];

describe.each(STORES)('event store contract on %s', (kind) => {
  let db: Database;
  let store: EventStore;
  let userId: string;

  beforeAll(async () => {
    db = await openDatabase(
      kind === 'postgres'
        ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: uniqueSchema('es'), dataDir: '' }
        : { databaseUrl: null, databaseSchema: null, dataDir: tempDir() },
    );
    const applied = await migrate(db);
    expect(applied[0]).toBe('001_initial.sql');
    expect(applied).toEqual([...applied].sort());
    expect(applied).toContain('004_action_ids_per_seat.sql');
    expect(await migrate(db)).toEqual([]);
    userId = `u_${kind}`;
    await db.query(`INSERT INTO users (id, name, guest) VALUES ($1, 'Host', true)`, [userId]);
    store = new EventStore(db);
  });
  afterAll(async () => db?.close());

  let counter = 0;
  async function newMatch(): Promise<{ id: string; config: MatchConfig<SecretDrawOptions> }> {
    const id = `m_${kind}_${++counter}_${Date.now()}`;
    const config = {
      options: { draws: 3 },
      seats: [{ kind: 'human' as const }, { kind: 'human' as const }],
      seed: `seed-${id}`,
    };
    await store.createMatch({
      id,
      game: 'secret-draw',
      rulesetVersion: '1.0.0',
      engineVersion: '1.0.0',
      options: config.options,
      seats: config.seats,
      status: 'waiting',
      seed: config.seed,
      code: `C${counter}${kind === 'postgres' ? 'P' : 'E'}${Date.now() % 100000}`,
      hostUserId: userId,
      turnTimeLimitMs: null,
    });
    return { id, config };
  }

  const write = (
    id: string,
    next: MatchState<SecretDrawState>,
    resolution: ReturnType<
      typeof startMatch<SecretDrawState, never, never, SecretDrawOptions>
    >['resolution'],
    action: ResolutionWrite['action'],
    snapshotEvery = 0,
  ): ResolutionWrite => ({
    matchId: id,
    version: next.version,
    resolutionId: resolution.resolutionId,
    ts: new Date().toISOString(),
    steps: resolution.steps.map((s) => ({
      step: s.step,
      type: s.type,
      data: s.data,
      requiresAck: s.requiresAck,
    })),
    action,
    status: secretDraw.outcome(next.state) ? 'over' : 'active',
    result: secretDraw.outcome(next.state),
    ...(snapshotEvery && next.version % snapshotEvery === 0 ? { snapshot: next.state } : {}),
  });

  /**
   * Plays `count` actions after the start, appending each (with a snapshot of the state every
   * `snapshotEvery` versions, as the server writes them); returns the states by version.
   */
  async function play(
    id: string,
    config: MatchConfig<SecretDrawOptions>,
    count: number,
    snapshotEvery = 0,
  ) {
    const started = startMatch(secretDraw, config);
    await store.appendResolution(write(id, started.match, started.resolution as never, null));
    const states = [started.match];
    let match = started.match;
    for (let i = 0; i < count; i++) {
      const seat = secretDraw.activeSeats(match.state)[0] as number;
      const action = secretDraw.legalActions(match.state, seat)[0]!;
      const applied = applyAction(secretDraw, match, seat, action, `act-${i}`);
      if (!applied.ok) throw new Error(applied.error.message);
      match = applied.value.match;
      await store.appendResolution(
        write(
          id,
          match,
          applied.value.resolution as never,
          {
            actionId: `act-${i}`,
            seat,
            source: 'client',
            version: match.version,
            type: action.type,
            payload: action.payload,
          },
          snapshotEvery,
        ),
      );
      states.push(match);
    }
    return states;
  }

  it('runs a named statement prepared: its rows typed, its parameters by type, an error leaving the store usable', async () => {
    const sum = 'SELECT $1::int + 1 AS n, $2::jsonb AS doc, $3::text AS nothing';
    expect(await db.query(sum, [41, '{"a":[1]}', null], 'contract-sum')).toEqual([
      { n: 42, doc: { a: [1] }, nothing: null },
    ]);
    expect(await db.query(sum, [1, '[]', 'x'], 'contract-sum')).toEqual([
      { n: 2, doc: [], nothing: 'x' },
    ]);
    // Parameters are encoded alike on both stores (pg's encoding): an array as an array.
    expect(await db.query('SELECT $1::text[] AS list', [['a', 'b']], 'contract-list')).toEqual([
      { list: ['a', 'b'] },
    ]);
    const divide = 'SELECT 6 / $1::int AS q';
    await expect(db.query(divide, [0], 'contract-divide')).rejects.toMatchObject({ code: '22012' });
    expect(await db.query(divide, [3], 'contract-divide')).toEqual([{ q: 2 }]);
    await expect(db.query('SELEC 1', [], 'contract-typo')).rejects.toMatchObject({ code: '42601' });
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    if (kind === 'embedded') {
      // One session: what it prepared is there to see (a pool's other connections are not).
      const prepared = await db.query<{ name: string }>(
        `SELECT name FROM pg_prepared_statements WHERE name LIKE 'contract-%' ORDER BY name`,
      );
      expect(prepared.map((row) => row.name)).toEqual([
        'contract-divide',
        'contract-list',
        'contract-sum',
      ]);
    }
  });

  it('counts quota usage up to each cap, and ends stale matches except those in memory', async () => {
    const host = `q_${kind}`;
    await db.query(`INSERT INTO users (id, name, guest) VALUES ($1, 'Quota', true)`, [host]);
    const ids = [1, 2, 3].map((n) => `mq_${kind}_${n}`);
    const newMatch = (n: number) => ({
      id: `mq_${kind}_${n}`,
      game: 'secret-draw',
      rulesetVersion: '1.0.0',
      engineVersion: '1.0.0',
      options: { draws: 3 },
      seats: [{ kind: 'cpu' as const, profile: 'steady' }],
      status: 'waiting' as const,
      seed: `seed-${n}`,
      code: `Q${n}${kind === 'postgres' ? 'P' : 'E'}${Date.now() % 100000}`,
      hostUserId: host,
      turnTimeLimitMs: null,
      creatorIp: addressKey('10.0.0.9'),
    });
    for (const n of [1, 2, 3]) await store.createMatch(newMatch(n));
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const caps = {
      createdByUser: 2,
      openByUser: 10,
      createdByIp: 10,
      openByIp: 0,
      openTablesByUser: 5,
    };
    /** The usage a fourth creation is judged by (refused here, so nothing is stored). */
    const usage = async () => {
      const seen: QuotaUsage[] = [];
      const refusal = await store.createMatchWithinQuota(newMatch(4), since, caps, (counted) => {
        seen.push(counted);
        return 'refused';
      });
      expect(refusal).toBe('refused');
      return seen[0];
    };
    expect(await usage()).toEqual({
      createdByUser: 2,
      openByUser: 3,
      createdByIp: 3,
      openByIp: 0,
      openTablesByUser: 0,
    });

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const ended = await store.endStale({
      status: 'waiting',
      since: 'created_at',
      before: future,
      skip: [ids[0] as string],
      result: { winners: [], tie: false, standings: [], reason: 'expired' },
      endedAt: future,
    });
    expect(ended.filter((id) => id.startsWith('mq_')).sort()).toEqual(ids.slice(1));
    expect((await store.getMatch(ids[1] as string))?.result?.reason).toBe('expired');
    expect((await store.getMatch(ids[0] as string))?.status).toBe('waiting');
    expect((await usage())?.openByUser).toBe(1);
    expect(
      await store.waitingMatchIdByCode((await store.getMatch(ids[1] as string))!.code, host),
    ).toBeNull();

    // The later of two sightings wins, whatever order they are written in.
    await store.markSeen([{ id: ids[0] as string, at: future }]);
    await store.markSeen([{ id: ids[0] as string, at: since }]);
    expect((await store.getMatch(ids[0] as string))?.seenAt).toBe(future);
  });

  it('finds the accounts deleted since a time of its own clock, looking back as asked, by index', async () => {
    const mine = (found: { deleted: { userId: string }[] }) =>
      found.deleted.map((d) => d.userId).filter((id) => id.startsWith(`del_${kind}`));
    const user = async (id: string, deletedAgo: string | null) =>
      db.query(
        `INSERT INTO users (id, name, guest, deleted_at)
         VALUES ($1, 'Deleted player', true, now() - $2::interval)`,
        [`del_${kind}_${id}`, deletedAgo],
      );
    await user('kept', null);
    await user('long_ago', '1 hour');
    await user('lately', '1 second');
    // No look yet: back from the database's now.
    const first = await store.deletedSince(null, 60_000);
    expect(mine(first)).toEqual([`del_${kind}_lately`]);
    // Stamped before that look but seen only after it (a deletion committing late): found when
    // the next look reaches back past it, not otherwise.
    await db.query(
      `INSERT INTO users (id, name, guest, deleted_at)
       VALUES ($1, 'Deleted player', true, $2::timestamptz - interval '1 second')`,
      [`del_${kind}_late`, first.checkedAt],
    );
    expect(mine(await store.deletedSince(first.checkedAt, 0))).toEqual([]);
    expect(mine(await store.deletedSince(first.checkedAt, 60_000)).sort()).toEqual([
      `del_${kind}_late`,
      `del_${kind}_lately`,
    ]);
    // Read by the partial index on `deleted_at`, whatever the number of accounts.
    const plan = await db.transaction(async (query) => {
      await query('SET LOCAL enable_seqscan = off');
      return query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM users WHERE deleted_at > now() - interval '1 minute'`,
      );
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('users_deleted');
  });

  it('keeps seat stops and rematch offers, and the rematch a finished match leads to', async () => {
    const { id } = await newMatch();
    expect((await store.getMatch(id))!.rematchId).toBeNull();
    const seats = [
      { kind: 'human' as const, stops: ['spell'], rematch: true },
      { kind: 'cpu' as const, profile: 'steady', name: 'Dana' },
    ];
    await store.updateSeats(id, seats);
    const { id: next } = await newMatch();
    await store.setRematch(id, next);
    const stored = (await store.getMatch(id))!;
    expect(stored.seats).toEqual(seats);
    expect(stored.rematchId).toBe(next);
  });

  it('appends resolutions in order and reads them back unchanged', async () => {
    const { id, config } = await newMatch();
    const states = await play(id, config, 3);
    const events = await store.events(id);
    expect(events.map((e) => [e.version, e.step])).toEqual(
      events.map((e) => [e.version, e.step]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
    );
    expect(new Set(events.map((e) => e.version))).toEqual(new Set([1, 2, 3, 4]));
    expect(stateHash(foldEvents(secretDraw, config, events))).toBe(
      stateHash(states[states.length - 1]!.state),
    );
    const record = await store.getMatch(id);
    expect(record).toMatchObject({ version: 4, status: 'active' });
    expect((await store.events(id, 2, 3)).every((e) => e.version === 3)).toBe(true);
  });

  it('reads matches by id, one or several, and nothing for an id no match has', async () => {
    const [a, b] = [(await newMatch()).id, (await newMatch()).id];
    const one = await store.getMatch(a);
    expect(one).toMatchObject({ id: a, game: 'secret-draw', status: 'waiting' });
    expect(await store.getMatch('no-such-match')).toBeNull();
    const several = await store.getMatches([b, 'no-such-match', a]);
    expect(several.map((match) => match.id).sort()).toEqual([a, b].sort());
    expect(several.find((match) => match.id === a)).toEqual(one);
    expect(await store.getMatches([])).toEqual([]);
  });

  it('refuses a second write of the same (match, version, step) as a VersionConflict, whole', async () => {
    const { id, config } = await newMatch();
    await play(id, config, 1);
    const before = await store.events(id);
    const conflicting: ResolutionWrite = {
      matchId: id,
      version: 2,
      resolutionId: 'r2',
      ts: new Date().toISOString(),
      steps: [
        { step: 1, type: 'stood', data: { seat: 0 }, requiresAck: false },
        { step: 2, type: 'turn', data: { seat: 1 }, requiresAck: false },
      ],
      action: {
        actionId: 'another-writer',
        seat: 0,
        source: 'client',
        version: 2,
        type: 'stand',
        payload: {},
      },
      status: 'active',
      result: null,
    };
    await expect(store.appendResolution(conflicting)).rejects.toBeInstanceOf(VersionConflict);
    expect(await store.events(id)).toEqual(before);
    expect(await store.findAction(id, 0, 'another-writer')).toBeNull();
    // The store stays usable after the refusal.
    expect((await store.getMatch(id))?.version).toBe(2);
  });

  it('commits the appends of many matches together, and a conflict in a batch fails only its own', async () => {
    const matches = await Promise.all(Array.from({ length: 6 }, () => newMatch()));
    const starts = matches.map(({ config }) => startMatch(secretDraw, config));
    const commitsBefore = store.groupCommit.commits;
    await Promise.all(
      matches.map(({ id }, i) =>
        store.appendResolution(write(id, starts[i]!.match, starts[i]!.resolution as never, null)),
      ),
    );
    // Six appends made at once share fewer commits than one each.
    expect(store.groupCommit.commits - commitsBefore).toBeLessThan(matches.length);
    for (const [i, { id }] of matches.entries()) {
      expect((await store.getMatch(id))?.version).toBe(1);
      expect((await store.events(id)).length).toBe(starts[i]!.resolution.steps.length);
    }
    // A batch where one match's version is already stored: that one conflicts, the rest land.
    const nextOf = matches.map(({ id }, i) => {
      const match = starts[i]!.match;
      const seat = secretDraw.activeSeats(match.state)[0] as number;
      const action = secretDraw.legalActions(match.state, seat)[0]!;
      const applied = applyAction(secretDraw, match, seat, action, `batch-${i}`);
      if (!applied.ok) throw new Error(applied.error.message);
      return write(id, applied.value.match, applied.value.resolution as never, {
        actionId: `batch-${i}`,
        seat,
        source: 'client',
        version: applied.value.match.version,
        type: action.type,
        payload: action.payload,
      });
    });
    const stale = write(matches[0]!.id, starts[0]!.match, starts[0]!.resolution as never, null);
    const outcomes = await Promise.allSettled([
      store.appendResolution(stale),
      ...nextOf.slice(1).map((w) => store.appendResolution(w)),
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'rejected' });
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflict);
    expect(outcomes.slice(1).every((o) => o.status === 'fulfilled')).toBe(true);
    expect((await store.getMatch(matches[0]!.id))?.version).toBe(1);
    for (const { id } of matches.slice(1)) expect((await store.getMatch(id))?.version).toBe(2);
  });

  it('rebuilds the state from the latest snapshot plus the events after it', async () => {
    const { id, config } = await newMatch();
    const states = await play(id, config, 4, 2);
    const snapshot = await store.latestSnapshot(id);
    expect(snapshot?.version).toBe(4);
    let state = snapshot!.state as SecretDrawState;
    for (const event of await store.events(id, snapshot!.version)) {
      state = secretDraw.evolve(state, event as never);
    }
    expect(stateHash(state)).toBe(stateHash(states[4]!.state));
    expect((await store.latestSnapshot(id, 3))?.version).toBe(2);
    expect(await store.latestSnapshot(id, 1)).toBeNull();
  });

  it('remembers accepted actions so a retry is recognised, and lists them for replays', async () => {
    const { id, config } = await newMatch();
    await play(id, config, 2);
    const seat = (await store.actions(id)).find((a) => a.actionId === 'act-1')!.seat;
    expect(await store.findAction(id, seat, 'act-1')).toMatchObject({
      version: 3,
      actionId: 'act-1',
    });
    expect(await store.findAction(id, 1 - seat, 'act-1')).toBeNull();
    expect(await store.findAction(id, seat, 'unknown')).toBeNull();
    const retry: ResolutionWrite = {
      matchId: id,
      version: 4,
      resolutionId: 'r4',
      ts: new Date().toISOString(),
      steps: [{ step: 1, type: 'stood', data: { seat: 0 }, requiresAck: false }],
      action: { actionId: 'act-1', seat, source: 'client', version: 4, type: 'stand', payload: {} },
      status: 'active',
      result: null,
    };
    // The same actionId can never be stored twice: the whole resolution is refused.
    await expect(store.appendResolution(retry)).rejects.toBeInstanceOf(VersionConflict);
    expect(await store.events(id, 3)).toEqual([]);
    expect((await store.actions(id)).map((a) => a.version)).toEqual([2, 3]);
  });

  it('keeps action ids per seat and per source: no seat or client claims another one', async () => {
    const { id, config } = await newMatch();
    const started = startMatch(secretDraw, config);
    await store.appendResolution(write(id, started.match, started.resolution as never, null));
    let match = started.match;
    // One id for every move: seat 0's client, seat 1's client, then the server for seat 0.
    const plays = [
      { seat: 0, source: 'client' },
      { seat: 1, source: 'client' },
      { seat: 0, source: 'server' },
    ] as const;
    for (const { seat, source } of plays) {
      const action = secretDraw.legalActions(match.state, seat)[0]!;
      const applied = applyAction(secretDraw, match, seat, action, 'same-id');
      if (!applied.ok) throw new Error(applied.error.message);
      match = applied.value.match;
      await store.appendResolution(
        write(id, match, applied.value.resolution as never, {
          actionId: 'same-id',
          seat,
          source,
          version: match.version,
          type: action.type,
          payload: action.payload,
        }),
      );
    }
    expect((await store.actions(id)).map((a) => [a.seat, a.source, a.version])).toEqual([
      [0, 'client', 2],
      [1, 'client', 3],
      [0, 'server', 4],
    ]);
    expect(await store.findAction(id, 0, 'same-id')).toMatchObject({ version: 2 });
    expect(await store.findAction(id, 1, 'same-id')).toMatchObject({ version: 3 });
  });
});

describe.each(STORES)('the log moved to one row per resolution on %s', (kind) => {
  const ONE_ROW_LOG = '022_fastsrv_one_row_per_resolution.sql';

  it('keeps every step and action of a log written as rows per step and per action', async () => {
    const db = await openDatabase(
      kind === 'postgres'
        ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: uniqueSchema('log'), dataDir: '' }
        : { databaseUrl: null, databaseSchema: null, dataDir: tempDir() },
    );
    try {
      // Every migration but the one under test, then a log in the shape before it.
      await db.query(`CREATE TABLE schema_migrations (name text PRIMARY KEY,
                        applied_at timestamptz NOT NULL DEFAULT now())`);
      await db.query(`INSERT INTO schema_migrations (name) VALUES ($1)`, [ONE_ROW_LOG]);
      await migrate(db);
      await db.query(`INSERT INTO users (id, name, guest) VALUES ('h', 'Host', true)`);
      await db.query(
        `INSERT INTO matches (id, game, ruleset_version, engine_version, options, seats, status,
           seed, code, host_user_id, created_at)
         VALUES ('m1', 'golf', '1', '1', '{}', '[]', 'active', 's', 'C1', 'h',
                 '2026-01-01T00:00:00Z')`,
      );
      await db.query(
        `INSERT INTO match_events (match_id, version, step, resolution_id, type, data,
           requires_ack, ts)
         VALUES ('m1', 1, 1, 'r1', 'dealt', '{"hands":[1,2]}', true, '2026-01-01T00:00:01Z'),
                ('m1', 1, 2, 'r1', 'turn', NULL, false, '2026-01-01T00:00:01Z'),
                ('m1', 2, 1, 'r2', 'drew', '{"seat":0}', false, '2026-01-01T00:00:02Z')`,
      );
      // Version 3 is an action whose resolution had no steps.
      await db.query(
        `INSERT INTO match_actions (match_id, action_id, seat, source, version, type, payload,
           result)
         VALUES ('m1', 'a2', 0, 'client', 2, 'draw', '{"pile":"deck"}', '{"version":2}'),
                ('m1', 'a3', 1, 'server', 3, 'pass', NULL, '{"version":3}')`,
      );
      await db.query(`DELETE FROM schema_migrations WHERE name = $1`, [ONE_ROW_LOG]);
      expect(await migrate(db)).toEqual([ONE_ROW_LOG]);

      const store = new EventStore(db);
      expect(await store.events('m1')).toEqual([
        {
          version: 1,
          step: 1,
          resolutionId: 'r1',
          type: 'dealt',
          data: { hands: [1, 2] },
          requiresAck: true,
          ts: '2026-01-01T00:00:01.000Z',
        },
        {
          version: 1,
          step: 2,
          resolutionId: 'r1',
          type: 'turn',
          data: null,
          requiresAck: false,
          ts: '2026-01-01T00:00:01.000Z',
        },
        {
          version: 2,
          step: 1,
          resolutionId: 'r2',
          type: 'drew',
          data: { seat: 0 },
          requiresAck: false,
          ts: '2026-01-01T00:00:02.000Z',
        },
      ]);
      expect(await store.actions('m1')).toEqual([
        {
          actionId: 'a2',
          seat: 0,
          source: 'client',
          version: 2,
          type: 'draw',
          payload: { pile: 'deck' },
        },
        { actionId: 'a3', seat: 1, source: 'server', version: 3, type: 'pass', payload: null },
      ]);
      expect((await store.getMatch('m1'))?.version).toBe(3);
      expect(await store.findAction('m1', 0, 'a2')).toMatchObject({ version: 2 });
    } finally {
      await db.close();
    }
  });
});
