import { SignJWT } from 'jose';
import { CardtableClient, type ConnectionState } from '@cardtable/sdk';
import type { AuthResponse } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { account, login, until } from './helpers/accounts.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer, type StoreKind } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

const ENV = { DEV_MAILBOX: 'true', RATE_AUTH_IP_PER_MIN: '10000', SESSION_CHECK_MS: '200' };

const twoSeats = (token: string, url: string) =>
  createMatch(url, token, {
    game: 'secret-draw',
    seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
  });

describe.each<StoreKind>(['embedded', 'postgres'])('access tokens and sessions on %s', (store) => {
  let server: RunningServer;
  let key: Uint8Array;
  let ada: AuthResponse;
  beforeAll(async () => {
    server = await startTestServer(store, ENV);
    const [row] = await server.db.query<{ value: string }>(
      `SELECT value FROM server_keys WHERE name = 'access_token'`,
    );
    key = new TextEncoder().encode(row?.value);
    ada = await account(server.url, 'Ada');
  });
  afterAll(async () => server?.close());

  const me = (token: string) => call(server.url, 'GET', '/api/me', { token });
  const claims = () => {
    const [, payload] = ada.accessToken.split('.');
    return JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<
      string,
      unknown
    >;
  };
  const sign = (
    payload: Record<string, unknown>,
    signingKey = key,
    exp = Math.floor(Date.now() / 1000) + 60,
  ) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('cardtable')
      .setSubject(String(payload.sub ?? ada.user.id))
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(signingKey);

  it('refuses tampered, foreign, expired, unsigned and sessionless tokens', async () => {
    expect((await me(ada.accessToken)).status).toBe(200);
    const [header, , signature] = ada.accessToken.split('.');
    const promoted = Buffer.from(JSON.stringify({ ...claims(), role: 'admin' })).toString(
      'base64url',
    );
    const cases: Record<string, string> = {
      'payload edited, signature kept': `${header}.${promoted}.${signature}`,
      'signed with another key': await sign(claims(), new TextEncoder().encode('x'.repeat(40))),
      expired: await sign(claims(), key, Math.floor(Date.now() / 1000) - 5),
      'alg none': `${Buffer.from('{"alg":"none"}').toString('base64url')}.${promoted}.`,
      'no session': await sign({ ...claims(), sid: undefined }),
      'unknown session': await sign({ ...claims(), sid: 's_made_up' }),
      'unknown role': await sign({ ...claims(), role: 'emperor' }),
      garbage: 'not.a.token',
    };
    for (const [name, token] of Object.entries(cases)) {
      const reply = await me(token);
      expect({ name, status: reply.status }).toEqual({ name, status: 401 });
    }
  });

  it('closes an open socket when its session is revoked, with SESSION_REVOKED', async () => {
    const phone = await login(server.url, 'ada');
    const match = await twoSeats(phone.body.accessToken, server.url);
    const socket = await RawClient.open(server.url, match.matchId, phone.body.accessToken);
    const sessions = await call<{ sessions: { id: string; current: boolean }[] }>(
      server.url,
      'GET',
      '/api/auth/sessions',
      { token: phone.body.accessToken },
    );
    const current = sessions.body.sessions.find((s) => s.current);
    await call(server.url, 'DELETE', `/api/auth/sessions/${current?.id}`, {
      token: ada.accessToken,
    });
    await until(() => socket.closed !== null);
    expect(socket.closed?.code).toBe(4403);
    expect(socket.received.at(-1)).toMatchObject({ type: 'ERROR', code: 'SESSION_REVOKED' });
    // The revoked token cannot open a new one either.
    const again = await RawClient.open(server.url, match.matchId, phone.body.accessToken, {
      waitWelcome: false,
    });
    await until(() => again.closed !== null);
    expect(again.closed?.code).toBe(4401);
  });
});

describe('sockets across nodes', () => {
  let first: RunningServer & { env: Record<string, string> };
  let second: RunningServer;
  beforeAll(async () => {
    first = await startTestServer('postgres', ENV);
    // A second node on the same database (same schema, same token key).
    second = await startTestServer('postgres', {
      ...ENV,
      DATABASE_SCHEMA: first.env.DATABASE_SCHEMA as string,
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('closes a socket on one node when its user logs out everywhere on another', async () => {
    const bo = await account(first.url, 'Bob');
    const match = await twoSeats(bo.accessToken, first.url);
    const socket = await RawClient.open(first.url, match.matchId, bo.accessToken);
    const fresh = await login(second.url, 'bob');
    await call(second.url, 'POST', '/api/auth/logout-all', { token: fresh.body.accessToken });
    await until(() => socket.closed !== null);
    expect(socket.closed?.code).toBe(4403);
    expect(socket.received.at(-1)).toMatchObject({ type: 'ERROR', code: 'SESSION_REVOKED' });
  });
});

describe('access token expiry on an open socket', () => {
  let first: RunningServer;
  beforeAll(async () => {
    first = await startTestServer('postgres', { ...ENV, ACCESS_TOKEN_TTL_S: '2' });
  });
  afterAll(async () => first?.close());

  it('asks a socket whose access token expired to reconnect, and the SDK does with a fresh one', async () => {
    const cy = await guest(first.url, 'Cy');
    const match = await twoSeats(cy.accessToken, first.url);
    const raw = await RawClient.open(first.url, match.matchId, cy.accessToken);
    await until(() => raw.closed !== null);
    expect(raw.closed?.code).toBe(4401);
    expect(raw.received.at(-1)).toMatchObject({ type: 'ERROR', code: 'UNAUTHORIZED' });

    const client = new CardtableClient({ baseUrl: first.url, session: cy });
    const connection = client.connect(match.matchId);
    const states: ConnectionState[] = [];
    connection.on('state', (state) => states.push(state));
    // Two expiries in a row: each ends in a reconnect, never in a closed connection.
    await until(() => states.filter((s) => s === 'open').length >= 3, 20_000);
    expect(states).toContain('reconnecting');
    expect(connection.state).not.toBe('closed');
    connection.close();
  });
});
