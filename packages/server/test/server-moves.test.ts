import { fail, verifyReplay, type ReplayFile } from '@cardtable/engine';
import type { AuthResponse, MatchMetadata } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.ts';
import { secretDraw } from './fixtures/secret-draw.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { gameRegistry } from '../src/games.ts';
import { configFrom, startTestServer, testGames } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

/**
 * The ids the server's moves have (or could have) up to version `upTo`, for both seats; without
 * the plain ids of `playedSeat`'s moves, which the player sends with accepted actions instead.
 */
function serverIds(upTo: number, playedSeat?: number): string[] {
  const ids: string[] = [];
  for (let version = 1; version <= upTo; version++) {
    for (const seat of [0, 1]) {
      for (const source of ['cpu', 'timeout']) {
        const id = `${source}-${version}-${seat}`;
        if (seat !== playedSeat) ids.push(id);
        ids.push(`${id}-fallback`, `${id}-1`, `${id}-2`);
      }
    }
  }
  return ids;
}

/** Sends refused actions (unknown, or from a version to come) with each id: each is remembered. */
async function claim(client: RawClient, ids: string[]): Promise<void> {
  for (const [index, actionId] of ids.entries()) {
    const result =
      index % 2
        ? await client.act('bogus', {}, { actionId })
        : await client.act('draw', {}, { actionId, knownVersion: 1_000_000 });
    expect(result.ok).toBe(false);
  }
}

/** The first WELCOME or LEGAL after `version` that lets the seat act, or says the match is over. */
async function nextTurn(client: RawClient, version: number) {
  type Turn = { version: number; status: string; legal: { type: string; payload: unknown }[] };
  const ready = (m: Turn) => m.version > version && (m.status === 'over' || m.legal.length > 0);
  const welcome = client.received.find(
    (m): m is Extract<typeof m, { type: 'WELCOME' }> => m.type === 'WELCOME' && ready(m),
  );
  return welcome ?? client.waitFor('LEGAL', ready, 30_000);
}

/**
 * Plays a seat's turns to the end of the match, each with an id the server's own moves use (or
 * used): accepted on the player's own turn, they must not block the server's moves.
 */
async function playOut(client: RawClient): Promise<void> {
  let acted = -1;
  for (;;) {
    const legal = await nextTurn(client, acted);
    if (legal.status === 'over') return;
    acted = legal.version;
    const action = legal.legal[0] as { type: string; payload: unknown };
    // The CPU's next id, then the timeout rule's for the other seat.
    const actionId = acted % 2 ? `cpu-${acted + 2}-1` : `timeout-${acted + 2}-1`;
    // With a turn clock her own time may run out first (on a slow machine): acting on the
    // version she saw, that is STALE_VERSION (MATCH_OVER when it was the last move), not a
    // refusal of her turn.
    const result = await client.act(action.type, action.payload, {
      actionId,
      knownVersion: acted,
    });
    if (!result.ok) expect(['STALE_VERSION', 'MATCH_OVER']).toContain(result.error.code);
  }
}

async function verifiedExport(url: string, matchId: string, token: string) {
  const exported = await call<ReplayFile>(url, 'GET', `/api/matches/${matchId}/export`, { token });
  expect(exported.status).toBe(200);
  expect(exported.body.match.status).toBe('over');
  expect(verifyReplay(secretDraw, exported.body)).toMatchObject({ ok: true });
  return exported.body;
}

describe("the server's own moves cannot be claimed or blocked by a player", () => {
  let server: RunningServer & { env: Record<string, string> };
  let alice: AuthResponse;
  let bob: AuthResponse;
  beforeAll(async () => {
    // The claims below are hundreds of frames in a burst: the message rate limit is not the subject.
    server = await startTestServer('postgres', {
      RATE_MESSAGES_PER_S: '100000',
      RATE_MESSAGE_BURST: '100000',
    });
    [alice, bob] = await Promise.all([guest(server.url, 'Alice'), guest(server.url, 'Bob')]);
  });
  afterAll(async () => server?.close());

  // The CPU always draws ('eager'), so turns alternate and it has moves left after the restart.
  // (Against 'bold', which stands one turn in ten, this test once waited for a CPU turn that
  // never came: after a stand every turn is Alice's, and counting versions two by two hung.)
  it("a player who sends the CPU's ids, before and after a restart, never stops the CPU", async () => {
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      options: { draws: 10 },
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'eager' }],
    });
    let client = await RawClient.open(server.url, created.matchId, alice.accessToken);
    await claim(client, serverIds(30, 1));
    // Her first moves carry the CPU's next ids (accepted: they are her own ids).
    let acted = 0;
    for (let i = 0; i < 3; i++) {
      const legal = await nextTurn(client, acted);
      const draw = legal.legal.find((a) => a.type === 'draw')!;
      const result = await client.act(draw.type, draw.payload, {
        actionId: `cpu-${legal.version + 2}-1`,
      });
      expect(result).toMatchObject({ ok: true, version: legal.version + 1 });
      acted = legal.version;
    }
    const beforeRestart = (await nextTurn(client, acted)).version;
    expect(beforeRestart).toBe(7);

    // Restarted on the same database: the claimed ids are stored, the CPU still plays.
    await client.close();
    const env = server.env;
    await server.close();
    server = Object.assign(await startServer(configFrom(env), testGames), { env });
    client = await RawClient.open(server.url, created.matchId, alice.accessToken);
    await claim(client, serverIds(30, 1).slice(0, 200));
    await playOut(client);
    const replay = await verifiedExport(server.url, created.matchId, alice.accessToken);
    const cpuMoves = replay.actions.filter((a) => a.seat === 1);
    expect(cpuMoves.map((a) => a.type)).toEqual(Array(10).fill('draw'));
    expect(cpuMoves.filter((a) => a.version > beforeRestart)).toHaveLength(7);
    await client.close();
  });

  it('a player who claims the timeout ids of the other seat never stops its turn clock', async () => {
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      options: { draws: 2 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
      turnTimeLimitMs: 1000,
    });
    await call(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code },
    });
    const a = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken);
    // Bob claims every id of his own timeouts (refused, out of turn or unknown), Alice too.
    await Promise.all([claim(b, serverIds(12)), claim(a, serverIds(12, 1))]);
    // Bob never plays: each of his turns runs out and the timeout rule plays it.
    await playOut(a);
    const over = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${created.matchId}`, {
      token: alice.accessToken,
    });
    expect(over.body.status).toBe('over');
    const replay = await verifiedExport(server.url, created.matchId, alice.accessToken);
    expect(replay.actions.some((action) => action.seat === 1)).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('a refused automatic move never leaves a match without a way forward', () => {
  /** The CPU's seat is refused its first few moves, whatever it plays (a rules bug, say). */
  let refusalsLeft = 0;
  const refusing = {
    ...secretDraw,
    decide: (...args: Parameters<typeof secretDraw.decide>) =>
      args[1] === 1 && refusalsLeft-- > 0
        ? fail('FLAKY', 'Refused for the test.')
        : secretDraw.decide(...args),
  };
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', {}, gameRegistry({ game: refusing as never }));
  });
  afterAll(async () => server?.close());

  it('tries every legal move, then again later, until the CPU has moved', async () => {
    const alice = await guest(server.url, 'Alice');
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      options: { draws: 2 },
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
    });
    const client = await RawClient.open(server.url, created.matchId, alice.accessToken);
    // More refusals than one attempt has moves (its choice plus each legal move): a stall.
    refusalsLeft = 4;
    expect((await client.act('stand')).ok).toBe(true);
    await client.waitFor('MATCH_STATUS', (m) => m.status === 'over', 20_000);
    expect(refusalsLeft).toBeLessThan(0);
    await verifiedExport(server.url, created.matchId, alice.accessToken);
    await client.close();
  });
});
