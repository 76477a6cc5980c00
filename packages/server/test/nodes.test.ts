import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import {
  applyPatch,
  seatViewer,
  SPECTATOR,
  verifyReplay,
  type ReplayFile,
  type Viewer,
} from '@cardtable/engine';
import { loadGame } from '@cardtable/games';
import { golf } from '@cardtable/golf';
import type {
  AuthResponse,
  JoinMatchResponse,
  MatchMetadata,
  MatchStateResponse,
  ServerMessage,
} from '@cardtable/sdk/protocol';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { GolfTruth } from '../../sdk/test/support/golf-secrets.ts';
import { startServer, type RunningServer } from '../src/app.ts';
import { gameRegistry } from '../src/games.ts';
import { until } from './helpers/accounts.ts';
import { ChatSocket } from './helpers/chat-socket.ts';
import { ChildServer } from './helpers/child-server.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { configFrom, testEnv } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const PREFIX = `cardtable-test:nodes:${Date.now().toString(36)}:`;
const golfOnly = gameRegistry({ game: (await loadGame('golf'))!, timeoutProfile: 'Marcus' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two nodes' environment: one PostgreSQL schema, one Redis prefix, short leases. */
const clusterEnv = (extra: Record<string, string> = {}) =>
  testEnv('postgres', {
    REDIS_URL,
    REDIS_KEY_PREFIX: `${PREFIX}${randomUUID().slice(0, 8)}:`,
    MATCH_LEASE_MS: '1500',
    ...extra,
  });

const servers: RunningServer[] = [];
const children: ChildServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  for (const child of children) await child.kill();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

async function twoNodes(extra: Record<string, string> = {}) {
  const env = clusterEnv(extra);
  const a = await startServer(configFrom(env), golfOnly);
  servers.push(a);
  const b = await startServer(configFrom(env), golfOnly);
  servers.push(b);
  return { a, b, env };
}

/** A Golf match Ana hosts on `hostUrl`, two people, `rounds` holes; returns it with its code. */
async function golfMatch(hostUrl: string, ana: AuthResponse, rounds: number) {
  return createMatch(hostUrl, ana.accessToken, {
    game: 'golf',
    options: { rounds },
    seats: [{ kind: 'human' }, { kind: 'human' }],
  });
}

async function join(url: string, who: AuthResponse, code: string): Promise<JoinMatchResponse> {
  const joined = await call<JoinMatchResponse>(url, 'POST', '/api/matches/join', {
    token: who.accessToken,
    body: { code },
  });
  expect(joined.status, JSON.stringify(joined.body)).toBe(200);
  return joined.body;
}

function latestOffer(client: RawClient) {
  for (let i = client.received.length - 1; i >= 0; i--) {
    const message = client.received[i]!;
    if (message.type === 'LEGAL' || message.type === 'WELCOME') return message;
  }
  throw new Error('no WELCOME yet');
}

interface Seat {
  /** actionId -> the version its ACTION_RESULT reported. */
  acknowledged: Map<string, number>;
  refused: string[];
  /** Every socket it opened, in order. */
  sockets: RawClient[];
}

/**
 * One seat's player: random legal moves until the match is over. A socket that dies is opened
 * again (from `urlNow()`), and the action it had in flight is sent again with the same id.
 */
async function playSeat(urlNow: () => string, matchId: string, token: string): Promise<Seat> {
  const seat: Seat = { acknowledged: new Map(), refused: [], sockets: [] };
  let pending: { actionId: string; type: string; payload: unknown } | null = null;
  for (let attempt = 0; attempt < 400; attempt++) {
    let client: RawClient;
    try {
      client = await RawClient.open(urlNow(), matchId, token);
    } catch {
      await sleep(100);
      continue;
    }
    seat.sockets.push(client);
    try {
      for (;;) {
        if (pending) {
          const result = await client.act(pending.type, pending.payload, {
            actionId: pending.actionId,
          });
          pending = null;
          if (result.ok) {
            seat.acknowledged.set(result.actionId, result.version);
            await client.waitFor('LEGAL', (m) => m.version >= result.version);
          } else {
            seat.refused.push(result.error.code);
          }
        }
        const offer = latestOffer(client);
        if (offer.status === 'over') {
          await client.close();
          return seat;
        }
        if (offer.legal.length === 0) {
          await client.next('LEGAL');
          continue;
        }
        const choice = offer.legal[Math.floor(Math.random() * offer.legal.length)]!;
        pending = { actionId: randomUUID(), type: choice.type, payload: choice.payload };
      }
    } catch {
      client.drop();
    }
  }
  throw new Error('the seat could not finish the match');
}

/** The export of a finished match, its log re-executed, every acknowledged action in it once. */
async function finishedLog(url: string, matchId: string, who: AuthResponse, seats: Seat[]) {
  const exported = await call<ReplayFile>(url, 'GET', `/api/matches/${matchId}/export`, {
    token: who.accessToken,
  });
  expect(exported.status).toBe(200);
  const replay = exported.body;
  expect(replay.match.status).toBe('over');
  const verified = verifyReplay(golf, replay);
  expect(verified.ok ? 'ok' : verified.message).toBe('ok');
  const byId = new Map<string, number>();
  for (const action of replay.actions) {
    expect(byId.has(action.actionId), `${action.actionId} applied twice`).toBe(false);
    byId.set(action.actionId, action.version);
  }
  for (const seat of seats) {
    for (const [actionId, version] of seat.acknowledged) {
      expect(byId.get(actionId), `acknowledged ${actionId} lost`).toBe(version);
    }
  }
  // One writer: versions follow each other with no gap and no repeat.
  expect(replay.actions.map((a) => a.version)).toEqual(replay.actions.map((_, i) => i + 2));
  return replay;
}

/** Every way `client`'s frames could show `viewer` what it may not see, and its step order. */
function audit(name: string, client: RawClient, viewer: Viewer, truth: GolfTruth) {
  const leaks: string[] = [];
  const steps: string[] = [];
  let view: unknown = null;
  for (const message of client.received) {
    if (message.type === 'WELCOME') {
      view = message.view;
      const position = { version: message.version, step: message.step };
      for (const leak of truth.leaks(message, viewer, position))
        leaks.push(`${name} WELCOME ${leak}`);
    } else if (message.type === 'EVENT') {
      const { event } = message;
      steps.push(`${event.version}.${event.step}`);
      view = applyPatch(view, event.stateDiff);
      for (const leak of truth.leaks(message, viewer, event)) leaks.push(`${name} EVENT ${leak}`);
      for (const leak of truth.leaks(view, viewer, event)) leaks.push(`${name} view ${leak}`);
    } else if (message.type === 'LEGAL') {
      for (const leak of truth.leaks(message, viewer, truth.endOf(message.version)))
        leaks.push(`${name} LEGAL ${leak}`);
    }
  }
  return { leaks, steps, view };
}

const welcomes = (client: RawClient) => client.received.filter((m) => m.type === 'WELCOME');

describe('a match whose people are on different nodes', () => {
  it('is played to the end by one actor: live moves both ways, each viewer projected', async () => {
    const { a, b } = await twoNodes();
    const [ana, ben, cy] = await Promise.all([
      guest(a.url, 'Ana'),
      guest(b.url, 'Ben'),
      guest(b.url, 'Cy'),
    ]);
    const { matchId, code } = await golfMatch(a.url, ana, 2);
    // Cy watches through the other node from the start; Ben joins there by code.
    const watcher = await RawClient.open(b.url, matchId, cy.accessToken);
    const anaPlays = playSeat(() => a.url, matchId, ana.accessToken);
    expect(await join(b.url, ben, code)).toEqual({ matchId, seat: 1 });
    const benPlays = playSeat(() => b.url, matchId, ben.accessToken);
    // Chat's room access on the node without the actor reads the match from the store.
    const room = `match:${matchId}`;
    const chats = await Promise.all([
      ChatSocket.open(a.url, ana.accessToken, room),
      ChatSocket.open(b.url, ben.accessToken, room),
      ChatSocket.open(b.url, cy.accessToken, room),
    ]);
    const [anaChat, benChat, cyChat] = chats;
    expect(benChat!.welcome).toMatchObject({ role: 'player', emotes: true });
    expect(cyChat!.welcome).toMatchObject({ role: 'spectator', emotes: false });
    expect(await benChat!.say('players', 'good luck')).toMatchObject({ ok: true });
    await until(() => anaChat!.messages.length === 1 && cyChat!.messages.length === 1);
    for (const chat of chats) await chat.close();
    const [anaSeat, benSeat] = await Promise.all([anaPlays, benPlays]);
    await watcher.waitFor('MATCH_STATUS', (m) => m.status === 'over');

    const replay = await finishedLog(b.url, matchId, ben, [anaSeat, benSeat]);
    const truth = new GolfTruth(replay as never);
    // Live: nobody reconnected or was refused.
    expect([anaSeat, benSeat].map((seat) => [seat.sockets.length, seat.refused])).toEqual([
      [1, []],
      [1, []],
    ]);
    const allSteps = replay.events.map((e) => `${e.version}.${e.step}`);
    const viewers: [string, RawClient, Viewer, AuthResponse, RunningServer][] = [
      ['Ana', anaSeat.sockets[0]!, seatViewer(0), ana, a],
      ['Ben', benSeat.sockets[0]!, seatViewer(1), ben, b],
      ['Cy', watcher, SPECTATOR, cy, b],
    ];
    const leaks: string[] = [];
    for (const [name, client, viewer, who, node] of viewers) {
      // No WELCOME after the first but the start's (version 0): a second writer's CONFLICT
      // would have rebuilt the match and sent every socket a fresh one.
      expect(
        welcomes(client)
          .slice(1)
          .filter((w) => w.version > 0),
        name,
      ).toEqual([]);
      const audited = audit(name, client, viewer, truth);
      leaks.push(...audited.leaks);
      // Every step after its WELCOME, in order, once: each saw the other's moves as they came.
      const first = allSteps.indexOf(audited.steps[0] ?? '');
      expect(first, name).toBeGreaterThanOrEqual(0);
      expect(audited.steps, name).toEqual(allSteps.slice(first));
      const state = await call<MatchStateResponse>(
        node.url,
        'GET',
        `/api/matches/${matchId}/state`,
        {
          token: who.accessToken,
        },
      );
      // Over, the match is its players' (its replay is private): the spectator finds none now,
      // and their socket's last view is checked against the log alone.
      const watching = viewer === SPECTATOR;
      if (watching) expect(state.status, name).toBe(404);
      else expect(audited.view, name).toEqual(state.body.view);
      const version = watching ? replay.events.at(-1)!.version : state.body.version;
      expect(audited.view, name).toEqual(
        JSON.parse(JSON.stringify(golf.view(truth.stateAt(truth.endOf(version)), viewer))),
      );
    }
    expect(leaks.slice(0, 10)).toEqual([]);
    // Cy was there from the deal.
    expect(audit('Cy', watcher, SPECTATOR, truth).steps[0]).toBe('1.1');

    // One actor, on the node the match was created on; the other carried sockets and requests.
    expect(b.registry.stats()).toEqual({ inMemory: 0, loads: 0 });
    expect(a.registry.inMemoryIds()).toContain(matchId);
    const forwarded = await b.metrics.forwarded.get();
    const byKind = Object.fromEntries(forwarded.values.map((v) => [v.labels.kind, v.value]));
    expect(byKind.socket).toBe(2); // Cy's and Ben's
    expect(byKind.http).toBeGreaterThanOrEqual(3); // Ben's join, states, the export
  }, 60_000);
});

describe('a waiting table on two nodes', () => {
  it('its host closes it through the node without its actor; who waits on either is told', async () => {
    const { a, b } = await twoNodes();
    const [ana, ben, cy] = await Promise.all([
      guest(a.url, 'Ana'),
      guest(b.url, 'Ben'),
      guest(b.url, 'Cy'),
    ]);
    const table = await createMatch(a.url, ana.accessToken, {
      game: 'golf',
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
      listed: true,
    });
    const { matchId, code } = table;
    expect(await join(b.url, ben, code)).toEqual({ matchId, seat: 1 });
    const bens = await RawClient.open(b.url, matchId, ben.accessToken);
    const listed = async (url: string) =>
      (
        await call<{ tables: { matchId: string }[] }>(url, 'GET', '/api/tables?game=golf', {
          token: cy.accessToken,
        })
      ).body.tables.map((t) => t.matchId);
    expect(await listed(b.url)).toContain(matchId);
    // Ben is not the host, on any node.
    expect(
      (await call(b.url, 'POST', `/api/matches/${matchId}/close`, { token: ben.accessToken }))
        .status,
    ).toBe(403);

    const closed = await call<MatchMetadata>(b.url, 'POST', `/api/matches/${matchId}/close`, {
      token: ana.accessToken,
    });
    expect(closed).toMatchObject({
      status: 200,
      body: { status: 'over', result: { reason: 'closed' } },
    });
    const told = await bens.waitFor('MATCH_STATUS', (m) => m.status === 'over');
    expect(told.result?.reason).toBe('closed');
    bens.socket.close();
    // One actor did it, on the node that holds the match; no node lists it or opens its code.
    expect(b.registry.stats()).toEqual({ inMemory: 0, loads: 0 });
    for (const node of [a, b]) {
      expect(await listed(node.url)).not.toContain(matchId);
      const late = await call(node.url, 'POST', '/api/matches/join', {
        token: cy.accessToken,
        body: { code },
      });
      expect(late.status).toBe(404);
    }
  }, 60_000);
});

/**
 * A match socket from `localAddress` (another loopback address stands for another client), with
 * any extra headers; resolves with its first frame and, if it closes meanwhile, its close code.
 */
async function firstFrame(
  url: string,
  matchId: string,
  token: string,
  localAddress: string,
  headers: Record<string, string> = {},
) {
  const socket = new WebSocket(
    `${url.replace(/^http/, 'ws')}/ws/matches/${matchId}?token=${token}`,
    {
      localAddress,
      headers,
    },
  );
  const frame = await new Promise<ServerMessage>((resolve, reject) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data)) as ServerMessage));
    socket.once('error', reject);
  });
  const closed = await Promise.race([
    new Promise<number>((resolve) => socket.once('close', (code) => resolve(code))),
    sleep(300).then(() => null),
  ]);
  return { socket, frame, closed };
}

/** A GET from `localAddress`; resolves with its status. */
function getFrom(url: string, path: string, who: AuthResponse, localAddress: string) {
  return new Promise<number>((resolve, reject) => {
    const request = httpRequest(
      `${url}${path}`,
      { localAddress, headers: { authorization: `Bearer ${who.accessToken}` } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('addresses through a node', () => {
  it("count the client's address at the owner, and a client's own forwarding header is ignored", async () => {
    const { a, b } = await twoNodes({ MAX_CONNECTIONS_PER_IP: '2', RATE_HTTP_PER_MIN: '40' });
    const ana = await guest(a.url, 'Ana');
    const { matchId } = await golfMatch(a.url, ana, 1);
    const other = '127.0.0.2';
    // The owner counts this client's sockets wherever they come in: one direct, one through B.
    const direct = await firstFrame(a.url, matchId, ana.accessToken, other);
    expect(direct.frame.type).toBe('WELCOME');
    const proxied = await firstFrame(b.url, matchId, ana.accessToken, other);
    expect(proxied.frame.type).toBe('WELCOME');
    // A third: B holds only two of its sockets, but the owner sees three from that address.
    const third = await firstFrame(b.url, matchId, ana.accessToken, other);
    expect(third.frame).toMatchObject({ type: 'ERROR', code: 'RATE_LIMITED' });
    expect(third.closed).toBe(4429);
    // B's own address is not the client's: another client through B is let in.
    const fromB = await firstFrame(b.url, matchId, ana.accessToken, '127.0.0.1');
    expect(fromB.frame.type).toBe('WELCOME');

    // A client that sends the forwarding headers itself is still counted as itself.
    const forged = await firstFrame(a.url, matchId, ana.accessToken, other, {
      'x-cardtable-forwarded-for': '203.0.113.9',
      'x-cardtable-forward-proof': `${Date.now()}.${'A'.repeat(43)}`,
    });
    expect(forged.frame).toMatchObject({ type: 'ERROR', code: 'RATE_LIMITED' });
    expect(forged.closed).toBe(4429);
    for (const open of [direct, proxied, fromB]) open.socket.close();

    // HTTP too: the owner's per-address request limit (40 a minute) counts the requests B
    // forwards as the client's, together with the ones it sent to the owner directly.
    const state = `/api/matches/${matchId}/state`;
    for (let i = 0; i < 30; i++) expect(await getFrom(a.url, state, ana, other)).toBe(200);
    for (let i = 0; i < 10; i++) expect(await getFrom(b.url, state, ana, other)).toBe(200);
    // B has seen 10 of them; only the owner can refuse (a token comes back every 1.5 s).
    const through = [];
    for (let i = 0; i < 4; i++) through.push(await getFrom(b.url, state, ana, other));
    expect(through).toContain(429);
    expect(await getFrom(b.url, state, ana, '127.0.0.1')).toBe(200);
  }, 60_000);
});

describe('the owner of a match killed mid-play', () => {
  it('loses nothing: its players reconnect and the match ends on the other node', async () => {
    const env = clusterEnv({ LOG_LEVEL: 'error', DISCONNECT_GRACE_MS: '600000' });
    const owner = new ChildServer(env);
    children.push(owner);
    const ownerUrl = await owner.start();
    const survivor = await startServer(configFrom(env), golfOnly);
    servers.push(survivor);
    const ana = await guest(ownerUrl, 'Ana');
    const ben = await guest(survivor.url, 'Ben');
    const { matchId, code } = await golfMatch(ownerUrl, ana, 2);
    await join(survivor.url, ben, code);
    let ownerAlive = true;
    // Ana plays on the owner until it dies, then on the survivor; Ben on the survivor throughout.
    const anaPlays = playSeat(
      () => (ownerAlive ? ownerUrl : survivor.url),
      matchId,
      ana.accessToken,
    );
    const benPlays = playSeat(() => survivor.url, matchId, ben.accessToken);
    const progress = await call<MatchStateResponse>(
      survivor.url,
      'GET',
      `/api/matches/${matchId}/state`,
      {
        token: ben.accessToken,
      },
    );
    expect(progress.status).toBe(200);
    for (let i = 0; i < 200; i++) {
      const state = await call<MatchStateResponse>(
        ownerUrl,
        'GET',
        `/api/matches/${matchId}/state`,
        {
          token: ana.accessToken,
        },
      );
      if (state.body.version >= 8) break;
      await sleep(50);
    }
    expect(survivor.registry.stats().inMemory).toBe(0);
    await owner.kill();
    ownerAlive = false;
    const [anaSeat, benSeat] = await Promise.all([anaPlays, benPlays]);

    // Ben's socket through the survivor was told the owner went away (and reconnected).
    const benFirst = benSeat.sockets[0]!;
    expect(benFirst.closed?.code).toBe(1012);
    expect(benFirst.received.some((m) => m.type === 'ERROR' && m.code === 'SHUTTING_DOWN')).toBe(
      true,
    );
    expect(benSeat.sockets.length).toBeGreaterThan(1);
    await finishedLog(survivor.url, matchId, ana, [anaSeat, benSeat]);
    // The survivor took the match over from the store (and let it go once it was over).
    expect(survivor.registry.stats().loads).toBeGreaterThanOrEqual(1);
  }, 120_000);
});

describe('match leases', () => {
  it('a node that lost its lease drops the actor; one that stops hands its matches on at once', async () => {
    const { a, b, env } = await twoNodes();
    const [ana, ben] = await Promise.all([guest(a.url, 'Ana'), guest(b.url, 'Ben')]);
    const { matchId, code } = await golfMatch(a.url, ana, 1);
    await join(b.url, ben, code);
    const lease = `${env.REDIS_KEY_PREFIX}owner:${matchId}`;
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.get(lease)).toMatch(new RegExp(` ${a.url}$`));
      const anaOnA = await RawClient.open(a.url, matchId, ana.accessToken);
      // Another holder took the lease (as if A had been cut off from Redis longer than it).
      await redis.set(lease, 'intruder http://127.0.0.1:9', 'PX', 60_000);
      await until(() => anaOnA.closed !== null, 5000);
      expect(anaOnA.closed?.code).toBe(1012);
      expect(a.registry.inMemoryIds()).not.toContain(matchId);
      // While the intruder holds it, A builds nothing and its owner cannot be reached.
      const meanwhile = await firstFrame(a.url, matchId, ana.accessToken, '127.0.0.1');
      expect(meanwhile.frame).toMatchObject({ type: 'ERROR', code: 'SHUTTING_DOWN' });
      expect(meanwhile.closed).toBe(1012);
      expect(a.registry.inMemoryIds()).not.toContain(matchId);
      await redis.del(lease);
      const back = await RawClient.open(a.url, matchId, ana.accessToken);
      expect(a.registry.inMemoryIds()).toContain(matchId);
      const benOnB = await RawClient.open(b.url, matchId, ben.accessToken);

      // A stops: its leases go with it, and B serves the match at the next reconnect.
      await a.close();
      expect(await redis.get(lease)).toBeNull();
      await until(() => benOnB.closed !== null && back.closed !== null, 5000);
      expect(benOnB.closed?.code).toBe(1012);
      const benAgain = await RawClient.open(b.url, matchId, ben.accessToken, {
        resumeFrom: benOnB,
      });
      expect(b.registry.inMemoryIds()).toContain(matchId);
      expect(await redis.get(lease)).toMatch(new RegExp(` ${b.url}$`));
      await benAgain.close();
    } finally {
      await redis.quit();
    }
  }, 60_000);
});
