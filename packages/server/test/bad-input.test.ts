import { TypeCompiler } from '@sinclair/typebox/compiler';
import {
  ClientMessage,
  ERROR_CODES,
  type MatchMetadata,
  type MatchStateResponse,
  type ServerMessage,
} from '@cardtable/sdk/protocol';
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { until } from './helpers/accounts.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

const isClientMessage = TypeCompiler.Compile(ClientMessage);
const CODES = new Set<string>(ERROR_CODES);

const isProtocolText = (text: string): boolean => {
  try {
    return isClientMessage.Check(JSON.parse(text));
  } catch {
    return false;
  }
};

type Reply = Extract<ServerMessage, { type: 'ERROR' | 'ACTION_RESULT' }>;

/** Sends one frame and returns the one reply it gets (an ERROR or an ACTION_RESULT). */
async function exchange(client: RawClient, frame: string | Buffer): Promise<Reply> {
  const reply = Promise.race([
    client.next('ERROR'),
    client.next('ACTION_RESULT'),
  ]) as Promise<Reply>;
  client.sendRaw(frame);
  return reply;
}

const codeOf = (reply: Reply) =>
  reply.type === 'ERROR' ? reply.code : reply.ok ? 'OK' : reply.error.code;

describe('bad input: every bad frame gets a typed error and changes nothing', () => {
  let server: RunningServer;
  let tokens: { alice: string; bob: string; carol: string };
  let matchId: string;
  let alice: RawClient; // seat 0, whose turn it is
  let bob: RawClient; // seat 1, waiting
  let carol: RawClient; // spectator
  let accepted: { actionId: string; version: number };

  const snapshot = async () => ({
    alice: (
      await call<MatchStateResponse>(server.url, 'GET', `/api/matches/${matchId}/state`, {
        token: tokens.alice,
      })
    ).body,
    bob: (
      await call<MatchStateResponse>(server.url, 'GET', `/api/matches/${matchId}/state`, {
        token: tokens.bob,
      })
    ).body,
  });

  beforeAll(async () => {
    server = await startTestServer('postgres', {
      RATE_MESSAGES_PER_S: '100000',
      RATE_MESSAGE_BURST: '100000',
      MAX_MESSAGE_BYTES: '4096',
    });
    const [a, b, c] = await Promise.all(['Alice', 'Bob', 'Carol'].map((n) => guest(server.url, n)));
    tokens = { alice: a!.accessToken, bob: b!.accessToken, carol: c!.accessToken };
    const created = await createMatch(server.url, tokens.alice, {
      game: 'secret-draw',
      options: { draws: 5 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
    });
    matchId = created.matchId;
    await call(server.url, 'POST', '/api/matches/join', {
      token: tokens.bob,
      body: { code: created.code },
    });
    alice = await RawClient.open(server.url, matchId, tokens.alice);
    bob = await RawClient.open(server.url, matchId, tokens.bob);
    carol = await RawClient.open(server.url, matchId, tokens.carol);
    // One legitimate move each, so there is an accepted actionId to replay and forge.
    const first = await alice.act('draw', {}, { actionId: 'legit-1' });
    if (!first.ok) throw new Error('setup move refused');
    accepted = { actionId: 'legit-1', version: first.version };
    const second = await bob.act('draw', {}, { actionId: 'legit-2' });
    if (!second.ok) throw new Error('setup move refused');
    await alice.waitFor('LEGAL', (m) => m.version === second.version);
  });
  afterAll(async () => server?.close());

  it('survives thousands of malformed, oversized, out-of-turn, replayed and forged frames', async () => {
    const before = await snapshot();
    const counts = new Map<string, number>();
    const expectCode = (reply: Reply, allowed: readonly string[]) => {
      const code = codeOf(reply);
      expect(allowed, JSON.stringify(reply)).toContain(code);
      if (code !== 'OK') expect(CODES.has(code)).toBe(true);
      counts.set(code, (counts.get(code) ?? 0) + 1);
    };
    const run = (
      arbitrary: fc.Arbitrary<unknown>,
      property: (value: never) => Promise<void>,
      numRuns: number,
    ) =>
      fc.assert(fc.asyncProperty(arbitrary, property as (value: unknown) => Promise<void>), {
        numRuns,
      });

    // Malformed: any text, any JSON that is not a protocol message.
    await run(
      fc.string({ maxLength: 200 }),
      async (text: string) => {
        fc.pre(!isProtocolText(text));
        expectCode(await exchange(alice, text), ['BAD_MESSAGE', 'INVALID_PAYLOAD']);
      },
      600,
    );
    const messageLike = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('ACTION', 'FLOW_ACK', 'RESUME', 'PING', 'HELLO', 'WELCOME', 'action'),
          fc.string({ maxLength: 12 }),
        ),
        action: fc.oneof(
          fc.jsonValue({ maxDepth: 2 }),
          fc.record(
            {
              actionId: fc.string({ minLength: 1, maxLength: 20 }),
              type: fc.jsonValue({ maxDepth: 1 }),
              clientSeq: fc.jsonValue({ maxDepth: 1 }),
            },
            { requiredKeys: [] },
          ),
        ),
        resolutionId: fc.jsonValue({ maxDepth: 1 }),
        step: fc.jsonValue({ maxDepth: 1 }),
        lastVersion: fc.jsonValue({ maxDepth: 1 }),
        t: fc.jsonValue({ maxDepth: 1 }),
        token: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: ['type'] },
    );
    await run(
      fc.oneof(fc.jsonValue({ maxDepth: 3 }), messageLike),
      async (value: unknown) => {
        fc.pre(!isClientMessage.Check(value));
        expectCode(await exchange(bob, JSON.stringify(value)), ['BAD_MESSAGE', 'INVALID_PAYLOAD']);
      },
      1200,
    );

    // Binary and oversized frames.
    for (let i = 0; i < 20; i++) {
      expectCode(await exchange(carol, Buffer.from([0, 1, 2, i])), ['BAD_MESSAGE']);
    }
    await run(
      fc.integer({ min: 4097, max: 200_000 }),
      async (size: number) => {
        const frame = JSON.stringify({ type: 'PING', t: 1, pad: 'x'.repeat(size) });
        expectCode(await exchange(alice, frame), ['TOO_LARGE']);
      },
      100,
    );

    // Out of turn: Bob's well-formed moves while it is Alice's turn.
    const action = (type: string, payload: unknown = {}, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        type: 'ACTION',
        action: { actionId: `x-${Math.random()}`, type, payload, clientSeq: 1, ...extra },
      });
    await run(
      fc.constantFrom('draw', 'stand'),
      async (type: string) => {
        expectCode(await exchange(bob, action(type)), ['NOT_YOUR_TURN']);
      },
      300,
    );

    // Replayed: the accepted actionId again, from its seat: the same result, never applied twice.
    for (let i = 0; i < 100; i++) {
      const reply = await exchange(
        alice,
        JSON.stringify({
          type: 'ACTION',
          action: { actionId: accepted.actionId, type: 'draw', payload: {}, clientSeq: i },
        }),
      );
      expect(reply).toMatchObject({ type: 'ACTION_RESULT', ok: true, version: accepted.version });
      counts.set('REPLAYED', (counts.get('REPLAYED') ?? 0) + 1);
    }

    // Forged: unknown moves, versions from the future, someone else's actionId, a spectator
    // acting, acks and resumes of steps never sent, a second HELLO.
    await run(
      fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t !== 'draw' && t !== 'stand'),
      async (type: string) => {
        expectCode(await exchange(alice, action(type, { card: 'ace' })), ['INVALID_PAYLOAD']);
      },
      300,
    );
    await run(
      fc.integer({ min: 1000, max: 2 ** 31 }),
      async (version: number) => {
        expectCode(await exchange(alice, action('stand', {}, { knownVersion: version })), [
          'INVALID_PAYLOAD',
        ]);
      },
      100,
    );
    // Ids are per seat: Alice's id is Bob's own new id (out of turn here), while Alice reusing
    // it for another action is a duplicate.
    for (let i = 0; i < 50; i++) {
      const [player, code] = i % 2 ? [bob, 'NOT_YOUR_TURN'] : [alice, 'DUPLICATE_ACTION_ID'];
      const reply = await exchange(
        player,
        JSON.stringify({
          type: 'ACTION',
          action: { actionId: accepted.actionId, type: 'stand', payload: {}, clientSeq: i },
        }),
      );
      expectCode(reply, [code]);
    }
    await run(
      fc.constantFrom('draw', 'stand'),
      async (type: string) => {
        expectCode(await exchange(carol, action(type)), ['NOT_A_PLAYER']);
      },
      100,
    );
    await run(
      fc.tuple(fc.integer({ min: 100, max: 10 ** 6 }), fc.integer({ min: 0, max: 50 })),
      async ([version, step]: [number, number]) => {
        expectCode(
          await exchange(
            bob,
            JSON.stringify({ type: 'FLOW_ACK', resolutionId: `r${version}`, step }),
          ),
          ['BAD_MESSAGE'],
        );
        expectCode(
          await exchange(
            bob,
            JSON.stringify({ type: 'FLOW_ACK', resolutionId: `x${version}`, step }),
          ),
          ['BAD_MESSAGE'],
        );
        expectCode(
          await exchange(
            bob,
            JSON.stringify({ type: 'RESUME', lastVersion: version, lastStep: step }),
          ),
          ['BAD_MESSAGE'],
        );
      },
      100,
    );
    // A step of a version bob was sent live, past its last step (or step 0): never sent either,
    // though it comes before his position (it was ignored as a late ack).
    const live = bob.received.flatMap((m) => (m.type === 'EVENT' ? [m.event] : []));
    const earlier = live.find((event) => event.version < (live.at(-1)?.version ?? 0));
    if (!earlier) throw new Error('bob was sent no two versions live');
    const lastStep = Math.max(
      ...live.filter((e) => e.version === earlier.version).map((e) => e.step),
    );
    for (const step of [0, lastStep + 1, lastStep + 10 ** 6]) {
      expectCode(
        await exchange(
          bob,
          JSON.stringify({ type: 'FLOW_ACK', resolutionId: earlier.resolutionId, step }),
        ),
        ['BAD_MESSAGE'],
      );
    }
    for (let i = 0; i < 20; i++) {
      expectCode(await exchange(alice, JSON.stringify({ type: 'HELLO', token: tokens.bob })), [
        'BAD_MESSAGE',
      ]);
    }

    // Forged tokens: refused and closed, before any match data.
    await run(
      fc.string({ minLength: 1, maxLength: 300 }),
      async (token: string) => {
        const forged = await RawClient.open(server.url, matchId, token, { waitWelcome: false });
        const refusal = await forged.waitFor('ERROR');
        expect(refusal.code).toBe('UNAUTHORIZED');
        expect(forged.received.some((m) => m.type === 'WELCOME' || m.type === 'EVENT')).toBe(false);
        await forged.close();
        counts.set('FORGED_TOKEN', (counts.get('FORGED_TOKEN') ?? 0) + 1);
      },
      40,
    );
    const tampered = tokens.alice.slice(0, -3) + (tokens.alice.endsWith('A') ? 'BBB' : 'AAA');
    const forged = await RawClient.open(server.url, matchId, tampered, { waitWelcome: false });
    expect((await forged.waitFor('ERROR')).code).toBe('UNAUTHORIZED');

    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2500);

    // Nothing changed, everyone is still connected, and the match plays on.
    expect(await snapshot()).toEqual(before);
    for (const client of [alice, bob, carol]) expect(client.closed).toBeNull();
    expect((await call(server.url, 'GET', '/health')).status).toBe(200);
    expect(await alice.act('stand')).toMatchObject({ ok: true, version: before.alice.version + 1 });
  });

  it('answers floods with RATE_LIMITED and disconnects a client that keeps flooding', async () => {
    const limited = await startTestServer('postgres', {
      RATE_MESSAGES_PER_S: '5',
      RATE_MESSAGE_BURST: '5',
    });
    try {
      const dave = await guest(limited.url, 'Dave');
      const created = await createMatch(limited.url, dave.accessToken, {
        game: 'secret-draw',
        seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
      });
      const client = await RawClient.open(limited.url, created.matchId, dave.accessToken);
      const replies: Reply[] = [];
      for (let i = 0; i < 20; i++) {
        const type = i % 2 === 0 ? 'ACTION' : 'PING';
        if (type === 'PING') {
          client.send({ type: 'PING', t: i });
        } else {
          client.send({
            type: 'ACTION',
            action: { actionId: `f${i}`, type: 'nope', payload: {}, clientSeq: i },
          });
        }
      }
      // The refusals are answered as the frames arrive; wait for them rather than a fixed time.
      const limitedReplies = () =>
        client.received.filter(
          (m) => (m.type === 'ERROR' || m.type === 'ACTION_RESULT') && codeOf(m) === 'RATE_LIMITED',
        ).length;
      await until(() => limitedReplies() > 5).catch(() => undefined);
      for (const message of client.received) {
        if (message.type === 'ERROR' || message.type === 'ACTION_RESULT') replies.push(message);
      }
      const limitedCodes = replies.map(codeOf).filter((code) => code === 'RATE_LIMITED');
      expect(limitedCodes.length).toBeGreaterThan(5);
      expect(
        client.received.some(
          (m) => m.type === 'ACTION_RESULT' && !m.ok && m.error.code === 'RATE_LIMITED',
        ),
      ).toBe(true);
      expect(client.closed).toBeNull();
      for (let i = 0; i < 700; i++) client.send({ type: 'PING', t: i });
      // Wait for the close itself, not a fixed time: under load the server may take longer.
      await until(() => client.closed !== null);
      expect(client.closed?.code).toBe(1008);

      // A flood paced so that a frame gets through now and then is still a flood: refusals
      // were once counted "in a row", so one let through every 100 refused kept the socket
      // open for good, each refused frame read and answered.
      const paced = await RawClient.open(limited.url, created.matchId, dave.accessToken);
      const pongs = () => paced.received.filter((m) => m.type === 'PONG').length;
      let letThrough = 0;
      for (let round = 0; round < 40 && paced.closed === null; round++) {
        for (let i = 0; i < 100; i++) paced.send({ type: 'PING', t: -1 });
        const before = pongs();
        // One frame at a time until one is let through again (the bucket refilled).
        await until(() => {
          if (paced.closed !== null) return true;
          paced.send({ type: 'PING', t: round });
          return pongs() > before;
        });
        if (pongs() > before) letThrough++;
      }
      expect(letThrough).toBeGreaterThan(0);
      await until(() => paced.closed !== null);
      expect(paced.closed?.code).toBe(1008);
    } finally {
      await limited.close();
    }
  });

  it('refuses bad HTTP requests with typed errors', async () => {
    const noToken = await call<{ code: string }>(server.url, 'GET', `/api/matches/${matchId}`);
    expect(noToken).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    const badBody = await call<{ code: string }>(server.url, 'POST', '/api/matches', {
      token: tokens.alice,
      body: { game: 'secret-draw', seats: 'two' },
    });
    expect(badBody).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    const badOption = await call<{ code: string; message: string }>(
      server.url,
      'POST',
      '/api/matches',
      {
        token: tokens.alice,
        body: { game: 'secret-draw', options: { draws: 99 }, seats: [{ kind: 'human' }] },
      },
    );
    expect(badOption.status).toBe(400);
    expect(badOption.body.message).toContain('draws');
    const unknownCode = await call<{ code: string }>(server.url, 'POST', '/api/matches/join', {
      token: tokens.alice,
      body: { code: 'ZZZZZZ' },
    });
    expect(unknownCode).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const huge = await call<{ code: string }>(server.url, 'POST', '/api/auth/guest', {
      body: { name: 'x'.repeat(400_000) },
    });
    expect(huge).toMatchObject({ status: 413, body: { code: 'TOO_LARGE' } });
    const notJson = await fetch(`${server.url}/api/auth/guest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { code: string }).code).toBe('BAD_REQUEST');
    const refresh = await call<{ code: string }>(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: 'forged' },
    });
    expect(refresh).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    // This server has no web app (WEB_ROOT=none): a page asked for says so and how to build it.
    const page = await call<{ code: string; message: string }>(server.url, 'GET', '/studio');
    expect(page).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(page.body.message).toContain('npm run build -w @cardtable/web');
    const api = await call<{ message: string }>(server.url, 'GET', '/api/nothing-here');
    expect(api.body.message).toBe('No route GET /api/nothing-here.');
  });

  it('refuses a number in a path or query that does not read back as written (it was parseInt: 1.9 was 1)', async () => {
    const created = await createMatch(server.url, tokens.alice, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
    });
    const joined = await call<{ seat: number }>(server.url, 'POST', '/api/matches/join', {
      token: tokens.bob,
      body: { code: created.code },
    });
    expect(joined.body.seat).toBe(1);
    const seats = async () =>
      (
        await call<MatchMetadata>(server.url, 'GET', `/api/matches/${created.matchId}`, {
          token: tokens.alice,
        })
      ).body.seats;
    const before = await seats();
    for (const seat of ['1.9', '1e0', '0x1', 'true', '01', ' 1']) {
      const removed = await call(
        server.url,
        'POST',
        `/api/matches/${created.matchId}/seats/${encodeURIComponent(seat)}/remove`,
        { token: tokens.alice },
      );
      expect({ seat, ...removed }).toEqual({
        seat,
        status: 400,
        body: {
          code: 'BAD_REQUEST',
          message: 'Invalid /seat: Expected a number written in plain digits',
        },
      });
    }
    expect(await seats()).toEqual(before);
    for (const limit of ['1.5', '1e308', '5abc']) {
      const page = await call<{ code: string }>(
        server.url,
        'GET',
        `/api/tables?game=secret-draw&limit=${limit}`,
        { token: tokens.alice },
      );
      expect({ limit, status: page.status, code: page.body.code }).toEqual({
        limit,
        status: 400,
        code: 'BAD_REQUEST',
      });
    }
    // Written plainly, the same numbers are read.
    expect(
      (
        await call(server.url, 'GET', '/api/tables?game=secret-draw&limit=5', {
          token: tokens.alice,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(server.url, 'POST', `/api/matches/${created.matchId}/seats/1/remove`, {
          token: tokens.alice,
        })
      ).status,
    ).toBe(200);
  });
});

describe('bad input is a 400, never a 500', () => {
  let server: RunningServer;
  let token: string;
  let matchId: string;
  let client: RawClient;
  const logs: { level: number; msg: string; problem?: string }[] = [];
  const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  beforeAll(async () => {
    const capture = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          logs.push(JSON.parse(line));
        done();
      },
    });
    server = await startTestServer('postgres', { LOG_LEVEL: 'info' }, undefined, {
      logStream: capture,
    });
    token = (await guest(server.url, 'Erin')).accessToken;
    matchId = (
      await createMatch(server.url, token, {
        game: 'secret-draw',
        seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
      })
    ).matchId;
    client = await RawClient.open(server.url, matchId, token);
  });
  afterAll(async () => server?.close());

  /** The match as its player sees it, to show a refusal changed nothing. */
  const state = async () =>
    (
      await call<MatchStateResponse>(server.url, 'GET', `/api/matches/${matchId}/state`, {
        token,
      })
    ).body;
  const post = (path: string, body: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  it('refuses NUL characters, lone surrogates and deep nesting in HTTP requests', async () => {
    const refused = [
      await post('/api/auth/guest', JSON.stringify({ name: 'Mallory\u0000' })),
      await post('/api/auth/guest', '{"name":"Mal\\ud800lory"}'),
      await post('/api/matches/join', JSON.stringify({ code: 'AB\u0000CD' })),
      await post(
        '/api/matches',
        `{"game":"secret-draw","seats":[{"kind":"human"}],"options":${deep(2000)}}`,
      ),
      await post(
        '/api/matches',
        `{"game":"secret-draw","seats":[{"kind":"human"}],"options":${deep(100_000)}}`,
      ),
      await call(server.url, 'GET', `/api/matches/m%00x/state`, { token }),
      await call(server.url, 'GET', `/api/replays/r%00x`, { token }),
      // Failures before routing: a broken percent-escape and an overlong id.
      await call(server.url, 'GET', `/api/matches/%E0%A4%A`, { token }),
      await call(server.url, 'GET', `/api/matches/${'m'.repeat(500)}`, { token }),
    ];
    for (const reply of refused) {
      expect(reply, JSON.stringify(reply)).toMatchObject({
        status: 400,
        body: { code: 'BAD_REQUEST' },
      });
    }
    expect(logs.filter((line) => line.level >= 50)).toEqual([]);
    expect(logs.filter((line) => line.msg === 'client error').length).toBeGreaterThanOrEqual(
      refused.length,
    );
  });

  it('refuses NUL characters and deep nesting in frames; an oversized frame closes quietly', async () => {
    const before = await state();
    const frame = (actionId: string, payload: string) =>
      `{"type":"ACTION","action":{"actionId":${JSON.stringify(actionId)},"type":"draw","payload":${payload},"clientSeq":1}}`;
    expect(codeOf(await exchange(client, frame('nul\u0000id', '{}')))).toBe('INVALID_PAYLOAD');
    expect(codeOf(await exchange(client, frame('deep-1', deep(3000))))).toBe('INVALID_PAYLOAD');
    expect(codeOf(await exchange(client, `{"type":"PING","t":1,"x":${deep(3000)}}`))).toBe(
      'BAD_MESSAGE',
    );
    expect(codeOf(await exchange(client, '{"type":"HELLO","token":"a\\udc00"}'))).toBe(
      'BAD_MESSAGE',
    );
    expect(await state()).toEqual(before);
    expect(await client.act('draw', {}, { actionId: 'after-nul' })).toMatchObject({ ok: true });

    const big = await RawClient.open(server.url, matchId, token);
    big.sendRaw('x'.repeat(2 * 1024 * 1024));
    await expect.poll(() => big.closed?.code, { timeout: 20_000 }).toBe(1009);
    await expect
      .poll(
        () =>
          logs.some((line) => line.msg === 'client error' && /payload/i.test(line.problem ?? '')),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    expect(logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  /** A frame, the code it is refused with, and the field the refusal names. */
  type Refusal = [frame: object, code: string, path: string];
  const expectRefusals = async (refusals: readonly Refusal[]) => {
    for (const [frame, code, path] of refusals) {
      const reply = await exchange(client, JSON.stringify(frame));
      expect(codeOf(reply), JSON.stringify(frame)).toBe(code);
      const details = reply.type === 'ERROR' ? reply.details : !reply.ok && reply.error.details;
      expect(details, JSON.stringify(frame)).toMatchObject({ path });
    }
  };

  it('refuses a field the protocol does not know, in any client message, naming it', async () => {
    const before = await state();
    const action = { actionId: 'extra-1', type: 'draw', payload: {}, clientSeq: 1 };
    const refusals: Refusal[] = [
      [{ type: 'ACTION', action: { ...action, admin: true } }, 'INVALID_PAYLOAD', '/action/admin'],
      [{ type: 'ACTION', action, as: 'seat 1' }, 'INVALID_PAYLOAD', '/as'],
      [{ type: 'PING', t: 1, note: 'x' }, 'BAD_MESSAGE', '/note'],
      [{ type: 'FLOW_ACK', resolutionId: 'r', step: 1, all: true }, 'BAD_MESSAGE', '/all'],
      [{ type: 'RESUME', lastVersion: 0, lastStep: 0, from: 0 }, 'BAD_MESSAGE', '/from'],
      [{ type: 'SHOUT' }, 'BAD_MESSAGE', '/type'],
    ];
    await expectRefusals(refusals);
    expect(await state()).toEqual(before);
    // The same action without the stray field is played.
    expect(await client.act('draw', {}, { actionId: 'extra-2' })).toMatchObject({ ok: true });
  });

  it('refuses a count that is not a whole number from 0 to 2^53 - 1 (1e308 is an integer to JSON Schema)', async () => {
    // The CPU answers the last test's move on its own: the player's turn again, nothing moves.
    await expect.poll(async () => (await state()).legal.length).toBeGreaterThan(0);
    const before = await state();
    const action = { actionId: 'count-1', type: 'draw', payload: {} };
    const refusals: Refusal[] = [
      ...[1e308, 2 ** 53, -1, 0.5].map((clientSeq): Refusal => [
        { type: 'ACTION', action: { ...action, clientSeq } },
        'INVALID_PAYLOAD',
        '/action/clientSeq',
      ]),
      // Without a usable actionId it is no action at all.
      [
        { type: 'ACTION', action: { ...action, actionId: '', clientSeq: 1e308 } },
        'BAD_MESSAGE',
        '/action/actionId',
      ],
      [
        { type: 'ACTION', action: { ...action, clientSeq: 1, knownVersion: 1e308 } },
        'INVALID_PAYLOAD',
        '/action/knownVersion',
      ],
      [{ type: 'FLOW_ACK', resolutionId: 'r1', step: 1e308 }, 'BAD_MESSAGE', '/step'],
      [{ type: 'RESUME', lastVersion: 1e308, lastStep: 0 }, 'BAD_MESSAGE', '/lastVersion'],
      [{ type: 'RESUME', lastVersion: 0, lastStep: 2 ** 60 }, 'BAD_MESSAGE', '/lastStep'],
    ];
    await expectRefusals(refusals);
    expect(await state()).toEqual(before);
    // The largest count there is passes.
    expect(
      await exchange(
        client,
        JSON.stringify({
          type: 'ACTION',
          action: { ...action, clientSeq: Number.MAX_SAFE_INTEGER },
        }),
      ),
    ).toMatchObject({ type: 'ACTION_RESULT', ok: true });
  });
});
