import type { AccountRole } from '@cardtable/sdk/accounts';
import type { AuthResponse } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { SignupPolicy } from '../src/auth/signup-policy.ts';
import { account, login, register } from './helpers/accounts.ts';
import { call, guest } from './helpers/http.ts';
import { startTestServer, type StoreKind } from './helpers/server.ts';

const ADMIN_PASSWORD = 'admin secret 4 tests';
const ENV = {
  DEV_MAILBOX: 'true',
  RATE_AUTH_IP_PER_MIN: '10000',
  SIGNUPS_PER_IP_PER_HOUR: '10000',
  ADMIN_USERNAME: 'root',
  ADMIN_EMAIL: 'root@example.com',
  ADMIN_PASSWORD,
};

type Caller = 'anonymous' | 'guest' | AccountRole;
const CALLERS: Caller[] = ['anonymous', 'guest', 'player', 'creator', 'moderator', 'admin'];

interface GuardedRoute {
  method: string;
  path: (target: string) => string;
  body?: unknown;
  /** Who gets in (an admin passes every guard). */
  allowed: Caller[];
}

/** Every admin and moderator route, each behind the one role guard. */
const ROUTES: GuardedRoute[] = [
  { method: 'GET', path: () => '/api/admin/signup', allowed: ['admin'] },
  {
    method: 'PUT',
    path: () => '/api/admin/signup',
    body: { mode: 'open', perDay: 100 },
    allowed: ['admin'],
  },
  { method: 'POST', path: () => '/api/admin/invites', body: { count: 1 }, allowed: ['admin'] },
  {
    method: 'PUT',
    path: (target) => `/api/admin/users/${target}/role`,
    body: { role: 'player' },
    allowed: ['admin'],
  },
  { method: 'GET', path: () => '/api/moderation/users?q=a', allowed: ['moderator', 'admin'] },
  { method: 'POST', path: () => '/api/admin/social/rebuild', allowed: ['admin'] },
  { method: 'GET', path: () => '/api/moderation/chat-reports', allowed: ['moderator', 'admin'] },
  {
    method: 'DELETE',
    path: (target) => `/api/moderation/users/${target}/chat-silence`,
    allowed: ['moderator', 'admin'],
  },
];

describe.each<StoreKind>(['embedded', 'postgres'])('roles and signups on %s', (store) => {
  let server: RunningServer;
  let admin: AuthResponse;
  const tokens = new Map<Caller, string>();
  let target: AuthResponse;

  beforeAll(async () => {
    server = await startTestServer(store, ENV);
    const root = await login(server.url, 'root', ADMIN_PASSWORD);
    expect(root.body.user.role).toBe('admin');
    admin = root.body;
    tokens.set('admin', admin.accessToken);
    tokens.set('guest', (await guest(server.url, 'Guesty')).accessToken);
    for (const role of ['player', 'creator', 'moderator'] as const) {
      const user = await account(server.url, `a_${role}`);
      if (role !== 'player') {
        const set = await call(server.url, 'PUT', `/api/admin/users/${user.user.id}/role`, {
          token: admin.accessToken,
          body: { role },
        });
        expect(set.status).toBe(200);
      }
      tokens.set(role, user.accessToken);
    }
    target = await account(server.url, 'target_user');
  });
  afterAll(async () => server?.close());

  it('the bootstrap admin from the environment has a verified email and signs in', async () => {
    const profile = await call(server.url, 'GET', '/api/account', { token: admin.accessToken });
    expect(profile.body).toMatchObject({
      username: 'root',
      email: 'root@example.com',
      emailVerified: true,
      role: 'admin',
    });
  });

  for (const route of ROUTES) {
    for (const caller of CALLERS) {
      const expected = caller === 'anonymous' ? 401 : route.allowed.includes(caller) ? 200 : 403;
      it(`${route.method} ${route.path(':id')} as ${caller} answers ${expected}`, async () => {
        const token = tokens.get(caller);
        const reply = await call(server.url, route.method, route.path(target.user.id), {
          ...(token ? { token } : {}),
          ...(route.body !== undefined ? { body: route.body } : {}),
        });
        expect(reply.status).toBe(expected);
      });
    }
  }

  it('applies a role change at once, even to tokens issued before it', async () => {
    const moderator = tokens.get('moderator') as string;
    const [row] = await server.db.query<{ id: string }>(
      `SELECT id FROM users WHERE username = 'a_moderator'`,
    );
    const demote = await call(server.url, 'PUT', `/api/admin/users/${row?.id}/role`, {
      token: admin.accessToken,
      body: { role: 'player' },
    });
    expect(demote.status).toBe(200);
    expect(
      (await call(server.url, 'GET', '/api/moderation/users', { token: moderator })).status,
    ).toBe(403);
    const self = await call(server.url, 'PUT', `/api/admin/users/${admin.user.id}/role`, {
      token: admin.accessToken,
      body: { role: 'player' },
    });
    expect(self.status).toBe(409);
  });

  it('lets one of two admins demoting each other at once win; the other is refused, still an admin', async () => {
    const [kim, lou] = await Promise.all([
      account(server.url, `admin_kim_${store}`),
      account(server.url, `admin_lou_${store}`),
    ]);
    for (const promoted of [kim, lou])
      expect(
        (
          await call(server.url, 'PUT', `/api/admin/users/${promoted.user.id}/role`, {
            token: admin.accessToken,
            body: { role: 'admin' },
          })
        ).status,
      ).toBe(200);
    const demote = (by: AuthResponse, whom: AuthResponse) =>
      call<{ code?: string }>(server.url, 'PUT', `/api/admin/users/${whom.user.id}/role`, {
        token: by.accessToken,
        body: { role: 'player' },
      });
    // Each passed the role guard while both were admins; only the first change may stand.
    const answers = await Promise.all([demote(kim, lou), demote(lou, kim)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 403]);
    expect(answers.find((answer) => answer.status === 403)?.body.code).toBe('FORBIDDEN');
    const roles = await server.db.query<{ role: string }>(
      'SELECT role FROM users WHERE id = ANY($1) ORDER BY role',
      [[kim.user.id, lou.user.id]],
    );
    expect(roles.map((row) => row.role)).toEqual(['admin', 'player']);
  });

  // Transactions on the embedded store run one at a time: the race needs PostgreSQL's.
  it.runIf(store === 'postgres')(
    "lets one of two overlapping signups take the day's last metered place",
    async () => {
      const [{ count }] = (await server.db.query<{ count: string }>(
        `SELECT count(*) AS count FROM users WHERE registered_at > now() - interval '1 day'`,
      )) as [{ count: string }];
      const policy = new SignupPolicy(server.db, { mode: 'metered', perDay: Number(count) + 1 });
      await server.db.query(`DELETE FROM server_settings WHERE name = 'signup'`);
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let firstIn = () => {};
      const firstAdmitted = new Promise<void>((resolve) => (firstIn = resolve));
      // The first signup is admitted and writes its row, but has not committed yet.
      const first = server.db.transaction(async (query) => {
        await policy.admit(query, undefined);
        await query(
          `INSERT INTO users (id, name, guest, registered_at) VALUES ('u-meter-1', 'One', false, now())`,
        );
        firstIn();
        await released;
      });
      await firstAdmitted;
      let settled = false;
      const second = server.db
        .transaction((query) => policy.admit(query, undefined))
        .then(
          () => 'admitted',
          (error: { body?: { code?: string } }) => error.body?.code ?? String(error),
        )
        .finally(() => (settled = true));
      // The second either counts at once (no lock) or waits for the first's lock (an advisory
      // lock's key is its 32 low bits in objid).
      while (!settled) {
        const waits = await server.db.query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
             AND objid::bigint = hashtext('signups:metered')::bigint & 4294967295`,
        );
        if (waits.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      release();
      await first;
      expect(await second).toBe('QUOTA_EXCEEDED');
    },
  );

  it('switches signups between open, invite-only and metered', async () => {
    const setMode = (mode: string, perDay = 100) =>
      call(server.url, 'PUT', '/api/admin/signup', {
        token: admin.accessToken,
        body: { mode, perDay },
      });
    expect((await setMode('invite')).status).toBe(200);
    expect((await call(server.url, 'GET', '/api/auth/options')).body).toMatchObject({
      signup: 'invite',
    });
    expect(await register(server.url, 'no_invite')).toMatchObject({
      status: 403,
      body: { details: { reason: 'invite_required' } },
    });
    const visitor = await guest(server.url, 'Visitor');
    expect(
      (await register(server.url, 'guest_no_invite', { token: visitor.accessToken })).status,
    ).toBe(403);
    const invites = await call<{ codes: string[] }>(server.url, 'POST', '/api/admin/invites', {
      token: admin.accessToken,
      body: { count: 2, usesEach: 1 },
    });
    const [first, second] = invites.body.codes as [string, string];
    expect(
      (await register(server.url, 'invited_one', { inviteCode: first.toLowerCase() })).status,
    ).toBe(200);
    expect(await register(server.url, 'invited_two', { inviteCode: first })).toMatchObject({
      status: 403,
      body: { details: { reason: 'invite_invalid' } },
    });
    expect(
      (
        await register(server.url, 'guest_invited', {
          token: visitor.accessToken,
          inviteCode: second,
        })
      ).status,
    ).toBe(200);

    const [{ count }] = (await server.db.query<{ count: string }>(
      `SELECT count(*) AS count FROM users WHERE registered_at > now() - interval '1 day'`,
    )) as [{ count: string }];
    await setMode('metered', Number(count) + 1);
    expect((await register(server.url, 'metered_in')).status).toBe(200);
    expect(await register(server.url, 'metered_out')).toMatchObject({
      status: 429,
      body: { code: 'QUOTA_EXCEEDED', details: { limit: 'signups_per_day' } },
    });
    await setMode('open');
    expect((await register(server.url, 'open_again')).status).toBe(200);
  });
});
