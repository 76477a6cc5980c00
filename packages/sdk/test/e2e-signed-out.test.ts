/**
 * A saved session the server no longer honours (signed out elsewhere) against a real server: the
 * SDK does not trust its saved access token past the first UNAUTHORIZED. It refreshes once; a
 * refused refresh forgets the session and says so (onSession(null)), so an app shows itself
 * signed out instead of being refused forever. A token refused while its session still lives is
 * refreshed, and the socket goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../cli/src/load/server-process.ts';
import { CardtableClient, type AuthResponse } from '../src/index.ts';
import { expectOk, signedIn, startTestServer, until } from './support/e2e.ts';

let server: ServerProcess;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** A client on `session`, as an app reloaded with it saved; records what it is told to save. */
function reloaded(session: AuthResponse | null) {
  const told: (AuthResponse | null)[] = [];
  const client = new CardtableClient({
    baseUrl: server.url,
    session,
    onSession: (next) => told.push(next),
  });
  return { client, told };
}

/** Signs the session out on the server, as another device of the same person would. */
async function signOutElsewhere(session: AuthResponse): Promise<void> {
  const response = await fetch(`${server.url}/api/auth/logout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  expect(response.status).toBe(200);
}

async function matchOf(client: CardtableClient): Promise<string> {
  const created = expectOk(
    await client.api.createMatch({
      game: 'golf',
      options: { rounds: 1 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
    }),
  );
  return created.matchId;
}

describe('a session signed out elsewhere', () => {
  it('ends a match socket with UNAUTHORIZED and forgets the session', async () => {
    const ann = await signedIn(server.url, 'Ann');
    const matchId = await matchOf(ann);
    const saved = ann.api.session!;
    await signOutElsewhere(saved);

    const { client, told } = reloaded(saved);
    const connection = client.connect(matchId, { backoff: { initialMs: 10, maxMs: 50 } });
    await until(() => connection.closeReason !== null);
    expect(connection.closeReason?.code).toBe('UNAUTHORIZED');
    expect(client.api.session).toBeNull();
    expect(told).toEqual([null]);
  });

  it('refuses a chat room for good, not again and again, and forgets the session', async () => {
    const bea = await signedIn(server.url, 'Bea');
    const saved = bea.api.session!;
    await signOutElsewhere(saved);

    const { client, told } = reloaded(saved);
    const room = client.chat('lobby:golf', { backoff: { initialMs: 10, maxMs: 50 } });
    const errors: string[] = [];
    room.on('error', (error) => errors.push(error.code));
    await until(() => room.state === 'refused');
    expect(errors).toContain('UNAUTHORIZED');
    expect(client.api.session).toBeNull();
    expect(told).toEqual([null]);
    room.close();
  });

  it('answers HTTP with UNAUTHORIZED once and forgets the session', async () => {
    const cy = await signedIn(server.url, 'Cy');
    const saved = cy.api.session!;
    await signOutElsewhere(saved);

    const { client, told } = reloaded(saved);
    const mine = await client.api.myMatches();
    expect(mine).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(client.api.session).toBeNull();
    expect(told).toEqual([null]);
  });
});

describe('a token refused while its session lives', () => {
  it('is refreshed once, and the match socket and the chat room open with the fresh one', async () => {
    const dee = await signedIn(server.url, 'Dee');
    const matchId = await matchOf(dee);
    // The saved access token is bad (a clock far off, a key rotated); its refresh token is good.
    const saved = { ...dee.api.session!, accessToken: 'not-a-token' };

    const { client, told } = reloaded(saved);
    const connection = client.connect(matchId, { backoff: { initialMs: 10, maxMs: 50 } });
    await until(() => connection.state === 'open' || connection.closeReason !== null);
    expect(connection.closeReason).toBeNull();
    expect(connection.seat).toBe(0);
    expect(told).toHaveLength(1);
    expect(told[0]?.accessToken).not.toBe('not-a-token');
    connection.close();

    const other = reloaded({ ...client.api.session!, accessToken: 'not-a-token' });
    const room = other.client.chat('lobby:golf', { backoff: { initialMs: 10, maxMs: 50 } });
    await until(() => room.state === 'open' || room.state === 'refused');
    expect(room.state).toBe('open');
    expect(other.client.api.session?.accessToken).not.toBe('not-a-token');
    room.close();
  });
});
