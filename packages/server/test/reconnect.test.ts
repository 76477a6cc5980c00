import type { MatchStateResponse } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

describe('reconnect and RESUME', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // A long ack timeout: a client that does not ack really is held inside a resolution.
    server = await startTestServer('postgres', { ACK_TIMEOUT_MS: '20000' });
  });
  afterAll(async () => server?.close());

  async function twoPlayerMatch() {
    const [alice, bob] = await Promise.all([guest(server.url, 'Alice'), guest(server.url, 'Bob')]);
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      options: { draws: 4 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
    });
    return { alice, bob, created };
  }

  it('a client dropped in the middle of a resolution resumes to the same view as one that stayed', async () => {
    const { alice, bob, created } = await twoPlayerMatch();
    const steady = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const flaky = await RawClient.open(server.url, created.matchId, alice.accessToken, {
      autoAck: false,
    });
    await call(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code },
    });
    // The opening resolution: shuffled, then dealt (an ack-step) holds the flaky stream.
    const held = await flaky.waitFor('EVENT', (m) => m.event.requiresAck);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(flaky.last).toMatchObject({ version: 1, step: held.event.step });
    await steady.waitFor('LEGAL', (m) => m.version === 1);
    const openingSteps = steady.received.filter((m) => m.type === 'EVENT' && m.event.version === 1);
    expect(held.event.step).toBeLessThan(openingSteps.length);
    flaky.drop();

    // The match goes on without it.
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken);
    for (let i = 0; i < 3; i++) {
      const mine = await steady.act('draw');
      expect(mine.ok).toBe(true);
      const theirs = await b.act('draw');
      expect(theirs.ok).toBe(true);
    }
    const final = await steady.waitFor('LEGAL', (m) => m.version === 7);

    const back = await RawClient.open(server.url, created.matchId, alice.accessToken, {
      resumeFrom: flaky,
    });
    await back.waitFor('EVENT', (m) => m.event.version === final.version);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(back.last).toEqual(steady.last);
    expect(back.view).toEqual(steady.view);
    // Exactly the missed steps: nothing before the drop point came again, nothing was skipped.
    const resumed = back.received
      .filter((m) => m.type === 'EVENT')
      .map((m) => m.type === 'EVENT' && [m.event.version, m.event.step]);
    expect(resumed[0]).toEqual([1, held.event.step + 1]);
    const state = await call<MatchStateResponse>(
      server.url,
      'GET',
      `/api/matches/${created.matchId}/state`,
      {
        token: alice.accessToken,
      },
    );
    expect(back.view).toEqual(state.body.view);
    expect(back.received.filter((m) => m.type === 'WELCOME')).toHaveLength(1);
  });

  it('batched framing: a resolution, its status and LEGAL come in one FRAME, acked once, with the same view', async () => {
    const { alice, bob, created } = await twoPlayerMatch();
    const stepwise = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const batched = await RawClient.open(server.url, created.matchId, alice.accessToken, {
      batched: true,
    });
    await call(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code },
    });
    const b = await RawClient.open(server.url, created.matchId, bob.accessToken, {
      batched: true,
    });
    await batched.waitFor('LEGAL', (m) => m.version === 1);
    for (let i = 0; i < 2; i++) {
      expect((await batched.act('draw')).ok).toBe(true);
      expect((await b.act('draw')).ok).toBe(true);
    }
    await stepwise.waitFor('LEGAL', (m) => m.version === 5);
    await batched.waitFor('LEGAL', (m) => m.version === 5);
    expect(batched.view).toEqual(stepwise.view);
    expect(batched.last).toEqual(stepwise.last);
    // The same messages in the same order, fewer socket frames.
    const paced = (client: RawClient) =>
      client.received
        .filter((m) => m.type === 'EVENT' || m.type === 'LEGAL')
        .map((m) => (m.type === 'EVENT' ? `${m.event.version}:${m.event.step}` : `L${m.version}`));
    expect(paced(batched)).toEqual(paced(stepwise));
    const frames = batched.rawFrames.map(
      (text) => JSON.parse(text) as { type: string; messages?: { type: string }[] },
    );
    const framed = frames.filter((frame) => frame.type === 'FRAME');
    expect(framed.length).toBeGreaterThan(0);
    // Each later resolution's steps and its LEGAL travel together.
    expect(framed.at(-1)?.messages?.at(-1)?.type).toBe('LEGAL');
    expect(batched.rawFrames.length).toBeLessThan(stepwise.rawFrames.length);
  });

  it('a RESUME that does not match the log gets a fresh WELCOME instead', async () => {
    const { alice, bob, created } = await twoPlayerMatch();
    await call(server.url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code },
    });
    const client = await RawClient.open(server.url, created.matchId, alice.accessToken);
    const again = client.next('WELCOME');
    client.send({ type: 'RESUME', lastVersion: 1, lastStep: 1, lastResolutionId: 'r7' });
    const welcome = await again;
    expect(welcome.version).toBe(1);
    expect(client.view).toEqual(welcome.view);
  });
});

describe('socket authentication and limits', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', { MAX_CONNECTIONS_PER_MATCH: '2' });
  });
  afterAll(async () => server?.close());

  it('takes the token in a first HELLO frame; anything else first is refused', async () => {
    const alice = await guest(server.url, 'Alice');
    const created = await createMatch(server.url, alice.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
    });
    const hello = await RawClient.open(server.url, created.matchId, null);
    hello.send({ type: 'HELLO', token: alice.accessToken });
    expect(await hello.next('WELCOME')).toMatchObject({ seat: 0, role: 'player' });
    const early = await RawClient.open(server.url, created.matchId, null);
    early.send({ type: 'PING', t: 1 });
    expect(await early.next('PONG')).toMatchObject({ t: 1 });
    early.send({ type: 'FLOW_ACK', resolutionId: 'r1', step: 1 });
    expect((await early.next('ERROR')).code).toBe('UNAUTHORIZED');
    await RawClient.open(server.url, created.matchId, alice.accessToken); // the second of two
    const third = await RawClient.open(server.url, created.matchId, alice.accessToken, {
      waitWelcome: false,
    });
    expect((await third.waitFor('ERROR')).code).toBe('TOO_MANY_CONNECTIONS');
    const missing = await RawClient.open(server.url, 'm_missing', alice.accessToken, {
      waitWelcome: false,
    });
    expect((await missing.waitFor('ERROR')).code).toBe('NOT_FOUND');
  });
});
