import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import type { AuthResponse, MatchMetadata } from '@cardtable/sdk/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { secretDraw } from './fixtures/secret-draw.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

/** One hostile move of a client. */
type Hostile =
  | { kind: 'action'; id: Id; type: string; knownVersion?: number }
  | { kind: 'legal'; id: Id }
  | { kind: 'resume'; lastVersion: number; lastStep: number; lastResolutionId?: string }
  | { kind: 'flood'; frames: number }
  | { kind: 'claimAhead' }
  | { kind: 'ack'; resolutionId: string; step: number }
  | { kind: 'reconnect'; inUrl: boolean };

/** An action id: a fixed one, or one of the server's next ids (relative to what the client saw). */
type Id = string | { source: string; ahead: number; seat: number; suffix: string };

const actionId: fc.Arbitrary<Id> = fc.oneof(
  fc.record({
    source: fc.constantFrom('cpu', 'timeout'),
    ahead: fc.integer({ min: 1, max: 3 }),
    seat: fc.integer({ min: 0, max: 2 }),
    suffix: fc.constantFrom('', '', '-1', '-2', '-fallback'),
  }),
  fc.constantFrom('same', 'again', 'a-1'),
  fc.string({ minLength: 1, maxLength: 24 }),
);

const idFor = (id: Id, client: RawClient) =>
  typeof id === 'string' ? id : `${id.source}-${client.version + id.ahead}-${id.seat}${id.suffix}`;

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.record({
    kind: fc.constant('action' as const),
    id: actionId,
    type: fc.constantFrom('draw', 'stand', 'timeout', 'bogus'),
    knownVersion: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('legal' as const), id: actionId }),
  fc.record({
    kind: fc.constant('resume' as const),
    lastVersion: fc.integer({ min: 0, max: 40 }),
    lastStep: fc.integer({ min: 0, max: 6 }),
    lastResolutionId: fc.option(fc.constantFrom('r0', 'r1', 'r5', 'rX'), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('flood' as const), frames: fc.integer({ min: 5, max: 80 }) }),
  fc.record({
    kind: fc.constant('ack' as const),
    resolutionId: fc.constantFrom('r1', 'r2', 'r99', 'x'),
    step: fc.integer({ min: 0, max: 9 }),
  }),
  fc.record({ kind: fc.constant('reconnect' as const), inUrl: fc.boolean() }),
  fc.constant({ kind: 'claimAhead' as const }),
);

/** Every id the server's next moves would have had (CPU seat 2, the timeout rule elsewhere). */
const nextServerIds = (version: number) =>
  [1, 2].flatMap((ahead) =>
    [0, 1, 2].flatMap((seat) =>
      ['', '-1', '-fallback'].map(
        (suffix) => `${seat === 2 ? 'cpu' : 'timeout'}-${version + ahead}-${seat}${suffix}`,
      ),
    ),
  );

const MATCHES = 4;
const MOVES_PER_CLIENT = 40;
const SEED = 20261205;

describe('hostile sequences never stop a match, and every log still verifies', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', {
      DISCONNECT_GRACE_MS: '300',
      RATE_MESSAGES_PER_S: '40',
      RATE_MESSAGE_BURST: '60',
    });
  });
  afterAll(async () => server?.close());

  /** Plays one client's hostile moves, reconnecting whenever it is dropped or asks to. */
  async function play(matchId: string, user: AuthResponse, moves: Hostile[]): Promise<void> {
    let client = await RawClient.open(server.url, matchId, user.accessToken);
    for (const move of moves) {
      if (client.closed || move.kind === 'reconnect') {
        const previous = client;
        previous.drop();
        const again = await RawClient.open(server.url, matchId, user.accessToken, {
          resumeFrom: previous,
          resumeInUrl: move.kind === 'reconnect' && move.inUrl,
        }).catch((error: Error) => {
          // A spectator reconnecting once the match is over finds none (its replay is private).
          if (error.message.includes('4404')) return null;
          throw error;
        });
        if (!again) return;
        client = again;
        continue;
      }
      switch (move.kind) {
        case 'action':
          await client
            .act(
              move.type,
              {},
              {
                actionId: idFor(move.id, client),
                ...(move.knownVersion !== undefined ? { knownVersion: move.knownVersion } : {}),
              },
            )
            .catch(() => undefined);
          break;
        case 'legal': {
          const legal = client.legal[0];
          if (legal) {
            await client
              .act(legal.type, legal.payload, { actionId: idFor(move.id, client) })
              .catch(() => undefined);
          }
          break;
        }
        case 'resume':
          client.send({ type: 'RESUME', ...move, kind: undefined });
          break;
        case 'flood':
          for (let i = 0; i < move.frames; i++) {
            client.send(
              i % 3
                ? { type: 'PING', t: i }
                : {
                    type: 'ACTION',
                    action: { actionId: `flood-${i}`, type: 'draw', payload: {}, clientSeq: i },
                  },
            );
          }
          break;
        case 'claimAhead':
          // Refused actions with each id: the old server remembered them against its own moves.
          for (const id of nextServerIds(client.version)) {
            await client.act('bogus', {}, { actionId: id }).catch(() => undefined);
          }
          break;
        case 'ack':
          client.send({ type: 'FLOW_ACK', resolutionId: move.resolutionId, step: move.step });
          break;
      }
    }
    client.drop();
  }

  async function waitOver(matchId: string, token: string): Promise<MatchMetadata> {
    for (let i = 0; i < 300; i++) {
      const { body } = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, {
        token,
      });
      if (body.status === 'over') return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`match ${matchId} stopped progressing`);
  }

  it(`${MATCHES} matches under random hostile sequences (seed ${SEED})`, async () => {
    const [sequences] = fc.sample(
      fc.array(fc.array(hostile, { minLength: MOVES_PER_CLIENT, maxLength: MOVES_PER_CLIENT }), {
        minLength: MATCHES * 3,
        maxLength: MATCHES * 3,
      }),
      { seed: SEED, numRuns: 1 },
    );
    const matches = await Promise.all(
      Array.from({ length: MATCHES }, async (_, m) => {
        const [alice, bob, carol] = await Promise.all(
          ['Alice', 'Bob', 'Carol'].map((name) => guest(server.url, `${name}${m}`)),
        );
        const created = await createMatch(server.url, alice!.accessToken, {
          game: 'secret-draw',
          options: { draws: 3 },
          seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'cpu', profile: 'bold' }],
          turnTimeLimitMs: 1000,
        });
        await call(server.url, 'POST', '/api/matches/join', {
          token: bob!.accessToken,
          body: { code: created.code },
        });
        return { matchId: created.matchId, players: [alice!, bob!, carol!] };
      }),
    );

    // Two players and a spectator per match, all hostile at once.
    await Promise.all(
      matches.flatMap(({ matchId, players }, m) =>
        players.map((user, p) => play(matchId, user, sequences![m * 3 + p]!)),
      ),
    );

    // Nobody is left playing: the turn clocks, the away rule and the CPU finish every match.
    for (const { matchId, players } of matches) {
      const over = await waitOver(matchId, players[0]!.accessToken);
      expect(over.result).not.toBeNull();
      // Replays are private by default (docs/protocol.md, Replays): the spectator finds no such
      // match to export, a player exports it.
      const refused = await call(server.url, 'GET', `/api/matches/${matchId}/export`, {
        token: players[2]!.accessToken,
      });
      expect(refused.status).toBe(404);
      const exported = await call<ReplayFile>(server.url, 'GET', `/api/matches/${matchId}/export`, {
        token: players[0]!.accessToken,
      });
      expect(exported.status).toBe(200);
      const report = verifyReplay(secretDraw, exported.body);
      expect(report.ok, report.ok ? '' : report.message).toBe(true);
      // Server moves and client moves each have their own ids; none was blocked by the other.
      expect(exported.body.actions.length).toBeGreaterThan(0);
    }
  });
});
