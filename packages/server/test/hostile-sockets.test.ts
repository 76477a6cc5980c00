import { connect } from 'node:net';
import { CLOSE_CODES, type ErrorBody } from '@cardtable/sdk/protocol';
import type { QueueServerMessage } from '@cardtable/sdk/social';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RunningServer } from '../src/app.ts';
import { QUEUE_SOCKETS_PER_USER } from '../src/matchmaking/socket.ts';
import { MAX_BUFFERED_BYTES } from '../src/socket-send.ts';
import { MATCH_SOCKETS_PER_USER_PER_MATCH, MAX_PENDING_ACTIONS } from '../src/socket.ts';
import { until } from './helpers/accounts.ts';
import { createMatch, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

/**
 * A hostile (or vanished) client on the sockets themselves: what it makes the server hold for
 * it, and what it keeps holding once it stops answering.
 */
const vsCpu = [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }] as const;
const SOCKETS_PER_USER = 3;

/** The TCP socket under a `ws` WebSocket. */
const tcpOf = (socket: WebSocket) =>
  (socket as unknown as { _socket: { pause(): void; resume(): void; localPort: number } })._socket;

/** The server's end of a client's socket (matched by port). */
function serverEndOf(server: RunningServer, client: WebSocket) {
  const port = tcpOf(client).localPort;
  const { clients } = (server.app as unknown as { websocketServer: { clients: Set<WebSocket> } })
    .websocketServer;
  return [...clients].find(
    (socket) =>
      (socket as unknown as { _socket: { remotePort: number } })._socket.remotePort === port,
  );
}

describe('a hostile client on the match socket', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    // Rate limits out of the way: only the unread bytes may stop the client below.
    server = await startTestServer('embedded', {
      RATE_MESSAGES_PER_S: '1000000',
      RATE_MESSAGE_BURST: '1000000',
      RATE_IP_MESSAGES_PER_S: '1000000',
    });
    token = (await guest(server.url, 'Hostile')).accessToken;
  });
  afterAll(async () => server?.close());

  it('is dropped with 1013 once it stops reading the replies to its own frames; the server never holds much more than the cap', async () => {
    const { matchId } = await createMatch(server.url, token, {
      game: 'secret-draw',
      seats: [...vsCpu],
    });
    const client = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/matches/${matchId}?token=${token}`,
    );
    let closedWith: number | null = null;
    client.on('close', (code) => (closedWith = code));
    await new Promise((resolve) => client.once('message', resolve));
    const end = serverEndOf(server, client);
    expect(end).toBeDefined();

    // Never reads again, but answers the heartbeat unasked, so only the unread bytes count.
    tcpOf(client).pause();
    // Each is refused at once with an ACTION_RESULT naming the id: about 300 bytes unread each.
    const frame = JSON.stringify({
      type: 'ACTION',
      action: { actionId: 'x'.repeat(128), type: 'draw' },
    });
    let mostHeld = 0;
    for (let batch = 0; batch < 200 && end?.readyState === WebSocket.OPEN; batch++) {
      for (let i = 0; i < 500; i++) client.send(frame);
      client.pong();
      await new Promise((resolve) => setTimeout(resolve, 10));
      mostHeld = Math.max(mostHeld, end.bufferedAmount);
    }
    // Without the cap the 100,000 replies (30 MB) would all wait in the server for this client.
    expect(end?.readyState).not.toBe(WebSocket.OPEN);
    expect(mostHeld).toBeLessThanOrEqual(MAX_BUFFERED_BYTES + 4096);

    // Read at last: what was held, then the close that says why.
    tcpOf(client).resume();
    await until(() => closedWith !== null, 30_000);
    expect(closedWith).toBe(CLOSE_CODES.notReading);
  }, 60_000);
  it('refuses actions beyond MAX_PENDING_ACTIONS waiting on one socket at once; each gets one answer', async () => {
    const { matchId } = await createMatch(server.url, token, {
      game: 'secret-draw',
      seats: [...vsCpu],
    });
    const client = await RawClient.open(server.url, matchId, token);
    // One write of many frames: the match's queue holds them all until the first is stored.
    const ids = Array.from({ length: MAX_PENDING_ACTIONS * 3 }, (_, i) => `flood-${i}`);
    for (const actionId of ids) {
      client.send({
        type: 'ACTION',
        action: { actionId, type: 'draw', payload: {}, clientSeq: 1 },
      });
    }
    const results = () => client.received.flatMap((m) => (m.type === 'ACTION_RESULT' ? [m] : []));
    await until(() => results().length >= ids.length);
    expect(
      results()
        .map((r) => r.actionId)
        .sort(),
    ).toEqual([...ids].sort());
    const refused = results().filter(
      (r) =>
        !r.ok && (r.error.details as { limit?: string } | undefined)?.limit === 'pendingActions',
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { max: MAX_PENDING_ACTIONS } },
    });
    await client.close();
  });

  it("counts MAX_PENDING_ACTIONS over all of one user's sockets to a match, not per socket", async () => {
    const { matchId } = await createMatch(server.url, token, {
      game: 'secret-draw',
      seats: [...vsCpu],
    });
    const sockets = 4;
    const clients = await Promise.all(
      Array.from({ length: sockets }, () => RawClient.open(server.url, matchId, token)),
    );
    // Each socket stays within the bound; counted per socket, none of these was refused.
    const ids = clients.map((_, c) =>
      Array.from({ length: MAX_PENDING_ACTIONS }, (_, i) => `many-${c}-${i}`),
    );
    clients.forEach((client, c) => {
      for (const actionId of ids[c]!)
        client.send({
          type: 'ACTION',
          action: { actionId, type: 'draw', payload: {}, clientSeq: 1 },
        });
    });
    const results = () =>
      clients.flatMap((client) =>
        client.received.flatMap((m) => (m.type === 'ACTION_RESULT' ? [m] : [])),
      );
    await until(() => results().length >= sockets * MAX_PENDING_ACTIONS);
    expect(results()).toHaveLength(sockets * MAX_PENDING_ACTIONS);
    const refused = results().filter(
      (r) =>
        !r.ok && (r.error.details as { limit?: string } | undefined)?.limit === 'pendingActions',
    );
    // The match's queue holds the first ones until the first is stored: most of the rest wait.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { max: MAX_PENDING_ACTIONS } },
    });
    await Promise.all(clients.map((client) => client.close()));
  });

  it('holds at most MATCH_SOCKETS_PER_USER_PER_MATCH sockets of one user to one match', async () => {
    const { matchId } = await createMatch(server.url, token, {
      game: 'secret-draw',
      seats: [...vsCpu],
    });
    const watcher = (await guest(server.url, 'Watcher')).accessToken;
    const held = await Promise.all(
      Array.from({ length: MATCH_SOCKETS_PER_USER_PER_MATCH }, () =>
        RawClient.open(server.url, matchId, watcher),
      ),
    );
    const refused = await RawClient.open(server.url, matchId, watcher, { waitWelcome: false });
    expect(await refused.waitFor('ERROR')).toMatchObject({
      code: 'TOO_MANY_CONNECTIONS',
      message: expect.stringMatching(/to this match/),
    });
    await until(() => refused.closed !== null);
    expect(refused.closed?.code).toBe(CLOSE_CODES.tooMany);
    // The bound is the user's in that match: the player and the watcher's other matches connect.
    const player = await RawClient.open(server.url, matchId, token);
    expect(player.received[0]).toMatchObject({ type: 'WELCOME', role: 'player' });
    const other = await createMatch(server.url, token, { game: 'secret-draw', seats: [...vsCpu] });
    const elsewhere = await RawClient.open(server.url, other.matchId, watcher);
    expect(elsewhere.received[0]).toMatchObject({ type: 'WELCOME', role: 'spectator' });
    // A closed socket frees its place (once the server has seen the close).
    await held[0]!.close();
    let again: RawClient | null = null;
    for (let tries = 0; tries < 50 && !again; tries++) {
      const attempt = await RawClient.open(server.url, matchId, watcher, { waitWelcome: false });
      await until(() => attempt.received.length > 0);
      if (attempt.received[0]?.type === 'WELCOME') again = attempt;
      else await until(() => attempt.closed !== null);
    }
    expect(again).not.toBeNull();
    for (const client of [...held.slice(1), player, elsewhere, again!]) await client.close();
  });
});

describe('one user opening many match and queue sockets', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer('embedded', {
      MATCH_SOCKETS_PER_USER: String(SOCKETS_PER_USER),
      // Queued sockets stay as they are: no table is formed, a replaced ticket's socket is not
      // told (and closed) before the test is over.
      MATCHMAKING_TICK_MS: '60000',
      QUEUE_STATUS_MS: '60000',
    });
  });
  afterAll(async () => server?.close());

  it('refuses a repeated query parameter at once with BAD_REQUEST, as the queue socket does', async () => {
    const host = (await guest(server.url, 'Repeater')).accessToken;
    const { matchId } = await createMatch(server.url, host, {
      game: 'secret-draw',
      seats: [...vsCpu],
    });
    const base = `${server.url.replace(/^http/, 'ws')}/ws/matches/${matchId}`;
    // A token given twice was read as none: the socket waited for a HELLO, then said to send one.
    for (const query of [`token=${host}&token=${host}`, `token=${host}&lastStep=1&lastStep=2`]) {
      const socket = new WebSocket(`${base}?${query}`);
      const received: unknown[] = [];
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      const closed = await new Promise<number>((resolve) => socket.on('close', resolve));
      expect(closed).toBe(CLOSE_CODES.refused);
      expect(received).toEqual([
        {
          type: 'ERROR',
          code: 'BAD_REQUEST',
          message: expect.stringMatching(/(token|lastStep) is given more than once/),
        },
      ]);
    }
  });

  it('holds at most MATCH_SOCKETS_PER_USER over every match; others connect; a closed one frees its place', async () => {
    const hoarder = (await guest(server.url, 'Hoarder')).accessToken;
    const host = (await guest(server.url, 'Host')).accessToken;
    const matches = await Promise.all(
      Array.from({ length: SOCKETS_PER_USER + 1 }, () =>
        createMatch(server.url, host, { game: 'secret-draw', seats: [...vsCpu] }),
      ),
    );
    const open = (token: string, index: number) =>
      RawClient.open(server.url, matches[index]!.matchId, token, { waitWelcome: false });
    const held: RawClient[] = [];
    for (let i = 0; i < SOCKETS_PER_USER; i++) {
      const watching = await open(hoarder, i);
      expect(await watching.next('WELCOME')).toMatchObject({ role: 'spectator' });
      held.push(watching);
    }
    const refused = await open(hoarder, SOCKETS_PER_USER);
    expect(await refused.waitFor('ERROR')).toMatchObject({ code: 'TOO_MANY_CONNECTIONS' });
    await until(() => refused.closed !== null);
    expect(refused.closed?.code).toBe(CLOSE_CODES.tooMany);

    // Someone else watches that match at once.
    const other = await open(host, SOCKETS_PER_USER);
    expect(await other.next('WELCOME')).toMatchObject({ role: 'player' });

    held[0]!.socket.close();
    await until(() => held[0]!.closed !== null);
    // The place is freed once the server has seen the close: until then, refused as above.
    let again: RawClient | null = null;
    for (let tries = 0; tries < 50 && !again; tries++) {
      const attempt = await open(hoarder, SOCKETS_PER_USER);
      await until(() => attempt.received.length > 0);
      if (attempt.received[0]?.type === 'WELCOME') again = attempt;
      else await until(() => attempt.closed !== null);
    }
    expect(again).not.toBeNull();
    for (const socket of [...held, other, again!]) socket.socket.close();
  });

  it('holds at most QUEUE_SOCKETS_PER_USER queue sockets of one user, from any address; one more replaces no ticket', async () => {
    const queue = (token: string, seats: number, localAddress = '127.0.0.1') => {
      const socket = new WebSocket(
        `${server.url.replace(/^http/, 'ws')}/ws/matchmaking?token=${token}&game=secret-draw&mode=casual&seats=${seats}`,
        { localAddress },
      );
      const messages: QueueServerMessage[] = [];
      let code: number | null = null;
      socket.on('message', (data) => messages.push(JSON.parse(String(data)) as QueueServerMessage));
      socket.on('close', (closed) => (code = closed));
      return { socket, messages, code: () => code };
    };
    const hoarder = (await guest(server.url, 'Queue hoarder')).accessToken;
    const held: ReturnType<typeof queue>[] = [];
    for (let i = 0; i < QUEUE_SOCKETS_PER_USER; i++) {
      const open = queue(hoarder, 2);
      await until(() => open.messages.length > 0);
      expect(open.messages[0]).toMatchObject({ type: 'QUEUE_STATUS' });
      held.push(open);
    }
    // Another address, another pool: refused all the same, before its ticket is made.
    const refused = queue(hoarder, 3, '127.0.0.2');
    await until(() => refused.code() !== null);
    expect(refused.messages).toEqual([
      {
        type: 'ERROR',
        code: 'TOO_MANY_CONNECTIONS',
        message: `You have ${QUEUE_SOCKETS_PER_USER} queue connections open already: close one first.`,
      },
    ]);
    expect(refused.code()).toBe(CLOSE_CODES.tooMany);
    // The hoarder's ticket still waits in the 2-seat pool: had the refused socket queued, it
    // would have replaced it with one in the 3-seat pool.
    const other = queue((await guest(server.url, 'Queue neighbour')).accessToken, 2);
    await until(() => other.messages.length > 0);
    expect(other.messages[0]).toMatchObject({ type: 'QUEUE_STATUS', waiting: 2 });

    held[0]!.socket.close();
    await until(() => held[0]!.code() !== null);
    // The place is freed once the server has seen the close: until then, refused as above.
    let again: ReturnType<typeof queue> | null = null;
    for (let tries = 0; tries < 50 && !again; tries++) {
      const attempt = queue(hoarder, 2);
      await until(() => attempt.messages.length > 0);
      if (attempt.messages[0]?.type === 'QUEUE_STATUS') again = attempt;
      else await until(() => attempt.code() !== null);
    }
    expect(again).not.toBeNull();
    for (const open of [...held, other, again!]) open.socket.close();
  });
});

describe('a client that stops answering pings', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer('embedded', { HEARTBEAT_MS: '100' });
  });
  afterAll(async () => server?.close());

  const queue = async (token: string) => {
    const socket = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/matchmaking?token=${token}&game=secret-draw&mode=casual&seats=2`,
    );
    const statuses: QueueServerMessage[] = [];
    socket.on('message', (data) => statuses.push(JSON.parse(String(data))));
    await until(() => statuses.length > 0);
    return { socket, statuses };
  };

  it('leaves the matchmaking queue, so nobody is matched with a player who is gone', async () => {
    const gone = await queue((await guest(server.url, 'Gone')).accessToken);
    expect(gone.statuses[0]).toMatchObject({ type: 'QUEUE_STATUS', waiting: 1 });
    const end = serverEndOf(server, gone.socket);
    // Off the network: reads nothing more, so no ping is answered.
    tcpOf(gone.socket).pause();
    await until(() => end?.readyState === WebSocket.CLOSED);

    const next = await queue((await guest(server.url, 'Next')).accessToken);
    expect(next.statuses[0]).toMatchObject({ type: 'QUEUE_STATUS', waiting: 1 });
    next.socket.close();
    gone.socket.terminate();
  });
});

/** A raw HTTP/1.1 connection from `localAddress`: what it was sent, and whether it is closed. */
function rawHttp(url: string, localAddress: string, head: string) {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port), localAddress });
  let received = '';
  let closed = false;
  socket.on('data', (data) => (received += String(data)));
  socket.on('close', () => (closed = true));
  socket.on('error', () => undefined);
  socket.write(head);
  return { socket, received: () => received, closed: () => closed };
}

/** Headers of a JSON POST whose body never arrives in full. */
const slowPost = (path: string) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
  `Content-Length: 100000\r\n\r\n{"name":"`;

describe('a client that sends its HTTP requests slowly', () => {
  const IN_FLIGHT = 5;
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer('embedded', {
      REQUEST_TIMEOUT_MS: '1000',
      HTTP_IN_FLIGHT_PER_IP: String(IN_FLIGHT),
      LARGE_BODY_BYTES_PER_MIN: String(16 * 1024 * 1024),
      LARGE_BODY_BYTES_PER_IP_PER_MIN: String(32 * 1024 * 1024),
    });
  });
  afterAll(async () => server?.close());

  /** A GET from `localAddress` with its status and typed body. */
  const getFrom = async (localAddress: string) => {
    const request = rawHttp(
      server.url,
      localAddress,
      'GET /api/games HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    await until(request.closed);
    const [head = '', body = ''] = request.received().split('\r\n\r\n');
    return { status: Number(head.split(' ')[1]), body: JSON.parse(body) as ErrorBody };
  };

  it('is cut off with 408 and a typed body when a body trickles in; an open socket stays', async () => {
    const { accessToken } = await guest(server.url, 'Patient');
    const { matchId } = await createMatch(server.url, accessToken, {
      game: 'secret-draw',
      seats: [...vsCpu],
    });
    const watching = await RawClient.open(server.url, matchId, accessToken);
    const slow = rawHttp(server.url, '127.0.0.20', slowPost('/api/auth/guest'));
    const drip = setInterval(() => slow.socket.write('a'), 200);
    // Without a request timeout the connection (and the body read so far) is held for good.
    await until(slow.closed, 20_000);
    clearInterval(drip);
    const [head = '', body = ''] = slow.received().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(body)).toMatchObject({ code: 'BAD_REQUEST' });
    // The timeout is the HTTP request's: the socket upgraded before it is not touched.
    expect(watching.closed).toBeNull();
    watching.socket.close();
  }, 30_000);

  it('refuses an anonymous large body with 401 before reading it', async () => {
    const routes = [
      'POST /api/replays/import',
      'POST /api/content/games/import',
      'PUT /api/content/games/any/draft',
      'POST /api/content/games/any/draft/art',
    ];
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const head = slowPost(path!).replace(/^POST/, method!);
      const request = rawHttp(server.url, '127.0.0.23', head);
      // Answered while the body (megabytes announced) has not come: it will not be read.
      await until(() => request.received().includes('\r\n\r\n'));
      expect(request.received(), route).toMatch(/^HTTP\/1\.1 401 /);
      request.socket.destroy();
    }
  });

  /** An import announcing `bytes` from `localAddress`, its body not sent. */
  const importingFrom = (localAddress: string, token: string, bytes: number) =>
    rawHttp(
      server.url,
      localAddress,
      `POST /api/replays/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`,
    );

  it('budgets the bytes one user sends to large-body routes, decided before the body is read', async () => {
    const [hoarder, other] = await Promise.all([
      guest(server.url, 'Uploader'),
      guest(server.url, 'Other'),
    ]);
    const importing = (token: string, bytes: number) => importingFrom('127.0.0.24', token, bytes);
    // 8 MiB each of a 16 MiB minute: two are let in (and wait for their bodies), the third not.
    const admitted = [
      importing(hoarder.accessToken, 8 << 20),
      importing(hoarder.accessToken, 8 << 20),
    ];
    const refused = importing(hoarder.accessToken, 8 << 20);
    await until(() => refused.received().includes('\r\n\r\n{'));
    expect(refused.received()).toMatch(/^HTTP\/1\.1 429 /);
    expect(JSON.parse(refused.received().split('\r\n\r\n')[1]!)).toMatchObject({
      code: 'RATE_LIMITED',
      details: {
        limit: 'largeBodyBytesPerMinute',
        max: 16 << 20,
        retryAfterMs: expect.any(Number),
      },
    });
    for (const request of admitted) expect(request.received()).toBe('');
    // Another user's small import is read and judged on its merits.
    const small = importing(other.accessToken, 2);
    small.socket.write('{}');
    await until(() => small.received().includes('\r\n\r\n{'));
    expect(small.received()).toMatch(/^HTTP\/1\.1 400 /);
    for (const request of [...admitted, refused, small]) request.socket.destroy();
  });

  it("says the address's budget, and its wait, when the address's budget refused", async () => {
    const users = await Promise.all(['A', 'B', 'C'].map((name) => guest(server.url, name)));
    // Two users send 16 MiB each: the address's 32 MiB minute is spent, not the third user's.
    const admitted = users
      .slice(0, 2)
      .flatMap(({ accessToken }) =>
        [8 << 20, 8 << 20].map((bytes) => importingFrom('127.0.0.25', accessToken, bytes)),
      );
    const refused = importingFrom('127.0.0.25', users[2]!.accessToken, 8 << 20);
    await until(() => refused.received().includes('\r\n\r\n{'));
    expect(refused.received()).toMatch(/^HTTP\/1\.1 429 /);
    const body = JSON.parse(refused.received().split('\r\n\r\n')[1]!) as ErrorBody;
    expect(body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { limit: 'largeBodyBytesPerIpPerMinute', max: 32 << 20 },
    });
    // 8 MiB of a 32 MiB minute come back within 15 s (the user's 16 MiB minute would say 30 s).
    const { retryAfterMs } = body.details as { retryAfterMs: number };
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(15_000);
    for (const request of [...admitted, refused]) request.socket.destroy();
  });

  it('holds at most HTTP_IN_FLIGHT_PER_IP requests of one address at once; others go on', async () => {
    const held = Array.from({ length: IN_FLIGHT }, () =>
      rawHttp(server.url, '127.0.0.21', slowPost('/api/auth/guest')),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await getFrom('127.0.0.21');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { limit: 'httpInFlightPerIp', max: IN_FLIGHT },
    });
    expect((await getFrom('127.0.0.22')).status).toBe(200);
    // A request that ends (here: its client gives up) frees its place.
    held[0]!.socket.destroy();
    let status = 429;
    for (let tries = 0; tries < 50 && status === 429; tries++) {
      status = (await getFrom('127.0.0.21')).status;
    }
    expect(status).toBe(200);
    for (const request of held) request.socket.destroy();
  });
});
