import type { AuthResponse, SeatDeadline, WireEvent } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.ts';
import { gameRegistry } from '../src/games.ts';
import { secretDraw } from './fixtures/secret-draw.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { configFrom, startTestServer } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

/** Secret draw with a summary after each draw (like Golf's hole tally after `roundEnded`). */
const pausing = gameRegistry({
  game: { ...secretDraw, pauseAfter: ['drew'] } as never,
  timeoutProfile: 'steady',
});
const TALLY_PAUSE_MS = 5000;

async function twoPlayers(
  url: string,
  host: AuthResponse,
  guestUser: AuthResponse,
  turnTimeLimitMs: number,
) {
  const created = await createMatch(url, host.accessToken, {
    game: 'secret-draw',
    options: { draws: 3 },
    seats: [{ kind: 'human' }, { kind: 'human' }],
    turnTimeLimitMs,
  });
  await call(url, 'POST', '/api/matches/join', {
    token: guestUser.accessToken,
    body: { code: created.code },
  });
  return created.matchId;
}

const eventsOf = (client: RawClient, version: number): WireEvent[] =>
  client.received.flatMap((m) =>
    m.type === 'EVENT' && m.event.version === version ? [m.event] : [],
  );

describe('turn clocks come from the server, for every viewer', () => {
  let server: RunningServer & { env: Record<string, string> };
  let alice: AuthResponse;
  let bob: AuthResponse;
  let carol: AuthResponse;
  beforeAll(async () => {
    server = await startTestServer('postgres', { TALLY_PAUSE_MS: String(TALLY_PAUSE_MS) }, pausing);
    [alice, bob, carol] = await Promise.all([
      guest(server.url, 'Alice'),
      guest(server.url, 'Bob'),
      guest(server.url, 'Carol'),
    ]);
  });
  afterAll(async () => server?.close());

  it("players and spectators all get the mover's clock, from the WELCOME and every LEGAL", async () => {
    const matchId = await twoPlayers(server.url, alice, bob, 60_000);
    const [a, b, watcher] = await Promise.all([
      RawClient.open(server.url, matchId, alice.accessToken),
      RawClient.open(server.url, matchId, bob.accessToken),
      RawClient.open(server.url, matchId, carol.accessToken),
    ]);
    const welcomes = [a, b, watcher].map((client) => client.received[0]);
    for (const welcome of welcomes) {
      expect(welcome).toMatchObject({ type: 'WELCOME', clocks: [{ seat: 0 }] });
    }
    const [first] = (welcomes[0] as { clocks: SeatDeadline[] }).clocks;
    for (const welcome of welcomes)
      expect((welcome as { clocks: unknown }).clocks).toEqual([first]);
    expect(Date.parse(first!.endsAt) - Date.parse(first!.startsAt)).toBe(60_000);
    expect(welcomes[0]).toMatchObject({ turnEndsAt: first!.endsAt });
    expect(welcomes[1]).toMatchObject({ turnEndsAt: null });

    // Alice stands (no summary after it): Bob's clock starts, and everyone is told.
    const stood = await a.act('stand');
    expect(stood.ok).toBe(true);
    const version = stood.ok ? stood.version : -1;
    const legalAt = (client: RawClient) => client.waitFor('LEGAL', (m) => m.version === version);
    const legals = await Promise.all([legalAt(a), legalAt(b), legalAt(watcher)]);
    const bobsClock = legals[1].clocks?.[0];
    expect(bobsClock?.seat).toBe(1);
    for (const legal of legals) expect(legal.clocks).toEqual([bobsClock]);
    expect(legals[2].legal).toEqual([]);
    expect(legals[1].turnEndsAt).toBe(bobsClock?.endsAt);
    expect(legals[0].turnEndsAt).toBeNull();
    const ts = Date.parse(eventsOf(watcher, version)[0]!.ts);
    expect(Date.parse(bobsClock!.startsAt)).toBeGreaterThanOrEqual(ts);
    expect(Date.parse(bobsClock!.startsAt)).toBeLessThan(ts + TALLY_PAUSE_MS);
    await Promise.all([a, b, watcher].map((client) => client.close()));
  });

  it('a clock that starts while the table shows a summary starts when the pause ends', async () => {
    const matchId = await twoPlayers(server.url, alice, bob, 60_000);
    const [a, b] = await Promise.all([
      RawClient.open(server.url, matchId, alice.accessToken),
      RawClient.open(server.url, matchId, bob.accessToken),
    ]);
    const drew = await a.act('draw');
    expect(drew.ok).toBe(true);
    const version = drew.ok ? drew.version : -1;
    const legal = await a.waitFor('LEGAL', (m) => m.version === version);
    const ts = Date.parse(eventsOf(a, version)[0]!.ts);
    const clock = legal.clocks?.[0];
    expect(clock?.seat).toBe(1);
    expect(Date.parse(clock!.startsAt)).toBe(ts + TALLY_PAUSE_MS);
    expect(Date.parse(clock!.endsAt)).toBe(ts + TALLY_PAUSE_MS + 60_000);
    await Promise.all([a.close(), b.close()]);
  });

  it('a move the turn clock played is marked in its events, live and after a restart', async () => {
    const matchId = await twoPlayers(server.url, alice, bob, 1000);
    let a = await RawClient.open(server.url, matchId, alice.accessToken);
    const b = await RawClient.open(server.url, matchId, bob.accessToken);
    const atStart = { view: a.view, version: a.version, last: { ...a.last } } as RawClient;
    // Alice lets her time run out: the timeout rule plays for her (version 2).
    const played = await b.waitFor('LEGAL', (m) => m.version === 2, 20_000);
    expect(played.legal.length).toBeGreaterThan(0);
    for (const client of [a, b]) {
      const events = eventsOf(client, 2);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event.timedOut).toBe(0);
    }
    // Her move, sent late on the version she saw, is stale: the clock played it.
    const late = await a.act('draw', {}, { knownVersion: 1 });
    expect(late).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
    // Bob moves in time: his move carries no mark.
    const bobs = await b.act(played.legal[0]!.type, played.legal[0]!.payload, { knownVersion: 2 });
    expect(bobs.ok).toBe(true);
    await a.waitFor('EVENT', (m) => m.event.version === 3);
    for (const event of eventsOf(a, 3)) expect(event.timedOut).toBeUndefined();

    // After a restart the mark comes from the store, for a client resuming from version 1.
    await Promise.all([a.close(), b.close()]);
    const env = server.env;
    await server.close();
    server = Object.assign(await startServer(configFrom(env), pausing), { env });
    a = await RawClient.open(server.url, matchId, alice.accessToken, { resumeFrom: atStart });
    await a.waitFor('EVENT', (m) => m.event.version === 2);
    for (const event of eventsOf(a, 2)) expect(event.timedOut).toBe(0);
    await a.close();
  });
});
