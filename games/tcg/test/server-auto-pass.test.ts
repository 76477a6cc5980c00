import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import type { MatchMetadata, RematchResponse } from '@cardtable/sdk/protocol';
import { describe, expect, it } from 'vitest';
import { CPU_NAMES } from '../src/index.ts';
import { call, createMatch, guest } from '../../../packages/server/test/helpers/http.ts';
import { tcgServer } from './tcg-server.ts';
import { RawClient } from '../../../packages/server/test/helpers/socket-client.ts';

type Legal = { type: string; payload: unknown }[];
const onlyPass = (legal: Legal) =>
  legal.length > 0 && legal.every((a) => a.type === 'pass' || a.type === 'concede');

/**
 * Plays seat 0 to the end, never choosing a pass when anything else is offered; returns every
 * LEGAL list the seat was given that offered nothing but a pass.
 */
async function playOut(client: RawClient, stopAt?: (legal: Legal) => boolean): Promise<Legal[]> {
  const passOnly: Legal[] = [];
  let acted = 0;
  const ready = (m: { version: number; status: string; legal: unknown[] }) =>
    m.version > acted && (m.status === 'over' || m.legal.length > 0);
  for (;;) {
    const welcome = client.received.find(
      (m): m is Extract<typeof m, { type: 'WELCOME' }> => m.type === 'WELCOME' && ready(m),
    );
    const legal = welcome ?? (await client.waitFor('LEGAL', ready, 30_000));
    if (legal.status === 'over') return passOnly;
    acted = legal.version;
    const options = legal.legal as Legal;
    if (onlyPass(options)) passOnly.push(options);
    if (stopAt?.(options)) return passOnly;
    const action = options.find((a) => a.type !== 'pass') ?? options[0]!;
    const result = await client.act(action.type, action.payload, { knownVersion: legal.version });
    if (!result.ok) expect(result.error.code).toBe('STALE_VERSION');
  }
}

describe('auto-pass, stops and rematches through the server', () => {
  const tcg = tcgServer();

  const newMatch = async (token: string) =>
    createMatch(tcg.server().url, token, {
      game: 'tcg',
      // Deck A has no instant: every window it gets is one it cannot answer.
      options: { ruleset: 'demo', decks: ['A', 'B'] },
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'easy' }],
    });

  it('never asks a player to pass a window they cannot answer, records the passes, replays exactly', async () => {
    const alice = await guest(tcg.server().url, 'Alice');
    const created = await newMatch(alice.accessToken);
    const client = await RawClient.open(tcg.server().url, created.matchId, alice.accessToken);
    expect(await playOut(client)).toEqual([]);
    const actions = await tcg.server().store.actions(created.matchId);
    const auto = actions.filter((a) => a.actionId.startsWith('auto-'));
    expect(auto.length).toBeGreaterThan(0);
    expect(auto.every((a) => a.type === 'pass')).toBe(true);
    expect(auto.some((a) => a.seat === 0)).toBe(true);
    const exported = await call<ReplayFile>(
      tcg.server().url,
      'GET',
      `/api/matches/${created.matchId}/export`,
      { token: alice.accessToken },
    );
    const report = verifyReplay(tcg.game(), exported.body);
    expect(report.ok, report.ok ? '' : report.message).toBe(true);
    await client.close();
  }, 120_000);

  it('asks a player who set stops, and refuses a stop the game does not have', async () => {
    const alice = await guest(tcg.server().url, 'Alice');
    const created = await newMatch(alice.accessToken);
    const path = `/api/matches/${created.matchId}/stops`;
    const bad = await call(tcg.server().url, 'POST', path, {
      token: alice.accessToken,
      body: { stops: ['lunch'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'BAD_REQUEST' });
    const bob = await guest(tcg.server().url, 'Bob');
    const stranger = await call(tcg.server().url, 'POST', path, {
      token: bob.accessToken,
      body: { stops: ['spell'] },
    });
    expect(stranger.status).toBe(403);
    const set = await call<MatchMetadata>(tcg.server().url, 'POST', path, {
      token: alice.accessToken,
      body: { stops: ['attack', 'unit', 'spell'] },
    });
    expect(set.status).toBe(200);
    expect(set.body.stops).toEqual(['spell', 'unit', 'attack']);

    const client = await RawClient.open(tcg.server().url, created.matchId, alice.accessToken);
    const asked = await playOut(client, onlyPass);
    expect(asked.length).toBe(1);
    const pass = await client.act('pass', {});
    expect(pass.ok).toBe(true);
    await client.close();
  }, 120_000);

  it('names CPU seats, and starts a rematch with the same seats once every player agreed', async () => {
    const alice = await guest(tcg.server().url, 'Alice');
    const bob = await guest(tcg.server().url, 'Bob');
    const created = await createMatch(tcg.server().url, alice.accessToken, {
      game: 'tcg',
      options: { ruleset: 'demo', decks: ['A', 'B'] },
      seats: [{ kind: 'human' }, { kind: 'human' }],
      turnTimeLimitMs: 60_000,
    });
    const joined = await call(tcg.server().url, 'POST', '/api/matches/join', {
      token: bob.accessToken,
      body: { code: created.code },
    });
    expect(joined.status).toBe(200);
    const rematchPath = `/api/matches/${created.matchId}/rematch`;
    const early = await call(tcg.server().url, 'POST', rematchPath, { token: alice.accessToken });
    expect(early.status).toBe(409);
    await call(tcg.server().url, 'POST', `/api/matches/${created.matchId}/surrender`, {
      token: bob.accessToken,
    });
    const watcher = await RawClient.open(tcg.server().url, created.matchId, bob.accessToken);

    const first = await call<RematchResponse>(tcg.server().url, 'POST', rematchPath, {
      token: alice.accessToken,
    });
    expect(first.body.rematchId).toBeNull();
    expect(first.body.seats[0]!.rematch).toBe(true);
    expect(first.body.seats[1]!.rematch).toBeUndefined();
    const second = await call<RematchResponse>(tcg.server().url, 'POST', rematchPath, {
      token: bob.accessToken,
    });
    const rematchId = second.body.rematchId!;
    expect(rematchId).toMatch(/^m_/);
    const moved = await watcher.waitFor('MATCH_STATUS', (m) => m.rematchId === rematchId);
    expect(moved.rematchId).toBe(rematchId);
    // Asking again names the same rematch.
    const again = await call<RematchResponse>(tcg.server().url, 'POST', rematchPath, {
      token: alice.accessToken,
    });
    expect(again.body.rematchId).toBe(rematchId);

    const [before, after] = await Promise.all(
      [created.matchId, rematchId].map((id) =>
        call<MatchMetadata>(tcg.server().url, 'GET', `/api/matches/${id}`, {
          token: alice.accessToken,
        }),
      ),
    );
    expect(before!.body.rematchId).toBe(rematchId);
    expect(after!.body.status).toBe('active');
    expect(after!.body.options).toEqual(before!.body.options);
    expect(after!.body.turnTimeLimitMs).toBe(60_000);
    expect(after!.body.yourSeat).toBe(0);
    expect(after!.body.seats.map((s) => [s.kind, s.name, s.surrendered])).toEqual([
      ['human', 'Alice', false],
      ['human', 'Bob', false],
    ]);
    await watcher.close();

    const cpuMatch = await newMatch(alice.accessToken);
    await call(tcg.server().url, 'POST', `/api/matches/${cpuMatch.matchId}/surrender`, {
      token: alice.accessToken,
    });
    const cpuMeta = await call<MatchMetadata>(
      tcg.server().url,
      'GET',
      `/api/matches/${cpuMatch.matchId}`,
      { token: alice.accessToken },
    );
    const cpuName = cpuMeta.body.seats[1]!.name!;
    expect(CPU_NAMES).toContain(cpuName);
    const solo = await call<RematchResponse>(
      tcg.server().url,
      'POST',
      `/api/matches/${cpuMatch.matchId}/rematch`,
      { token: alice.accessToken },
    );
    const soloMeta = await call<MatchMetadata>(
      tcg.server().url,
      'GET',
      `/api/matches/${solo.body.rematchId!}`,
      { token: alice.accessToken },
    );
    expect(soloMeta.body.seats[1]).toMatchObject({ kind: 'cpu', profile: 'easy', name: cpuName });
  }, 120_000);
});
