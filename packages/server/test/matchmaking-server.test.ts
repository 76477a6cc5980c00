import type { MatchMetadata } from '@cardtable/sdk/protocol';
import type { QueueServerMessage } from '@cardtable/sdk/social';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startServer } from '../src/app.ts';
import { defaultGames } from '../src/default-games.ts';
import { call, guest } from './helpers/http.ts';
import { configFrom, testEnv } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const PREFIX = `cardtable-test:${Date.now().toString(36)}:`;

/** Opens a matchmaking socket and collects what it is sent until it closes. */
function queue(baseUrl: string, token: string, query: string) {
  const socket = new WebSocket(
    `${baseUrl.replace('http', 'ws')}/ws/matchmaking?token=${token}&${query}`,
  );
  const messages: QueueServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as QueueServerMessage));
  const closed = new Promise<QueueServerMessage[]>((resolve) =>
    socket.on('close', () => resolve(messages)),
  );
  return { socket, messages, closed };
}

async function firstMessage(messages: QueueServerMessage[]): Promise<QueueServerMessage> {
  for (let i = 0; i < 600 && messages.length === 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return messages[0] as QueueServerMessage;
}

describe('matchmaking over sockets', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('matches two players on two nodes sharing Redis and PostgreSQL', async () => {
    const games = await defaultGames();
    const env = testEnv('postgres', {
      REDIS_URL,
      REDIS_KEY_PREFIX: PREFIX,
      MATCHMAKING_TICK_MS: '50',
      QUEUE_STATUS_MS: '100',
    });
    const nodeA = await startServer(configFrom(env), games);
    servers.push(nodeA);
    const nodeB = await startServer(configFrom(env), games);
    servers.push(nodeB);
    const ana = await guest(nodeA.url, 'Ana');
    const ben = await guest(nodeB.url, 'Ben');
    const a = queue(nodeA.url, ana.accessToken, 'game=golf&mode=casual&seats=2');
    expect(await firstMessage(a.messages)).toMatchObject({ type: 'QUEUE_STATUS', position: 1 });
    const b = queue(nodeB.url, ben.accessToken, 'game=golf&mode=casual&seats=2');
    const [fromA, fromB] = await Promise.all([a.closed, b.closed]);
    const matchedA = fromA.at(-1);
    const matchedB = fromB.at(-1);
    expect(matchedA).toMatchObject({ type: 'QUEUE_MATCHED', game: 'golf' });
    expect(matchedB).toEqual(matchedA);
    const matchId = (matchedA as { matchId: string }).matchId;
    const meta = await call<MatchMetadata>(nodeA.url, 'GET', `/api/matches/${matchId}`, {
      token: ana.accessToken,
    });
    expect(meta.body.status).toBe('active');
    expect(meta.body.seats.map((s) => s.name).sort()).toEqual(['Ana', 'Ben']);
    // Each opens the match on their own node: one node holds the actor, the other passes the
    // socket on (the whole match across nodes is played in nodes.test.ts).
    const [onA, onB] = await Promise.all([
      RawClient.open(nodeA.url, matchId, ana.accessToken),
      RawClient.open(nodeB.url, matchId, ben.accessToken),
    ]);
    const welcomes = [onA, onB].map((client) => client.received.find((m) => m.type === 'WELCOME'));
    expect(welcomes.map((w) => w?.type === 'WELCOME' && w.role)).toEqual(['player', 'player']);
    const holders = [nodeA, nodeB].filter((node) => node.registry.inMemoryIds().includes(matchId));
    expect(holders).toHaveLength(1);
    await Promise.all([onA.close(), onB.close()]);
  }, 120_000);

  it('gives matched tables a turn clock: a player who never moves is played for', async () => {
    const env = testEnv('embedded', {
      MATCHMAKING_TICK_MS: '50',
      QUEUE_STATUS_MS: '100',
      MATCHMAKING_TURN_MS: '1000',
    });
    const server = await startServer(configFrom(env), await defaultGames());
    servers.push(server);
    const [dee, eli] = await Promise.all([guest(server.url, 'Dee'), guest(server.url, 'Eli')]);
    const queued = [dee, eli].map(
      (player) => queue(server.url, player.accessToken, 'game=golf&mode=casual&seats=2').closed,
    );
    const matched = (await Promise.all(queued)).map((messages) => messages.at(-1));
    const matchId = (matched[0] as { matchId: string }).matchId;
    const meta = () =>
      call<MatchMetadata & { version: number }>(server.url, 'GET', `/api/matches/${matchId}`, {
        token: dee.accessToken,
      });
    expect((await meta()).body).toMatchObject({ status: 'active', turnTimeLimitMs: 1000 });
    // Both stay connected (nobody is away) and neither moves: only the clock moves the match.
    const clients = await Promise.all(
      [dee, eli].map((player) => RawClient.open(server.url, matchId, player.accessToken)),
    );
    const started = (await meta()).body.version;
    let version = started;
    for (let tries = 0; tries < 100 && version === started; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      version = (await meta()).body.version;
    }
    expect(version).toBeGreaterThan(started);
    await Promise.all(clients.map((client) => client.close()));
  }, 120_000);

  it('refuses rated play to a guest, and cancels on request', async () => {
    const env = testEnv('embedded', {
      QUEUE_STATUS_MS: '100',
      SOCIAL_PROJECTION_POLL_MS: '600000',
    });
    const server = await startServer(configFrom(env), await defaultGames());
    servers.push(server);
    const cy = await guest(server.url, 'Cy');
    const rated = await queue(server.url, cy.accessToken, 'game=golf&mode=rated&seats=2').closed;
    expect(rated).toEqual([
      { type: 'ERROR', code: 'FORBIDDEN', message: expect.stringContaining('account') },
    ]);
    const unknown = await queue(server.url, cy.accessToken, 'game=chess&mode=casual').closed;
    expect(unknown[0]).toMatchObject({ type: 'ERROR', code: 'BAD_REQUEST' });
    const anonymous = await queue(server.url, 'forged', 'game=golf&mode=casual').closed;
    expect(anonymous[0]).toMatchObject({ type: 'ERROR', code: 'UNAUTHORIZED' });

    const waiting = queue(server.url, cy.accessToken, 'game=golf&mode=casual&seats=3');
    expect(await firstMessage(waiting.messages)).toMatchObject({
      type: 'QUEUE_STATUS',
      position: 1,
      waiting: 1,
    });
    waiting.socket.send(JSON.stringify({ type: 'CANCEL' }));
    expect((await waiting.closed).at(-1)).toEqual({ type: 'QUEUE_ENDED', reason: 'cancelled' });
    expect(await server.matchmaker.queue.pools()).toEqual([]);
  }, 120_000);
});
