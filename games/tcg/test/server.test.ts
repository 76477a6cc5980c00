import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import { describe, expect, it } from 'vitest';
import type { TcgView } from '../src/index.ts';
import { call, createMatch, guest } from '../../../packages/server/test/helpers/http.ts';
import { tcgServer } from './tcg-server.ts';
import { RawClient } from '../../../packages/server/test/helpers/socket-client.ts';

/**
 * A TCG match through the real server: created over HTTP, played over the socket protocol
 * against a CPU seat, exported and re-executed. Uses the server's own test helpers.
 */
describe('a TCG match through the server', () => {
  const tcg = tcgServer();

  it('is created, played against the CPU to the end, and replays exactly', async () => {
    const alice = await guest(tcg.server().url, 'Alice');
    const created = await createMatch(tcg.server().url, alice.accessToken, {
      game: 'tcg',
      options: { ruleset: 'demo', decks: ['A', 'B'] },
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'easy' }],
    });
    const client = await RawClient.open(tcg.server().url, created.matchId, alice.accessToken);
    const welcome = client.received.find((m) => m.type === 'WELCOME')!;
    let next: { status: string; version: number; legal: unknown[] } = welcome as never;
    let n = 0;
    for (;;) {
      const acted = next.version;
      // A LEGAL newer than the last move (it may have arrived before this line runs).
      const legal =
        next.status === 'over' || next.legal.length > 0
          ? next
          : await client.waitFor(
              'LEGAL',
              (m) => m.version > acted && (m.status === 'over' || m.legal.length > 0),
              20_000,
            );
      if (legal.status === 'over') break;
      next = { status: 'active', version: legal.version, legal: [] };
      const options = legal.legal as { type: string; payload: unknown }[];
      const busy = options.filter((a) => a.type !== 'endTurn');
      const action = (
        busy.length && n % 5 !== 0 ? busy[n % busy.length] : options[n % options.length]
      )!;
      n++;
      const result = await client.act(action.type, action.payload, { knownVersion: legal.version });
      if (!result.ok) expect(result.error.code).toBe('STALE_VERSION');
    }

    const state = await call<{ view: TcgView }>(
      tcg.server().url,
      'GET',
      `/api/matches/${created.matchId}/state`,
      { token: alice.accessToken },
    );
    expect(client.view).toEqual(state.body.view);
    expect(state.body.view.outcome).not.toBeNull();
    // Her view never showed the CPU's hand or either deck as cards.
    expect(typeof state.body.view.players[1]!.zones.hand).toBe('number');
    expect(typeof state.body.view.players[0]!.zones.deck).toBe('number');

    const exported = await call<ReplayFile>(
      tcg.server().url,
      'GET',
      `/api/matches/${created.matchId}/export`,
      { token: alice.accessToken },
    );
    expect(exported.status).toBe(200);
    const report = verifyReplay(tcg.game(), exported.body);
    expect(report.ok, report.ok ? '' : report.message).toBe(true);
    for (const frame of client.rawFrames)
      expect(frame).not.toContain(exported.body.match.seed as string);
  });

  it("refuses a client's `timeout` (only the server's turn clock plays it); nothing changes", async () => {
    const alice = await guest(tcg.server().url, 'Alice');
    const created = await createMatch(tcg.server().url, alice.accessToken, {
      game: 'tcg',
      options: { ruleset: 'demo', decks: ['A', 'B'] },
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'easy' }],
    });
    const client = await RawClient.open(tcg.server().url, created.matchId, alice.accessToken);
    for (let i = 0; i < 3; i++) {
      const result = await client.act('timeout', {});
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { type: 'timeout' } },
      });
    }
    // Nothing of hers was stored (the CPU may have moved meanwhile).
    const stored = await tcg.server().store.actions(created.matchId);
    expect(stored.filter((action) => action.seat === 0)).toEqual([]);
    await client.close();
  });
});
