import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import type { MatchMetadata, ServerMessage } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { secretDraw, type SecretDrawView } from './fixtures/secret-draw.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';
import { playUntilOver, RawClient } from './helpers/socket-client.ts';

describe('a match over real sockets (secret-draw)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres');
  });
  afterAll(async () => server?.close());

  it('two people and a CPU play to the end; nobody sees what they may not', async () => {
    const alice = await guest(server.url, 'Alice');
    const bob = await guest(server.url, 'Bob');
    const carol = await guest(server.url, 'Carol');
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      options: { draws: 3 },
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'cpu', profile: 'bold' }],
    });
    expect(created.seat).toBe(0);
    const a = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const spectator = await RawClient.open(server.url, created.matchId, carol.accessToken);
    expect(spectator.received[0]).toMatchObject({ type: 'WELCOME', role: 'spectator', seat: null });

    const joined = await call<{ seat: number }>(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code.toLowerCase() },
    });
    expect(joined).toMatchObject({ status: 200, body: { seat: 1 } });
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken);

    let n = 0;
    await Promise.all([playUntilOver(a, (k) => n++ % k), playUntilOver(b, (k) => (n++ * 7) % k)]);
    await spectator.next('LEGAL', () => false, 300).catch(() => undefined);

    // Carol watched it live; once over, its replay is private, and so is the match: she finds none.
    const meta = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${created.matchId}`, {
      token: carol.accessToken,
    });
    expect(meta.status).toBe(404);
    const own = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${created.matchId}`, {
      token: bob.accessToken,
    });
    expect(own.body.status).toBe('over');
    expect(own.body.result?.winners.length).toBeGreaterThan(0);

    // Each player's view, rebuilt from WELCOME plus diffs, equals the server's view for them.
    for (const [client, token] of [
      [a, alice.accessToken],
      [b, bob.accessToken],
    ] as const) {
      const state = await call<{ view: SecretDrawView }>(
        server.url,
        'GET',
        `/api/matches/${created.matchId}/state`,
        { token },
      );
      expect(client.view).toEqual(state.body.view);
    }

    // Hidden information: no frame to a seat carries another seat's card before the reveal,
    // nor the deck order, nor the seed.
    const exported = await call<ReplayFile>(
      server.url,
      'GET',
      `/api/matches/${created.matchId}/export`,
      { token: alice.accessToken },
    );
    expect(exported.status).toBe(200);
    const replay = exported.body;
    expect(verifyReplay(secretDraw, replay)).toMatchObject({ ok: true });
    const seed = replay.match.seed as string;
    const deck = (replay.events.find((e) => e.type === 'shuffled')?.data as { deck: number[] })
      .deck;
    for (const [client, seat] of [
      [a, 0],
      [b, 1],
      [spectator, null],
    ] as const) {
      for (const frame of client.rawFrames) expect(frame).not.toContain(seed);
      for (const message of client.received) assertProjected(message, seat, deck);
    }
  });
});

function assertProjected(message: ServerMessage, seat: number | null, deck: number[]): void {
  if (message.type !== 'EVENT') return;
  const { type, data } = message.event as { type: string; data: Record<string, unknown> };
  if (type === 'shuffled') expect(data.deck).not.toEqual(deck);
  if ((type === 'dealt' || type === 'drew') && data.seat !== seat) expect(data.card).toBeNull();
  for (const op of message.event.stateDiff) {
    const match = /^\/hands\/(\d+)\//.exec(op.path);
    if (match && Number(match[1]) !== seat && 'value' in op && op.value !== null) {
      // Another seat's card may only show once the hands are revealed.
      expect(message.event.type).toBe('revealed');
    }
  }
}
