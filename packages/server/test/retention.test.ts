import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/store/database.ts';
import { EventStore } from '../src/store/event-store.ts';
import { migrate } from '../src/store/migrate.ts';
import type { GuestScan } from '../src/store/guest-retention.ts';
import { purgeExpired } from '../src/store/retention.ts';
import { USER_REFERENCES } from '../src/store/user-references.ts';
import { TEST_DATABASE_URL, tempDir, uniqueSchema, type StoreKind } from './helpers/server.ts';

const DAY = 86_400_000;
const SETTINGS = {
  sessionRetentionMs: 30 * DAY,
  playtestRetentionMs: 30 * DAY,
  mailRetentionMs: 7 * DAY,
};

describe.each<StoreKind>(['embedded', 'postgres'])('retention sweep on %s', (kind) => {
  let db: Database;
  let store: EventStore;
  const now = Date.now();
  /** An instant `days` from now (negative: in the past), as the database stores it. */
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const ids = async (sql: string) =>
    (await db.query<{ id: string }>(sql)).map((row) => row.id).sort();

  beforeAll(async () => {
    db = await openDatabase(
      kind === 'postgres'
        ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: uniqueSchema('ret'), dataDir: '' }
        : { databaseUrl: null, databaseSchema: null, dataDir: tempDir() },
    );
    await migrate(db);
    store = new EventStore(db);
    await db.query(`INSERT INTO users (id, name, guest) VALUES ('u', 'Keeper', true)`);
  });
  afterAll(async () => db?.close());

  const session = (id: string, lastSeen: number, revoked: number | null) =>
    db.query(
      `INSERT INTO sessions (id, user_id, last_seen_at, revoked_at, revoke_reason)
       VALUES ($1, 'u', $2, $3, $4)`,
      [id, at(lastSeen), revoked === null ? null : at(revoked), revoked === null ? null : 'logout'],
    );
  /** A waiting match of one human seat, hosted by `hostUserId`. */
  const newMatch = (id: string, hostUserId: string) =>
    store.createMatch({
      id,
      game: 'secret-draw',
      rulesetVersion: '1.0.0',
      engineVersion: '1.0.0',
      options: { draws: 3 },
      seats: [{ kind: 'human' }],
      status: 'waiting',
      seed: `seed-${id}`,
      code: `C-${id}`,
      hostUserId,
      turnTimeLimitMs: null,
    });
  const token = (hash: string, sessionId: string, expires: number, used: boolean) =>
    db.query(
      `INSERT INTO refresh_tokens (token_hash, user_id, session_id, expires_at, used_at)
       VALUES ($1, 'u', $2, $3, $4)`,
      [hash, sessionId, at(expires), used ? at(-1) : null],
    );

  it('purges expired refresh tokens and dead sessions, keeping used tokens until they expire (reuse detection)', async () => {
    await session('s-live', 0, null);
    await token('t-used-live', 's-live', 10, true);
    await token('t-current', 's-live', 10, false);
    await token('t-expired', 's-live', -1, true);
    // Signed out 40 days ago: its unexpired token is of no use any more.
    await session('s-revoked-old', -40, -40);
    await token('t-revoked-old', 's-revoked-old', 10, false);
    // Signed out yesterday: its token still says SESSION_REVOKED, not "unknown".
    await session('s-revoked-recent', -1, -1);
    await token('t-revoked-recent', 's-revoked-recent', 20, false);
    // Never signed out, gone for 70 days: its last token expired 40 days ago.
    await session('s-idle', -70, null);
    await token('t-idle', 's-idle', -40, false);
    // Gone 10 days, token expired: kept until the retention has passed.
    await session('s-idle-recent', -10, null);
    await token('t-idle-recent', 's-idle-recent', -5, false);

    const report = await purgeExpired(db, SETTINGS, now);
    expect(report).toMatchObject({ refreshTokens: 4, sessions: 2 });
    expect(await ids('SELECT token_hash AS id FROM refresh_tokens')).toEqual([
      't-current',
      't-revoked-recent',
      't-used-live',
    ]);
    expect(await ids('SELECT id FROM sessions')).toEqual([
      's-idle-recent',
      's-live',
      's-revoked-recent',
    ]);
  });

  it('purges used and expired email links, expired sign-in flows and handoffs, and old sent mail', async () => {
    const link = (hash: string, expires: number, used: boolean) =>
      db.query(
        `INSERT INTO email_tokens (token_hash, user_id, purpose, email, expires_at, used_at)
         VALUES ($1, 'u', 'verify', 'a@example.com', $2, $3)`,
        [hash, at(expires), used ? at(-0.01) : null],
      );
    await link('e-live', 1, false);
    await link('e-used', 1, true);
    await link('e-expired', -1, false);
    for (const [hash, expires] of [
      ['f-live', 0.01],
      ['f-expired', -0.01],
    ] as const) {
      await db.query(
        `INSERT INTO oidc_flows (state_hash, provider, code_verifier, nonce, expires_at)
         VALUES ($1, 'corp', 'v', 'n', $2)`,
        [hash, at(expires)],
      );
      await db.query(
        `INSERT INTO oidc_handoffs (code_hash, user_id, expires_at) VALUES ($1, 'u', $2)`,
        [hash.replace('f-', 'h-'), at(expires)],
      );
    }
    for (const [subject, created, sent] of [
      ['sent long ago', -9, -8],
      ['sent yesterday', -1, -1],
      ['never sent', -30, null],
    ] as const) {
      await db.query(
        `INSERT INTO mail_outbox (to_address, subject, body, created_at, sent_at)
         VALUES ('a@example.com', $1, '', $2, $3)`,
        [subject, at(created), sent === null ? null : at(sent)],
      );
    }

    const report = await purgeExpired(db, SETTINGS, now);
    expect(report).toMatchObject({ emailTokens: 2, oidcFlows: 1, oidcHandoffs: 1, mail: 1 });
    expect(await ids('SELECT token_hash AS id FROM email_tokens')).toEqual(['e-live']);
    expect(await ids('SELECT state_hash AS id FROM oidc_flows')).toEqual(['f-live']);
    expect(await ids('SELECT code_hash AS id FROM oidc_handoffs')).toEqual(['h-live']);
    expect(await ids('SELECT subject AS id FROM mail_outbox')).toEqual([
      'never sent',
      'sent yesterday',
    ]);
  });

  it('purges playtests over for the retention, whole, then the snapshots no match pins', async () => {
    const match = async (id: string, status: 'active' | 'over', endedDays: number | null) => {
      await newMatch(id, 'u');
      await db.query(`UPDATE matches SET status = $2, ended_at = $3 WHERE id = $1`, [
        id,
        status,
        endedDays === null ? null : at(endedDays),
      ]);
      await db.query(`INSERT INTO match_players (match_id, seat, user_id) VALUES ($1, 0, 'u')`, [
        id,
      ]);
      await db.query(
        `INSERT INTO match_log (match_id, version, resolution_id, ts, steps)
         VALUES ($1, 1, 'r', now(), '[{"step":1,"type":"dealt","data":{},"requires_ack":false}]')`,
        [id],
      );
      await db.query(
        `INSERT INTO chat_messages (room, channel, user_id, user_name, body)
         VALUES ($1, 'players', 'u', 'Keeper', 'gg')`,
        [`match:${id}`],
      );
    };
    const pin = (matchId: string, hash: string) =>
      db.query(
        `INSERT INTO match_content (match_id, game_id, version, content_hash)
         VALUES ($1, 'g', NULL, $2)`,
        [matchId, hash],
      );
    const snapshot = (hash: string, createdDays: number) =>
      db.query(
        `INSERT INTO content_snapshots (game_id, content_hash, slug, name, draft_revision, files, created_at)
         VALUES ('g', $1, 'g', 'G', 1, '{}', $2)`,
        [hash, at(createdDays)],
      );
    await match('p-old', 'over', -40);
    await pin('p-old', 'h-old');
    await snapshot('h-old', -45);
    await match('p-recent', 'over', -1);
    await pin('p-recent', 'h-recent');
    await snapshot('h-recent', -45);
    await match('p-live', 'active', null);
    await pin('p-live', 'h-live');
    await snapshot('h-live', -45);
    // Not a playtest: history is kept.
    await match('built-in-old', 'over', -40);
    // Orphans: one old (its playtest was never made), one just taken (its playtest is coming).
    await snapshot('h-orphan-old', -45);
    await snapshot('h-orphan-new', 0);

    const report = await purgeExpired(db, SETTINGS, now);
    expect(report).toMatchObject({ playtests: 1, snapshots: 2 });
    expect(await ids('SELECT id FROM matches')).toEqual(['built-in-old', 'p-live', 'p-recent']);
    for (const table of ['match_players', 'match_log', 'match_content']) {
      expect(await ids(`SELECT DISTINCT match_id AS id FROM ${table}`), table).not.toContain(
        'p-old',
      );
    }
    expect(await ids('SELECT room AS id FROM chat_messages')).not.toContain('match:p-old');
    expect(await ids('SELECT content_hash AS id FROM content_snapshots')).toEqual([
      'h-live',
      'h-orphan-new',
      'h-recent',
    ]);
  });

  it('deletes in bounded batches: a sweep stops after its batches, the next goes on', async () => {
    for (let i = 0; i < 5; i++) {
      await db.query(
        `INSERT INTO oidc_handoffs (code_hash, user_id, expires_at) VALUES ($1, 'u', $2)`,
        [`batch-${i}`, at(-1)],
      );
    }
    const limits = { rows: 2, matches: 1, batches: 2 };
    expect((await purgeExpired(db, SETTINGS, now, limits)).oidcHandoffs).toBe(4);
    expect((await purgeExpired(db, SETTINGS, now, limits)).oidcHandoffs).toBe(1);
    expect((await purgeExpired(db, SETTINGS, now, limits)).oidcHandoffs).toBe(0);
  });
  /** A user made `createdDays` from now: a guest, or an account registered then. */
  const user = (id: string, createdDays: number, registered = false) =>
    db.query(
      `INSERT INTO users (id, name, guest, created_at, registered_at) VALUES ($1, $1, $2, $3, $4)`,
      [id, !registered, at(createdDays), registered ? at(createdDays) : null],
    );
  const guestIds = () => ids(`SELECT id FROM users WHERE id LIKE 'g-%'`);

  it('purges guests made more than the session retention ago that nothing names; keeps any in use', async () => {
    await user('g-unused', -40);
    await user('g-recent', -10);
    await user('g-registered', -40, true);
    // A session signed out long ago goes first in the same sweep, and then its guest.
    await user('g-old-session', -40);
    await db.query(
      `INSERT INTO sessions (id, user_id, last_seen_at, revoked_at, revoke_reason)
       VALUES ('s-g-old', 'g-old-session', $1, $1, 'logout')`,
      [at(-35)],
    );
    // Still signed in: a guest's browser keeps the session for as long as it comes back.
    await user('g-live-session', -40);
    await db.query(
      `INSERT INTO sessions (id, user_id, last_seen_at) VALUES ('s-g-live', 'g-live-session', $1)`,
      [at(-1)],
    );
    // Seated in, hosting, or turned away from a match; and what a match left them.
    await user('g-seated', -40);
    await user('g-host', -40);
    await user('g-barred', -40);
    await newMatch('m-guests', 'g-host');
    await db.query(
      `INSERT INTO match_players (match_id, seat, user_id) VALUES ('m-guests', 0, 'g-seated')`,
    );
    await db.query(
      `UPDATE matches SET barred_user_ids = '["g-barred"]'::jsonb WHERE id = 'm-guests'`,
    );
    await user('g-stats', -40);
    await db.query(
      `INSERT INTO player_stats (user_id, game, stats, updated_at)
       VALUES ('g-stats', 'secret-draw', '{}', now())`,
    );
    await user('g-chat', -40);
    await db.query(
      `INSERT INTO chat_messages (room, channel, user_id, user_name, body)
       VALUES ('lobby:secret-draw', 'lobby', 'g-chat', 'g-chat', 'hi')`,
    );
    await user('g-muted', -40);
    await db.query(`INSERT INTO chat_mutes (user_id, muted_user_id) VALUES ('u', 'g-muted')`);

    const report = await purgeExpired(db, SETTINGS, now);
    expect(report).toMatchObject({ guests: 2 });
    expect(await guestIds()).toEqual([
      'g-barred',
      'g-chat',
      'g-host',
      'g-live-session',
      'g-muted',
      'g-recent',
      'g-registered',
      'g-seated',
      'g-stats',
    ]);
    expect((await purgeExpired(db, SETTINGS, now)).guests).toBe(0);
  });

  it('names every foreign key to users among the references a guest is kept for, each by index', async () => {
    const namespace = `(SELECT relnamespace FROM pg_class WHERE oid = 'users'::regclass)`;
    const keys = await db.query<{ table: string; column: string }>(
      `SELECT t.relname AS table, a.attname AS column
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
       WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass`,
    );
    const pair = (table: string, column: string) => `${table}.${column}`;
    expect(USER_REFERENCES.map(([table, column]) => pair(table, column)).sort()).toEqual(
      keys.map((key) => pair(key.table, key.column)).sort(),
    );
    const leading = await db.query<{ table: string; column: string }>(
      `SELECT t.relname AS table, a.attname AS column
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
       WHERE t.relnamespace = ${namespace}`,
    );
    const indexed = new Set(leading.map((index) => pair(index.table, index.column)));
    for (const [table, column] of USER_REFERENCES)
      expect(indexed, pair(table, column)).toContain(pair(table, column));
  });

  it('looks at a bounded window of guests per batch and goes on after it the next sweep', async () => {
    // Four guests in use made before the unused one: a batch of two, two batches a sweep.
    for (let i = 0; i < 4; i++) {
      await user(`g-played-${i}`, -60 + i / 10);
      await db.query(
        `INSERT INTO player_stats (user_id, game, stats, updated_at)
         VALUES ($1, 'secret-draw', '{}', now())`,
        [`g-played-${i}`],
      );
    }
    await user('g-behind', -59);
    const limits = { rows: 2, matches: 1, batches: 2 };
    const scan: GuestScan = { after: null };
    // Started from the oldest each time, a sweep would never get past the four.
    expect((await purgeExpired(db, SETTINGS, now, limits)).guests).toBe(0);
    expect((await purgeExpired(db, SETTINGS, now, limits)).guests).toBe(0);
    expect((await purgeExpired(db, SETTINGS, now, limits, scan)).guests).toBe(0);
    expect((await purgeExpired(db, SETTINGS, now, limits, scan)).guests).toBe(1);
    expect(await guestIds()).not.toContain('g-behind');
    // Past the last guest, the scan starts over from the oldest.
    for (let i = 0; i < 5 && scan.after !== null; i++)
      await purgeExpired(db, SETTINGS, now, limits, scan);
    expect(scan.after).toBeNull();
  });

  it.runIf(kind === 'postgres')('skips a guest another transaction holds locked', async () => {
    await user('g-locked', -40);
    await db.transaction(async (query) => {
      await query(`SELECT id FROM users WHERE id = 'g-locked' FOR UPDATE`);
      await purgeExpired(db, SETTINGS, now);
      expect(await guestIds()).toContain('g-locked');
    });
    await purgeExpired(db, SETTINGS, now);
    expect(await guestIds()).not.toContain('g-locked');
  });
});
