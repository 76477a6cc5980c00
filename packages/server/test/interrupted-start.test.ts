/**
 * A join seats its player and then starts the full table: two commits. A server stopped
 * between them (SIGKILL, a power cut) leaves a full table waiting in the store; it must start
 * once it is loaded again, and a join retried for want of an answer must start it too.
 */
import type { CreateMatchRequest } from '@cardtable/sdk/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { configFrom, startTestServer, testGames, type StoreKind } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

const TWO_PEOPLE: CreateMatchRequest = {
  game: 'secret-draw',
  options: { draws: 3 },
  seats: [{ kind: 'human' }, { kind: 'human' }],
};

describe.each<StoreKind>(['embedded', 'postgres'])('a start cut off by a crash (%s)', (store) => {
  const running: RunningServer[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) await server.close().catch(() => undefined);
  });

  /** A match whose second seat was stored taken, as a join does, but never started. */
  async function fullTableNeverStarted() {
    const first = await startTestServer(store);
    running.push(first);
    const alice = await guest(first.url, 'Alice');
    const bob = await guest(first.url, 'Bob');
    const created = await createMatch(first.url, alice.accessToken, TWO_PEOPLE);
    const record = await first.store.getMatch(created.matchId);
    const seats = record!.seats.map((seat, index) =>
      index === 1 ? { ...seat, userId: bob.user.id, name: 'Bob' } : seat,
    );
    await first.store.updateSeats(created.matchId, seats);
    await first.close();
    running.splice(running.indexOf(first), 1);
    const second = await startServer(configFrom(first.env), testGames);
    running.push(second);
    return { server: second, created, alice, bob };
  }

  it('starts when a player comes back to it', async () => {
    const { server, created, bob } = await fullTableNeverStarted();
    expect((await server.store.getMatch(created.matchId))?.status).toBe('waiting');
    const client = await RawClient.open(server.url, created.matchId, bob.accessToken);
    await client.waitFor('LEGAL', (message) => message.status === 'active');
    expect((await server.store.getMatch(created.matchId))?.status).toBe('active');
    client.socket.close();
  });

  it('starts when the join is retried', async () => {
    const { server, created, bob } = await fullTableNeverStarted();
    const again = await call<{ matchId: string }>(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code },
    });
    expect(again.status).toBe(200);
    expect((await server.store.getMatch(created.matchId))?.status).toBe('active');
  });
});
