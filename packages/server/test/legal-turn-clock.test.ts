import type { AuthResponse } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

describe('the LEGAL after a move carries the turn clock of the state it lists', () => {
  let server: RunningServer;
  let alice: AuthResponse;
  let bob: AuthResponse;
  beforeAll(async () => {
    server = await startTestServer('embedded');
    [alice, bob] = await Promise.all([guest(server.url, 'Alice'), guest(server.url, 'Bob')]);
  });
  afterAll(async () => server?.close());

  it('the new mover gets a deadline, the one who just moved gets none', async () => {
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      options: { draws: 3 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
      turnTimeLimitMs: 60_000,
    });
    await call(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code },
    });
    const a = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken);
    const moved = await a.act('draw');
    expect(moved.ok).toBe(true);
    const version = moved.ok ? moved.version : -1;

    const bobs = await b.waitFor('LEGAL', (m) => m.version === version);
    expect(bobs.legal.length).toBeGreaterThan(0);
    expect(bobs.turnEndsAt).not.toBeNull();
    const alices = await a.waitFor('LEGAL', (m) => m.version === version);
    expect(alices.legal).toEqual([]);
    expect(alices.turnEndsAt).toBeNull();
    await Promise.all([a.close(), b.close()]);
  });
});
