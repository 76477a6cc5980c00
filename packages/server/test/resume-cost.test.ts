import type { ServerMessage, WireEvent } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.ts';
import { gameRegistry } from '../src/games.ts';
import { Connection, type SocketLike } from '../src/match/connection.ts';
import { secretDraw } from './fixtures/secret-draw.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { configFrom, startTestServer } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

/** The test game with a count of the work the server asks of it. */
const work = { evolve: 0, view: 0, projectEvent: 0 };
const countingGame = {
  ...secretDraw,
  evolve: (state: never, event: never) => (work.evolve++, secretDraw.evolve(state, event)),
  view: (state: never, viewer: never) => (work.view++, secretDraw.view(state, viewer)),
  projectEvent: (event: never, viewer: never, before: never) => (
    work.projectEvent++,
    secretDraw.projectEvent(event, viewer, before)
  ),
};
const snapshot = () => ({ ...work });
const spent = (since: typeof work) => ({
  evolve: work.evolve - since.evolve,
  view: work.view - since.view,
  projectEvent: work.projectEvent - since.projectEvent,
});

const RESUME_MAX_STEPS = 12;

describe('RESUME and exports cost what they are worth', () => {
  let server: RunningServer & { env: Record<string, string> };
  const games = gameRegistry({ game: countingGame as never, timeoutProfile: 'steady' });
  beforeAll(async () => {
    server = await startTestServer(
      'postgres',
      { RESUME_MAX_STEPS: String(RESUME_MAX_STEPS) },
      games,
    );
  });
  afterAll(async () => server?.close());

  /** Alice and Bob in a started match, with a third socket of Alice's dropped at the opening. */
  async function matchWithDroppedClient() {
    const [alice, bob] = await Promise.all([guest(server.url, 'Alice'), guest(server.url, 'Bob')]);
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      options: { draws: 10 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
    });
    await call(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code },
    });
    const a = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken);
    const dropped = await RawClient.open(server.url, created.matchId, alice.accessToken);
    dropped.drop();
    const actor = (await server.registry.get(created.matchId))!;
    /** Alice and Bob each move `rounds` times; returns the version reached. */
    const play = async (rounds: number) => {
      for (let i = 0; i < rounds; i++) {
        expect((await a.act('draw')).ok).toBe(true);
        expect((await b.act('draw')).ok).toBe(true);
      }
      return (await a.waitFor('LEGAL', (m) => m.version === actor.matchRecord.version)).version;
    };
    const reopen = (options: { resumeInUrl?: boolean } = {}) =>
      RawClient.open(server.url, created.matchId, alice.accessToken, {
        resumeFrom: dropped,
        ...options,
      });
    return { created, alice, a, b, dropped, actor, play, reopen };
  }

  const events = (client: RawClient) =>
    client.received.flatMap((m) => (m.type === 'EVENT' ? [m.event] : []));

  it('a RESUME replays from kept projections: no fold, no new projection, however often', async () => {
    const { a, dropped, actor, play, reopen } = await matchWithDroppedClient();
    const version = await play(2);
    const before = snapshot();
    const made = actor.projectionsMade;
    for (let i = 0; i < 5; i++) {
      const back = await reopen();
      await back.waitFor(
        'EVENT',
        (m) => m.event.version === version && m.event.step === a.last.step,
      );
      expect(back.last).toEqual(a.last);
      expect(back.view).toEqual(a.view);
      expect(events(back)[0]).toMatchObject({ version: dropped.last.version + 1, step: 1 });
      await back.close();
    }
    // Alice's live socket already had those steps projected: resuming made none and folded none.
    expect(actor.projectionsMade).toBe(made);
    expect(spent(before)).toMatchObject({ evolve: 0, projectEvent: 0 });
  });

  it('limits RESUMEs per socket', async () => {
    const { actor, dropped, play, reopen } = await matchWithDroppedClient();
    const version = await play(1);
    const back = await reopen();
    await back.waitFor('EVENT', (m) => m.event.version === version);
    const made = actor.projectionsMade;
    for (let i = 0; i < 3; i++) {
      const { version: lastVersion, step: lastStep, resolutionId } = dropped.last;
      back.send({ type: 'RESUME', lastVersion, lastStep, lastResolutionId: resolutionId });
    }
    const refused = await back.next('ERROR', (m) => m.code === 'RATE_LIMITED');
    expect(refused.message).toMatch(/RESUME/);
    expect(actor.projectionsMade).toBe(made);
    await back.close();
  });

  it('a client further behind than the kept history gets a fresh WELCOME, at no fold', async () => {
    const { a, actor, play, reopen } = await matchWithDroppedClient();
    await play(5); // 20 steps: more than are kept
    const before = snapshot();
    const back = await reopen();
    const fresh = await back.next('WELCOME');
    expect(fresh.version).toBe(actor.matchRecord.version);
    expect(fresh.view).toEqual(a.view);
    expect(events(back)).toEqual([]);
    expect(spent(before).evolve).toBe(0);
    await back.close();
  });

  it('a resume position in the socket URL gets the missed steps right after the WELCOME', async () => {
    const { a, play, reopen } = await matchWithDroppedClient();
    const version = await play(2);
    const back = await reopen({ resumeInUrl: true });
    // Nothing can come between the WELCOME and the missed steps, even while the match moves.
    const moving = a.act('draw');
    await back.waitFor('EVENT', (m) => m.event.version === version);
    const frames = back.received.map((m: ServerMessage) => m.type);
    expect(frames[0]).toBe('WELCOME');
    expect(frames.filter((type) => type === 'WELCOME')).toHaveLength(1);
    const missed = events(back).filter((e: WireEvent) => e.version <= version);
    expect(missed.length).toBeGreaterThan(0);
    expect(frames.slice(1, 1 + missed.length).every((type) => type === 'EVENT')).toBe(true);
    const stood = await moving;
    if (!stood.ok) throw new Error('stand refused');
    await Promise.all([
      back.waitFor('LEGAL', (m) => m.version === stood.version),
      a.waitFor('LEGAL', (m) => m.version === stood.version),
    ]);
    expect(back.last).toEqual(a.last);
    expect(back.view).toEqual(a.view);
    await back.close();
  });

  it('after a restart a RESUME still replays the steps since the latest snapshot', async () => {
    const { created, alice, a, dropped, play } = await matchWithDroppedClient();
    const version = await play(2); // 9 versions: under SNAPSHOT_EVERY, so all after the snapshot
    const last = { ...a.last };
    const view = a.view;
    await a.close();
    const env = server.env;
    await server.close();
    server = Object.assign(await startServer(configFrom(env), games), { env });
    const back = await RawClient.open(server.url, created.matchId, alice.accessToken, {
      resumeFrom: dropped,
    });
    await back.waitFor('EVENT', (m) => m.event.version === version && m.event.step === last.step);
    expect(back.received.filter((m) => m.type === 'WELCOME')).toHaveLength(1);
    expect(back.last).toEqual(last);
    expect(back.view).toEqual(view);
    await back.close();
  });

  it("a live match's export is built once per version", async () => {
    const { created, alice, play } = await matchWithDroppedClient();
    await play(1);
    const exportOnce = () =>
      call(server.url, 'GET', `/api/matches/${created.matchId}/export`, {
        token: alice.accessToken,
      });
    expect((await exportOnce()).status).toBe(200);
    const before = snapshot();
    for (let i = 0; i < 5; i++) expect((await exportOnce()).status).toBe(200);
    expect(spent(before)).toEqual({ evolve: 0, view: 0, projectEvent: 0 });
    await play(1);
    const moved = snapshot();
    expect((await exportOnce()).status).toBe(200);
    expect(spent(moved).projectEvent).toBeGreaterThan(0);
  });
});

describe('a connection queue', () => {
  it('never holds more than its cap: replayed steps count too', () => {
    const sent: string[] = [];
    const socket: SocketLike = {
      readyState: 1,
      bufferedAmount: 0,
      send: (data) => sent.push(data),
      close: () => undefined,
    };
    let backlogs = 0;
    const metrics = { ackWaits: { observe: () => undefined } } as never;
    const connection = new Connection(
      socket,
      { userId: 'u', seat: 0, viewer: { kind: 'seat', seat: 0 }, ip: '::1' },
      60_000,
      metrics,
      (backlogged) => {
        backlogs++;
        backlogged.restart({ type: 'WELCOME' } as never);
      },
      10,
    );
    const event = (step: number, requiresAck = false): ServerMessage => ({
      type: 'EVENT',
      event: { version: 1, step, resolutionId: 'r1', requiresAck } as WireEvent,
    });
    connection.enqueue([event(1, true)]); // sent; the stream now waits for its ack
    connection.enqueue([2, 3, 4, 5, 6, 7, 8, 9].map((step) => event(step)));
    expect(connection.queueLength).toBe(8);
    connection.resumeWith([event(1), event(2), event(3)]);
    expect(backlogs).toBe(1);
    expect(connection.queueLength).toBe(0);
    connection.enqueue(Array.from({ length: 11 }, (_, i) => event(i + 1)));
    expect(backlogs).toBe(2);
    expect(connection.queueLength).toBeLessThanOrEqual(10);
  });
});
