/** The connection's protocol logic, against a scripted peer playing the server's side. */
import { afterEach, describe, expect, it } from 'vitest';
import { MatchConnection, type ConnectionOptions, type ConnectionState } from '../src/index.ts';
import type { ServerMessage, WelcomeMessage, WireEvent } from '../src/protocol.ts';
import { scriptedServer, type ScriptedServer } from './support/scripted-server.ts';

const servers: ScriptedServer[] = [];
const connections: MatchConnection[] = [];

afterEach(() => {
  for (const connection of connections.splice(0)) connection.close();
  for (const server of servers.splice(0)) server.close();
});

async function scripted(): Promise<ScriptedServer> {
  const server = await scriptedServer();
  servers.push(server);
  return server;
}

function connect(baseUrl: string, options: Partial<ConnectionOptions> = {}) {
  const connection = new MatchConnection<{ n: number }>({
    baseUrl,
    matchId: 'm1',
    token: 'secret',
    backoff: { initialMs: 5, maxMs: 20 },
    ...options,
  });
  connections.push(connection as MatchConnection);
  return connection;
}

const welcome = (version: number, step: number, n: number): WelcomeMessage => ({
  type: 'WELCOME',
  protocolVersion: 1,
  matchId: 'm1',
  game: 'counter',
  seat: 0,
  role: 'player',
  status: 'active',
  version,
  step,
  resolutionId: `r${version}`,
  view: { n },
  legal: [{ type: 'inc', payload: {} }],
  seats: [],
  result: null,
  turnEndsAt: null,
});

const event = (version: number, step: number, n: number, requiresAck = false): ServerMessage => {
  const wire: WireEvent = {
    eventId: `m1:${version}:${step}`,
    matchId: 'm1',
    version,
    step,
    resolutionId: `r${version}`,
    type: 'counted',
    data: { n },
    ts: new Date(0).toISOString(),
    requiresAck,
    stateDiff: [{ op: 'replace', path: '/n', value: n }],
  };
  return { type: 'EVENT', event: wire };
};

describe('MatchConnection', () => {
  it('connects with the token and takes its view and legal actions from WELCOME', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl);
    const peer = await server.accept();
    expect(peer.url.pathname).toBe('/ws/matches/m1');
    expect(peer.url.searchParams.get('token')).toBe('secret');
    peer.send(welcome(3, 2, 7));
    await connection.until((c) => c.state === 'open');
    expect(connection.view).toEqual({ n: 7 });
    expect(connection.version).toBe(3);
    expect(connection.legal).toEqual([{ type: 'inc', payload: {} }]);
    expect(connection.seat).toBe(0);
  });

  it('resumes from its last step after a drop, skips repeats, and resends the unanswered action unchanged', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl, { ackMode: 'auto' });
    const states: ConnectionState[] = [];
    connection.on('state', (state) => states.push(state));
    const stepsSeen: string[] = [];
    connection.on('step', ({ event: e }) => stepsSeen.push(`${e.version}.${e.step}`));

    const first = await server.accept();
    first.send(welcome(1, 2, 0));
    await connection.until((c) => c.state === 'open');
    const outcome = connection.act({ type: 'inc', payload: {} }, { knownVersion: 1 });
    const sent = await first.next();
    expect(sent).toMatchObject({
      type: 'ACTION',
      action: { type: 'inc', clientSeq: 1, knownVersion: 1 },
    });
    first.send(event(2, 1, 1));
    await connection.until((c) => c.view?.n === 1);
    first.socket.terminate();

    const second = await server.accept();
    second.send(welcome(2, 2, 2));
    expect(await second.next()).toEqual({
      type: 'RESUME',
      lastVersion: 2,
      lastStep: 1,
      lastResolutionId: 'r2',
    });
    const resent = await second.next();
    expect(resent).toEqual(sent);
    second.send(event(2, 1, 1));
    second.send(event(2, 2, 2));
    if (resent.type !== 'ACTION') throw new Error('expected the action again');
    second.send({ type: 'ACTION_RESULT', actionId: resent.action.actionId, ok: true, version: 2 });

    expect(await outcome).toEqual({ ok: true, actionId: resent.action.actionId, version: 2 });
    expect(connection.view).toEqual({ n: 2 });
    expect(stepsSeen).toEqual(['2.1', '2.2']);
    expect(states).toEqual(['open', 'reconnecting', 'open']);
  });

  it('ignores steps past a gap while resuming, and starts over from a second WELCOME', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl);
    const stepsSeen: string[] = [];
    connection.on('step', ({ event: e }) => stepsSeen.push(`${e.version}.${e.step}`));
    const first = await server.accept();
    first.send(welcome(1, 1, 0));
    first.send(event(2, 1, 1));
    await connection.until((c) => c.version === 2);
    first.socket.terminate();

    const second = await server.accept();
    second.send(welcome(90, 3, 42));
    expect(await second.next()).toMatchObject({ type: 'RESUME', lastVersion: 2 });
    // The server went live before it read the RESUME: that step lies past a gap; then it
    // starts the stream over.
    second.send(event(91, 1, 99));
    second.send(welcome(90, 3, 42));
    await connection.until((c) => c.view?.n === 42);
    expect(stepsSeen).toEqual(['2.1']);
    second.send(event(90, 3, 41));
    second.send(event(91, 1, 43));
    await connection.until((c) => c.version === 91);
    expect(connection.view).toEqual({ n: 43 });
    // Steps not yet taken were dropped with the old view; the repeat of 90.3 was skipped.
    const taken = await connection.nextStep();
    expect(taken?.step.event.eventId).toBe('m1:91:1');
    expect(connection.events.size).toBe(0);
  });

  it('starts over from a fresh WELCOME when a diff does not fit its view', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl);
    const states: ConnectionState[] = [];
    connection.on('state', (state) => states.push(state));
    const first = await server.accept();
    first.send(welcome(1, 1, 0));
    const broken = event(2, 1, 5);
    if (broken.type === 'EVENT')
      broken.event.stateDiff = [{ op: 'replace', path: '/a/b/c', value: 1 }];
    first.send(broken);
    const second = await server.accept();
    second.send(welcome(2, 1, 5));
    await connection.until((c) => c.view?.n === 5);
    second.send(event(3, 1, 6));
    await connection.until((c) => c.version === 3);
    expect(connection.view).toEqual({ n: 6 });
    expect(states).toEqual(['open', 'reconnecting', 'open']);
  });

  it('sends FLOW_ACK when the consumer acks a step that requires it, not before', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl);
    const peer = await server.accept();
    peer.send(welcome(1, 1, 0));
    peer.send(event(2, 1, 1, true));
    peer.send(event(2, 2, 2, false));
    const first = await connection.nextStep();
    const second = await connection.nextStep();
    expect(first?.step.view).toEqual({ n: 1 });
    expect(second?.step.view).toEqual({ n: 2 });
    second?.ack();
    first?.ack();
    first?.ack();
    connection.act({ type: 'inc', payload: {} });
    // Frames arrive in order: exactly one FLOW_ACK comes before the action.
    expect(await peer.next()).toEqual({ type: 'FLOW_ACK', resolutionId: 'r2', step: 1 });
    expect(await peer.next()).toMatchObject({ type: 'ACTION' });
  });

  it('paces a FRAME per step: what follows a step waits for its ack, one FLOW_ACK for the frame', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl);
    const legals: number[] = [];
    connection.on('legal', (update) => legals.push(update.version));
    const peer = await server.accept();
    expect(peer.url.searchParams.get('frames')).toBe('batch');
    peer.send(welcome(1, 1, 0));
    await connection.until((c) => c.state === 'open');
    peer.send({
      type: 'FRAME',
      messages: [
        event(2, 1, 1, true),
        event(2, 2, 2, true),
        { type: 'LEGAL', version: 2, status: 'active', legal: [], turnEndsAt: null },
      ] as never,
    });
    const first = await connection.nextStep();
    expect(first?.step.view).toEqual({ n: 1 });
    // The second step and the LEGAL after it wait for the first step's animation.
    expect(connection.events.size).toBe(0);
    expect(legals).toEqual([1]);
    first?.ack();
    const second = await connection.nextStep();
    expect(second?.step.view).toEqual({ n: 2 });
    expect(legals).toEqual([1]);
    second?.ack();
    expect(legals).toEqual([1, 2]);
    connection.act({ type: 'inc', payload: {} });
    // Only the frame's last step to ack is acknowledged to the server.
    expect(await peer.next()).toEqual({ type: 'FLOW_ACK', resolutionId: 'r2', step: 2 });
    expect(await peer.next()).toMatchObject({ type: 'ACTION' });
  });

  it('acks a FRAME once on arrival in auto mode', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl, { ackMode: 'auto' });
    const peer = await server.accept();
    peer.send(welcome(1, 1, 0));
    peer.send({
      type: 'FRAME',
      messages: [event(2, 1, 1, true), event(2, 2, 2, true), event(2, 3, 3, false)] as never,
    });
    await connection.until((c) => c.view?.n === 3);
    connection.act({ type: 'inc', payload: {} });
    expect(await peer.next()).toEqual({ type: 'FLOW_ACK', resolutionId: 'r2', step: 2 });
    expect(await peer.next()).toMatchObject({ type: 'ACTION' });
  });

  it('lets an ACTION on the frame it answers carry that frame’s ack, with no FLOW_ACK of its own', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl, { ackMode: 'auto' });
    // A bot that acts at once on every list it is offered, on that list's version.
    connection.on('legal', ({ version, legal }) => {
      if (version === 2 && legal.length > 0) void connection.act(legal[0]!, { knownVersion: 2 });
    });
    const peer = await server.accept();
    peer.send(welcome(1, 1, 0));
    const legal = (version: number): ServerMessage => ({
      type: 'LEGAL',
      version,
      status: 'active',
      legal: [{ type: 'inc', payload: {} }],
      turnEndsAt: null,
    });
    peer.send({ type: 'FRAME', messages: [event(2, 1, 1, true), legal(2)] as never });
    expect(await peer.next()).toMatchObject({ type: 'ACTION', action: { knownVersion: 2 } });
    // The next frame's ack is the next message: none was sent for the first.
    peer.send({ type: 'FRAME', messages: [event(3, 1, 2, true), legal(3)] as never });
    expect(await peer.next()).toEqual({ type: 'FLOW_ACK', resolutionId: 'r3', step: 1 });
  });

  it('declares a silent socket dead and reconnects', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl, { heartbeat: { intervalMs: 20, timeoutMs: 60 } });
    const first = await server.accept();
    first.send(welcome(1, 1, 0));
    await connection.until((c) => c.state === 'open');
    // The peer never answers a PING and never closes: only the heartbeat can notice.
    const second = await server.accept();
    second.send(welcome(1, 1, 0));
    await connection.until((c) => c.state === 'open');
    expect(first.socket.readyState).not.toBe(first.socket.OPEN);
  });

  it('closes for good on a refusal no retry can fix, settling pending actions with it', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl);
    const outcome = connection.act({ type: 'inc', payload: {} });
    const peer = await server.accept();
    peer.send({ type: 'ERROR', code: 'NOT_FOUND', message: 'No such match.' });
    peer.socket.close(4404);
    expect(await connection.until(() => false)).toBe(false);
    expect(connection.state).toBe('closed');
    expect(connection.closeReason).toEqual({ code: 'NOT_FOUND', message: 'No such match.' });
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await connection.act({ type: 'inc', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('retries an UNAUTHORIZED refusal once with a fresh token, then gives up', async () => {
    const server = await scripted();
    let asked = 0;
    const connection = connect(server.baseUrl, { token: () => `token-${++asked}` });
    for (const expected of ['token-1', 'token-2']) {
      const peer = await server.accept();
      expect(peer.url.searchParams.get('token')).toBe(expected);
      peer.send({
        type: 'ERROR',
        code: 'UNAUTHORIZED',
        message: 'A valid access token is required.',
      });
      peer.socket.close(4401);
    }
    expect(await connection.until(() => false)).toBe(false);
    expect(connection.closeReason?.code).toBe('UNAUTHORIZED');
  });

  it('gives up after the allowed reconnect attempts', async () => {
    const server = await scripted();
    const connection = connect(server.baseUrl, { maxReconnectAttempts: 2 });
    for (let i = 0; i < 3; i++) (await server.accept()).socket.terminate();
    expect(await connection.until(() => false)).toBe(false);
    expect(connection.closeReason?.code).toBe('RECONNECT_FAILED');
  });
});
