/**
 * Reconnect, end to end: one of Alice's two connections goes through a relay that is cut while
 * it holds the first step of a multi-step resolution, unacknowledged (the server is pacing the
 * rest behind its FLOW_ACK). The SDK reconnects on its own, RESUMEs, and must end with the very
 * steps and view of Alice's other connection, which never dropped.
 */
import { createRng } from '@cardtable/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../cli/src/load/server-process.ts';
import { CardtableClient, type MatchConnection } from '../src/index.ts';
import type { LegalAction } from '../src/protocol.ts';
import { consumeInstantly, expectOk, signedIn, startTestServer } from './support/e2e.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

const CUTS = 4;
/** Steps after which the same resolution has more to come (the turn passes after them). */
const CUT_AFTER = new Set(['cardSwapped', 'cardDiscarded']);

let server: ServerProcess;
let proxy: TcpProxy;
const connections: MatchConnection[] = [];
let steady: MatchConnection;
let dropped: MatchConnection;
const droppedSteps: string[] = [];
const steadySteps: string[] = [];
const cutAt: string[] = [];
let resumedWelcomes = 0;

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startTcpProxy(server.url);
  const alice = await signedIn(server.url, 'Alice');
  const bob = await signedIn(server.url, 'Bob');
  const created = expectOk(
    await alice.api.createMatch({
      game: 'golf',
      options: { rounds: 2 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
    }),
  );
  const { matchId } = created;
  steady = alice.connect(matchId, { ackMode: 'auto' });
  // The same session, through the relay; backoff kept short so the test moves on quickly.
  const viaRelay = new CardtableClient({ baseUrl: proxy.url, session: alice.api.session });
  dropped = viaRelay.connect(matchId, { backoff: { initialMs: 20, maxMs: 200 } });
  connections.push(steady, dropped);
  steady.on('step', ({ event }) => steadySteps.push(event.eventId));
  dropped.on('welcome', ({ resumed }) => (resumedWelcomes += resumed ? 1 : 0));
  dropped.on('step', ({ event }) => {
    droppedSteps.push(event.eventId);
    if (cutAt.length < CUTS && event.step === 1 && CUT_AFTER.has(event.type)) {
      cutAt.push(event.eventId);
      // Cut before the queue's consumer can ack: the server holds the rest of the resolution.
      proxy.cut();
    }
  });
  await Promise.all(connections.map((c) => c.until((x) => x.state === 'open')));
  expectOk(await bob.api.joinMatch(created.code));
  const bobs = bob.connect(matchId, { ackMode: 'auto' });
  connections.push(bobs);

  void consumeInstantly(dropped);

  const rng = createRng('e2e-reconnect', 1);
  await playInTurns([steady, bobs], connections, rng.float);
  const finalVersion = expectOk(await alice.api.getMatch(matchId)).version;
  await Promise.all(connections.map((c) => c.until((x) => x.version === finalVersion)));
}, 240_000);

/**
 * Plays random legal actions, one at a time, each only once every connection has caught up with
 * the last one: while the dropped connection is away nothing new happens, so its RESUME always
 * finds the stream where it left it (a stream gone live first is answered with a fresh WELCOME,
 * covered by the SDK's own tests).
 */
async function playInTurns(
  players: MatchConnection[],
  everyone: MatchConnection[],
  random: () => number,
): Promise<void> {
  let version = 0;
  for (;;) {
    await Promise.all(
      everyone.map((c) =>
        c.until(
          (x) =>
            x.status === 'over' ||
            (x.state === 'open' &&
              !x.resuming &&
              x.version >= version &&
              x.legalVersion >= version),
        ),
      ),
    );
    if (players.every((c) => c.status === 'over')) return;
    const actor = players.find((c) => c.legal.length > 0);
    if (!actor) throw new Error(`Nobody may act at version ${version}.`);
    const action = actor.legal[Math.floor(random() * actor.legal.length)] as LegalAction;
    const outcome = await actor.act(action, { knownVersion: actor.legalVersion });
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    version = outcome.version;
  }
}

afterAll(async () => {
  for (const connection of connections) connection.close();
  await proxy?.close();
  await server?.stop();
});

describe('a connection dropped in the middle of a resolution', () => {
  it('was cut mid-resolution, and came back by resuming each time', () => {
    expect(cutAt).toHaveLength(CUTS);
    expect(resumedWelcomes).toBeGreaterThanOrEqual(CUTS);
    // Each cut left the resolution unfinished on this connection: its next step came later,
    // over the new socket.
    for (const id of cutAt) {
      expect(droppedSteps).toContain(id.replace(/:1$/, ':2'));
    }
  });

  it('received every step exactly once, in order, like the connection that never dropped', () => {
    expect(droppedSteps).toEqual(steadySteps);
    expect(new Set(droppedSteps).size).toBe(droppedSteps.length);
  });

  it('ends with the same view as the connection that never dropped', () => {
    expect(dropped.view).not.toBeNull();
    expect(dropped.view).toEqual(steady.view);
    expect(dropped.state).toBe('open');
  });
});
