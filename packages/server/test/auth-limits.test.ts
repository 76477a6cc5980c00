import { randomBytes } from 'node:crypto';
import type { AuthResponse } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { MAILS_PER_RECIPIENT_PER_HOUR } from '../src/auth/mail.ts';
import {
  account,
  devMail,
  GOOD_PASSWORD,
  login,
  mailedToken,
  register,
} from './helpers/accounts.ts';
import { call, callFrom } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';

const BASE = {
  DEV_MAILBOX: 'true',
  SIGNUPS_PER_IP_PER_HOUR: '10000',
  RATE_AUTH_IP_PER_MIN: '10000',
};

/** A login attempt, optionally through a proxy that names the client in X-Forwarded-For. */
async function attempt(url: string, loginName: string, password: string, forwardedFor?: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ login: loginName, password }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { code: string; details?: Record<string, unknown> },
  };
}

describe('brute force against one account meets the lockout, with backoff', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', {
      ...BASE,
      LOGIN_LOCKOUT_AFTER: '3',
      LOGIN_LOCKOUT_BASE_S: '60',
      RATE_AUTH_ACCOUNT_PER_MIN: '1000',
    });
  });
  afterAll(async () => server?.close());

  it('locks after the allowed failures, refuses even the right password, and doubles the wait', async () => {
    await account(server.url, 'Target');
    for (let i = 0; i < 3; i++) {
      expect((await login(server.url, 'target', `guess number ${i}`)).status).toBe(401);
    }
    const locked = await login(server.url, 'target');
    expect(locked).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED', details: { limit: 'login_lockout' } },
    });
    const firstWait = locked.body.details?.retryAfterSeconds as number;
    expect(firstWait).toBeGreaterThan(30);
    expect(firstWait).toBeLessThanOrEqual(60);

    // The lock runs out (moved into the past here); one more failure locks for twice as long.
    await server.db.query(
      `UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 'Target'`,
    );
    expect((await login(server.url, 'target', 'guess number 4')).status).toBe(401);
    const longer = await login(server.url, 'target');
    expect(longer.body.details?.retryAfterSeconds as number).toBeGreaterThan(60);
    expect(longer.body.details?.retryAfterSeconds as number).toBeLessThanOrEqual(120);

    // After the lock, the right password works and clears the count.
    await server.db.query(
      `UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 'Target'`,
    );
    expect((await login(server.url, 'target')).status).toBe(200);
    const [row] = await server.db.query<{ failed_logins: number }>(
      `SELECT failed_logins FROM users WHERE username = 'Target'`,
    );
    expect(row?.failed_logins).toBe(0);
  });
});

describe('auth requests are limited per address and per account; signups per address', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', {
      ...BASE,
      RATE_AUTH_IP_PER_MIN: '6',
      RATE_AUTH_ACCOUNT_PER_MIN: '3',
      SIGNUPS_PER_IP_PER_HOUR: '2',
      RATE_REFRESH_PER_SESSION_PER_MIN: '3',
    });
  });
  afterAll(async () => server?.close());

  it('limits one account from any address, then one address for any account', async () => {
    const body = (name: string) => ({ body: { login: name, password: GOOD_PASSWORD } });
    for (let i = 0; i < 3; i++) {
      expect(
        (await callFrom('127.0.0.2', server.url, 'POST', '/api/auth/login', body('victim'))).status,
      ).toBe(401);
    }
    const perAccount = await callFrom<{ details: { limit: string } }>(
      '127.0.0.3',
      server.url,
      'POST',
      '/api/auth/login',
      body('victim'),
    );
    expect(perAccount).toMatchObject({
      status: 429,
      body: { details: { limit: 'auth_per_account' } },
    });
    // 127.0.0.2 has 3 requests left of 6; the fourth for other names is refused by address.
    for (let i = 0; i < 3; i++) {
      expect(
        (await callFrom('127.0.0.2', server.url, 'POST', '/api/auth/login', body(`other${i}`)))
          .status,
      ).toBe(401);
    }
    const perIp = await callFrom<{ details: { limit: string } }>(
      '127.0.0.2',
      server.url,
      'POST',
      '/api/auth/login',
      body('other9'),
    );
    expect(perIp).toMatchObject({ status: 429, body: { details: { limit: 'auth_per_ip' } } });
  });

  it('limits token refreshes per session; a refused token is kept; another session refreshes on', async () => {
    const refresh = (refreshToken: string) =>
      callFrom<AuthResponse & { details?: { limit: string } }>(
        '127.0.0.5',
        server.url,
        'POST',
        '/api/auth/refresh',
        { body: { refreshToken } },
      );
    const signedIn = await callFrom<AuthResponse>(
      '127.0.0.5',
      server.url,
      'POST',
      '/api/auth/guest',
      {
        body: { name: 'Refresher' },
      },
    );
    let token = signedIn.body.refreshToken;
    for (let i = 0; i < 3; i++) {
      const renewed = await refresh(token);
      expect(renewed.status).toBe(200);
      token = renewed.body.refreshToken;
    }
    // Each refresh stores a token for 30 days: without a limit, one client grows the table
    // as fast as the address may send requests.
    expect(await refresh(token)).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED', details: { limit: 'refresh_per_session' } },
    });
    const [stored] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1`,
      [signedIn.body.user.id],
    );
    expect(stored?.n).toBe(4);
    // The refused token was not used up: the session is not taken for a stolen copy's.
    const [unused] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND used_at IS NULL`,
      [signedIn.body.user.id],
    );
    expect(unused?.n).toBe(1);
    const other = await callFrom<AuthResponse>('127.0.0.5', server.url, 'POST', '/api/auth/guest', {
      body: { name: 'Other' },
    });
    expect((await refresh(other.body.refreshToken)).status).toBe(200);
  });

  it('limits account exports per account; another account exports on', async () => {
    const exportFrom = async (address: string, name: string) => {
      const { body } = await callFrom<AuthResponse>(
        address,
        server.url,
        'POST',
        '/api/auth/guest',
        {
          body: { name },
        },
      );
      return () =>
        callFrom<{ details?: { limit: string } }>(
          address,
          server.url,
          'GET',
          '/api/account/export',
          {
            token: body.accessToken,
          },
        );
    };
    const hoarder = await exportFrom('127.0.0.6', 'Hoarder');
    // RATE_AUTH_ACCOUNT_PER_MIN (3): an export reads every row the user ever stored.
    for (let i = 0; i < 3; i++) expect((await hoarder()).status).toBe(200);
    expect(await hoarder()).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED', details: { limit: 'auth_per_account' } },
    });
    expect((await (await exportFrom('127.0.0.7', 'Other'))()).status).toBe(200);
  });

  it('limits accounts made from one address', async () => {
    const signup = (name: string) =>
      callFrom<{ details?: { limit: string } }>(
        '127.0.0.4',
        server.url,
        'POST',
        '/api/auth/register',
        {
          body: { username: name, email: `${name}@example.com`, password: GOOD_PASSWORD },
        },
      );
    expect((await signup('first_one')).status).toBe(200);
    expect((await signup('second_one')).status).toBe(200);
    expect(await signup('third_one')).toMatchObject({
      status: 429,
      body: { details: { limit: 'signups_per_ip' } },
    });
    const [made] = await server.db.query<{ count: string }>(
      `SELECT count(*) AS count FROM users WHERE username = 'third_one'`,
    );
    expect(made?.count).toBe('0');
  });
});

describe('one account signing in again and again', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', {
      ...BASE,
      RATE_AUTH_ACCOUNT_PER_MIN: '10000',
      SESSIONS_PER_USER: '3',
    });
  });
  afterAll(async () => server?.close());

  it('keeps SESSIONS_PER_USER live sessions: each sign-in beyond signs the stalest out', async () => {
    const first = await account(server.url, 'looper');
    const later: AuthResponse[] = [];
    for (let i = 0; i < 4; i++) later.push((await login(server.url, 'looper')).body);
    const me = (token: string) => callFrom('127.0.0.8', server.url, 'GET', '/api/me', { token });
    // Five sign-ins, three kept: the first two are signed out, the newest three still work.
    expect((await me(first.accessToken)).status).toBe(401);
    expect((await me(later[0]!.accessToken)).status).toBe(401);
    for (const signedIn of later.slice(1))
      expect((await me(signedIn.accessToken)).status).toBe(200);
    const listed = await callFrom<{ sessions: unknown[] }>(
      '127.0.0.8',
      server.url,
      'GET',
      '/api/auth/sessions',
      { token: later[3]!.accessToken },
    );
    expect(listed.body.sessions).toHaveLength(3);
    const [live] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [first.user.id],
    );
    expect(live?.n).toBe(3);
  });
});

describe('TRUST_PROXY decides whose address the limits see', () => {
  let behindProxy: RunningServer;
  let direct: RunningServer;
  const limits = { ...BASE, RATE_AUTH_IP_PER_MIN: '2', RATE_AUTH_ACCOUNT_PER_MIN: '1000' };
  beforeAll(async () => {
    behindProxy = await startTestServer('postgres', { ...limits, TRUST_PROXY: '127.0.0.1' });
    direct = await startTestServer('postgres', limits);
  });
  afterAll(async () => {
    await behindProxy?.close();
    await direct?.close();
  });

  it('counts each forwarded client apart behind a trusted proxy, and ignores the header otherwise', async () => {
    for (let i = 0; i < 2; i++)
      expect((await attempt(behindProxy.url, 'x', 'y', '203.0.113.1')).status).toBe(401);
    expect((await attempt(behindProxy.url, 'x', 'y', '203.0.113.1')).status).toBe(429);
    expect((await attempt(behindProxy.url, 'x', 'y', '203.0.113.2')).status).toBe(401);

    expect((await attempt(direct.url, 'x', 'y', '203.0.113.1')).status).toBe(401);
    expect((await attempt(direct.url, 'x', 'y', '203.0.113.2')).status).toBe(401);
    // Forged headers change nothing: both came from 127.0.0.1.
    expect((await attempt(direct.url, 'x', 'y', '203.0.113.3')).status).toBe(429);
  });
});

describe('with REDIS_URL two nodes share the limits', () => {
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    const shared = {
      ...BASE,
      RATE_AUTH_IP_PER_MIN: '4',
      RATE_AUTH_ACCOUNT_PER_MIN: '1000',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `test-${randomBytes(6).toString('hex')}:`,
    };
    a = await startTestServer('postgres', shared);
    b = await startTestServer('postgres', shared);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('refuses on one node what the other already allowed', async () => {
    for (const node of [a, b, a, b]) expect((await attempt(node.url, 'x', 'y')).status).toBe(401);
    expect((await attempt(a.url, 'x', 'y')).status).toBe(429);
    expect((await attempt(b.url, 'x', 'y')).status).toBe(429);
  });
});

describe('mail to one address is capped per hour, whoever asks', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', { ...BASE, RATE_AUTH_ACCOUNT_PER_MIN: '1000' });
  });
  afterAll(async () => server?.close());

  it('sends at most MAILS_PER_RECIPIENT_PER_HOUR; the last link sent still works', async () => {
    const email = 'inbox@example.com';
    await account(server.url, 'Inbox', email);
    const forgot = () =>
      callFrom('127.0.0.30', server.url, 'POST', '/api/auth/password/forgot', { body: { email } });
    // A sign-up with the address already in use mails its owner too.
    expect((await register(server.url, 'Squatter', { email })).status).toBe(200);
    for (let i = 0; i < MAILS_PER_RECIPIENT_PER_HOUR * 2; i++) {
      expect((await forgot()).status).toBe(200);
    }
    const queued = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1',
      [email],
    );
    expect(queued[0]?.n).toBe(MAILS_PER_RECIPIENT_PER_HOUR);
    // Delivered into the dev mailbox by the sender, a moment later.
    let delivered = 0;
    for (let tries = 0; tries < 200 && delivered < MAILS_PER_RECIPIENT_PER_HOUR; tries++) {
      delivered = (await devMail(server.url)).filter((mail) => mail.to === email).length;
      if (delivered < MAILS_PER_RECIPIENT_PER_HOUR) await new Promise((r) => setTimeout(r, 50));
    }
    // The refused resets did not replace the last link mailed.
    const token = await mailedToken(server.url, email, '/reset-password');
    const reset = await call(server.url, 'POST', '/api/auth/password/reset', {
      body: { token, password: `${GOOD_PASSWORD}!` },
    });
    expect(reset.status).toBe(200);
  });
});

describe('a guest still plays at once', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', {
      ...BASE,
      RATE_AUTH_IP_PER_MIN: '1',
      SIGNUPS_PER_IP_PER_HOUR: '1',
    });
  });
  afterAll(async () => server?.close());

  it('is not held by the auth limits', async () => {
    for (let i = 0; i < 3; i++) {
      const reply = await callFrom('127.0.0.5', server.url, 'POST', '/api/auth/guest', {
        body: { name: `G${i}` },
      });
      expect(reply.status).toBe(200);
    }
    expect((await register(server.url, 'limited_one')).status).toBe(200);
  });
});

describe('guests made from one address', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('embedded', { ...BASE, GUESTS_PER_IP_PER_HOUR: '3' });
  });
  afterAll(async () => server?.close());

  it('are limited per hour (each is a user), and one address does not hold back another', async () => {
    const users = async () =>
      Number((await server.db.query<{ n: string }>('SELECT count(*) AS n FROM users'))[0]?.n);
    const guestFrom = (address: string, name: string) =>
      callFrom<{ code: string; details?: Record<string, unknown> }>(
        address,
        server.url,
        'POST',
        '/api/auth/guest',
        { body: { name } },
      );
    for (let i = 0; i < 3; i++) expect((await guestFrom('127.0.0.6', `G${i}`)).status).toBe(200);
    const before = await users();
    const refused = await guestFrom('127.0.0.6', 'One too many');
    expect(refused).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED', details: { limit: 'guests_per_ip' } },
    });
    expect(await users()).toBe(before);
    expect((await guestFrom('127.0.0.7', 'Elsewhere')).status).toBe(200);
  });
});
