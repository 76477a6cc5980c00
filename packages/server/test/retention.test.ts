import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/store/database.ts';
import { EventStore } from '../src/store/event-store.ts';
import { migrate } from '../src/store/migrate.ts';
import { purgeExpired } from '../src/store/retention.ts';
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
      await store.createMatch({
        id,
        game: 'secret-draw',
        rulesetVersion: '1.0.0',
        engineVersion: '1.0.0',
        options: { draws: 3 },
        seats: [{ kind: 'human' }],
        status: 'waiting',
        seed: `seed-${id}`,
        code: `C-${id}`,
        hostUserId: 'u',
        turnTimeLimitMs: null,
      });
      await db.query(`UPDATE matches SET status = $2, ended_at = $3 WHERE id = $1`, [
        id,
        status,
        endedDays === null ? null : at(endedDays),
      ]);
      await db.query(`INSERT INTO match_players (match_id, seat, user_id) VALUES ($1, 0, 'u')`, [
        id,
      ]);
      await db.query(
        `INSERT INTO match_events (match_id, version, step, resolution_id, type, data, requires_ack, ts)
         VALUES ($1, 1, 0, 'r', 'dealt', '{}', false, now())`,
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
    for (const table of ['match_players', 'match_events', 'match_content']) {
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
});
