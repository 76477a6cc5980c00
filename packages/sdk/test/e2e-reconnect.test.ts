/**
 * Reconnect, end to end: one of Alice's two connections goes through a relay that is cut while
 * it holds the first step of a multi-step resolution, unacknowledged (the server is pacing the
 * rest behind its FLOW_ACK). The SDK reconnects on its own and must end with the view of Alice's
 * other connection, which never dropped.
 */
import { createRng } from '@cardtable/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../cli/src/load/server-process.ts';
import { CardtableClient, RandomPlayer, type MatchConnection } from '../src/index.ts';
import type { LegalAction } from '../src/protocol.ts';
import { consumeInstantly, expectOk, signedIn, startTestServer } from './support/e2e.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

const CUTS = 4;
/** Steps after which the same resolution has more to come (the turn passes after them). */
const CUT_AFTER = new Set(['cardSwapped', 'cardDiscarded']);

let server: ServerProcess;
let proxy: TcpProxy;
const opened: MatchConnection[] = [];

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startTcpProxy(server.url);
}, 120_000);

afterAll(async () => {
  for (const connection of opened) connection.close();
  await proxy?.close();
  await server?.stop();
});

interface CutRun {
  steady: MatchConnection;
  dropped: MatchConnection;
  steadySteps: string[];
  droppedSteps: string[];
  cutAt: string[];
  resumedWelcomes: number;
}

/**
 * Plays a two-player match where Alice also watches through the relay, cutting it mid-resolution
 * CUTS times. `play` drives the moves.
 */
async function playWithCuts(
  play: (players: MatchConnection[], everyone: MatchConnection[]) => Promise<void>,
): Promise<CutRun> {
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
  const steady = alice.connect(matchId, { ackMode: 'auto' });
  // The same session, through the relay; backoff kept short so the test moves on quickly.
  const viaRelay = new CardtableClient({ baseUrl: proxy.url, session: alice.api.session });
  const dropped = viaRelay.connect(matchId, { backoff: { initialMs: 20, maxMs: 200 } });
  const run: CutRun = {
    steady,
    dropped,
    steadySteps: [],
    droppedSteps: [],
    cutAt: [],
    resumedWelcomes: 0,
  };
  steady.on('step', ({ event }) => run.steadySteps.push(event.eventId));
  dropped.on('welcome', ({ resumed }) => (run.resumedWelcomes += resumed ? 1 : 0));
  dropped.on('step', ({ event }) => {
    run.droppedSteps.push(event.eventId);
    if (run.cutAt.length < CUTS && event.step === 1 && CUT_AFTER.has(event.type)) {
      run.cutAt.push(event.eventId);
      // Cut before the queue's consumer can ack: the server holds the rest of the resolution.
      proxy.cut();
    }
  });
  await Promise.all([steady, dropped].map((c) => c.until((x) => x.state === 'open')));
  expectOk(await bob.api.joinMatch(created.code));
  const bobs = bob.connect(matchId, { ackMode: 'auto' });
  const everyone = [steady, dropped, bobs];
  opened.push(...everyone);
  void consumeInstantly(dropped);

  await play([steady, bobs], everyone);
  // Every connection has every step of the last resolution, not just its first.
  const { version, step } = expectOk(await alice.api.getState(matchId));
  await Promise.all(
    everyone.map((c) => c.until((x) => x.position.version === version && x.position.step === step)),
  );
  return run;
}

/**
 * Random legal moves, one at a time, each only once every connection has caught up with the
 * last: while the dropped connection is away nothing new happens, so its RESUME always finds the
 * stream where it left it.
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

/** Random legal moves at machine speed, never waiting for the dropped connection. */
async function playFreely(players: MatchConnection[], random: () => number): Promise<void> {
  const bots = players.map((c) => new RandomPlayer(c, { thinkMs: 0, random }));
  await Promise.all(players.map((c) => c.until((x) => x.status === 'over')));
  for (const bot of bots) bot.stop();
}

const inOrderOnce = (steps: readonly string[]) => {
  const positions = steps.map((id) => id.split(':').slice(-2).map(Number) as [number, number]);
  return positions.every(([v, s], i) => {
    const previous = positions[i - 1];
    return !previous || v > previous[0] || (v === previous[0] && s > previous[1]);
  });
};

describe('a connection dropped in the middle of a resolution, while play waits for it', () => {
  let run: CutRun;
  beforeAll(async () => {
    const rng = createRng('e2e-reconnect', 1);
    run = await playWithCuts((players, everyone) => playInTurns(players, everyone, rng.float));
  }, 240_000);

  it('was cut mid-resolution, and came back by resuming each time', () => {
    expect(run.cutAt).toHaveLength(CUTS);
    expect(run.resumedWelcomes).toBeGreaterThanOrEqual(CUTS);
    // Each cut left the resolution unfinished on this connection: its next step came later,
    // over the new socket.
    for (const id of run.cutAt) expect(run.droppedSteps).toContain(id.replace(/:1$/, ':2'));
  });

  it('received every step exactly once, in order, like the connection that never dropped', () => {
    expect(run.droppedSteps).toEqual(run.steadySteps);
  });

  it('ends with the same view as the connection that never dropped', () => {
    expect(run.dropped.view).not.toBeNull();
    expect(run.dropped.view).toEqual(run.steady.view);
    expect(run.dropped.state).toBe('open');
  });
});

describe('a connection dropped in the middle of a resolution, while play goes on', () => {
  let run: CutRun;
  beforeAll(async () => {
    const rng = createRng('e2e-reconnect', 2);
    run = await playWithCuts((players) => playFreely(players, rng.float));
  }, 240_000);

  it('ends with the same view as the connection that never dropped', () => {
    expect(run.cutAt).toHaveLength(CUTS);
    expect(run.dropped.view).not.toBeNull();
    expect(run.dropped.view).toEqual(run.steady.view);
  });

  it('never delivered a step twice or out of order, whether it resumed or started over', () => {
    expect(inOrderOnce(run.droppedSteps)).toBe(true);
    // Steps it got are the steps there were; a fresh WELCOME may have skipped some.
    expect(run.droppedSteps.filter((id) => !run.steadySteps.includes(id))).toEqual([]);
  });
});
