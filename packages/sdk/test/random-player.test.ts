import { afterEach, describe, expect, it } from 'vitest';
import { MatchConnection, RandomPlayer, type ActionSample } from '../src/index.ts';
import type { ClientMessage, LegalAction, WelcomeMessage } from '../src/protocol.ts';
import { scriptedServer, type ScriptedServer } from './support/scripted-server.ts';

let server: ScriptedServer | null = null;
let connection: MatchConnection | null = null;

afterEach(() => {
  connection?.close();
  server?.close();
});

const welcome = (version: number, legal: LegalAction[]): WelcomeMessage => ({
  type: 'WELCOME',
  protocolVersion: 1,
  matchId: 'm1',
  game: 'any',
  seat: 0,
  role: 'player',
  status: 'active',
  version,
  step: 1,
  resolutionId: `r${version}`,
  view: {},
  legal,
  seats: [],
  result: null,
  turnEndsAt: null,
});

const actionOf = (message: ClientMessage) => {
  if (message.type !== 'ACTION') throw new Error(`expected an ACTION, got ${message.type}`);
  return message.action;
};

describe('RandomPlayer', () => {
  it('plays from the legal list, one action at a time, and retries a refused list once', async () => {
    server = await scriptedServer();
    connection = new MatchConnection({ baseUrl: server.baseUrl, matchId: 'm1', token: 't' });
    const samples: ActionSample[] = [];
    const player = new RandomPlayer(connection, {
      thinkMs: 0,
      random: () => 0.99,
      onResult: (sample) => samples.push(sample),
    });
    const peer = await server.accept();
    const x = { type: 'x', payload: { n: 1 } };
    const y1 = { type: 'y', payload: { n: 1 } };
    const y2 = { type: 'y', payload: { n: 2 } };
    peer.send(welcome(3, [x]));
    const first = actionOf(await peer.next());
    expect(first).toMatchObject({ ...x, knownVersion: 3 });

    // A new list arrives while the first action is unanswered: it waits for the result.
    peer.send({ type: 'LEGAL', version: 4, status: 'active', legal: [y1, y2], turnEndsAt: null });
    peer.send({ type: 'ACTION_RESULT', actionId: first.actionId, ok: true, version: 4 });
    const second = actionOf(await peer.next());
    expect(samples.map((s) => s.outcome)).toEqual([
      { ok: true, actionId: first.actionId, version: 4 },
    ]);
    expect(second).toMatchObject({ ...y2, knownVersion: 4 });

    const refusal = { code: 'NOT_YOUR_TURN' as const, message: 'Not yet.' };
    peer.send({ type: 'ACTION_RESULT', actionId: second.actionId, ok: false, error: refusal });
    const retry = actionOf(await peer.next());
    expect(retry).toMatchObject({ ...y2, knownVersion: 4 });
    expect(retry.actionId).not.toBe(second.actionId);
    expect(samples[1]?.outcome).toMatchObject({ ok: false, error: refusal });

    // Told to slow down: the list still stands, and is tried again (later) as often as needed.
    const slowDown = { code: 'RATE_LIMITED' as const, message: 'Slow down.' };
    let last = retry;
    for (let i = 0; i < 3; i++) {
      peer.send({ type: 'ACTION_RESULT', actionId: last.actionId, ok: false, error: slowDown });
      last = actionOf(await peer.next());
      expect(last).toMatchObject({ ...y2, knownVersion: 4 });
    }
    player.stop();
  });

  it('joining a connection already under way, plays from what it was last offered', async () => {
    server = await scriptedServer();
    connection = new MatchConnection({ baseUrl: server.baseUrl, matchId: 'm1', token: 't' });
    const peer = await server.accept();
    peer.send(welcome(7, [{ type: 'z', payload: {} }]));
    await connection.until((c) => c.state === 'open');
    const player = new RandomPlayer(connection, { thinkMs: 0 });
    expect(actionOf(await peer.next())).toMatchObject({ type: 'z', knownVersion: 7 });
    player.stop();
  });
});
