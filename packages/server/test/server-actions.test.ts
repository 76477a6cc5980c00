import {
  applyAction,
  createRng,
  isServerAction,
  startMatch,
  type AnyGame,
  type GameAction,
  type MatchState,
} from '@cardtable/engine';
import { loadGame } from '@cardtable/games';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcgGameFor } from '../../../games/tcg/content/demo/index.ts';

/**
 * The server-only contract, per game: every move the timeout rule plays is one a client may
 * send too (it is legal) or one the game declares as the server's own (`serverActions`), which
 * the server then refuses from any client.
 */
function checkTimeoutMoves(game: AnyGame, options: unknown, seats: number, seed: string) {
  const parsed = game.parseOptions(options, seats);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const config = {
    options: parsed.value,
    seats: Array.from({ length: seats }, () => ({ kind: 'human' as const })),
    seed,
  };
  let match: MatchState<unknown> = startMatch(game, config).match;
  const rng = createRng(seed, 0, 0);
  let checked = 0;
  for (let turn = 0; turn < 150 && game.outcome(match.state) === null; turn++) {
    const seat = (game.activeSeats(match.state) as number[])[0] as number;
    const legal = game.legalActions(match.state, seat) as GameAction[];
    const timeout = game.timeoutAction(match.state, seat) as GameAction | null;
    if (timeout) {
      const isLegal = legal.some((a) => JSON.stringify(a) === JSON.stringify(timeout));
      expect(isLegal || isServerAction(game, timeout.type), timeout.type).toBe(true);
      checked++;
    }
    const action = legal[Math.floor(rng.float() * legal.length)] as GameAction;
    const applied = applyAction(game, match, seat, action, `a${turn}`);
    if (!applied.ok) throw new Error(applied.error.message);
    match = applied.value.match;
  }
  return checked;
}

describe('server-only actions are part of each game contract', () => {
  let tcg: Awaited<ReturnType<typeof tcgGameFor>>;
  beforeAll(async () => {
    tcg = await tcgGameFor();
  });
  afterAll(() => tcg?.dispose());

  it('Golf: its timeout rule plays a legal move, so it needs no server-only action', async () => {
    const golf = (await loadGame('golf')) as AnyGame;
    expect(golf.serverActions ?? []).toEqual([]);
    expect(checkTimeoutMoves(golf, {}, 2, 'golf-seed')).toBeGreaterThan(10);
  });

  it('TCG: its timeout move is declared server-only and is never among the legal moves', () => {
    expect(isServerAction(tcg, 'timeout')).toBe(true);
    expect(isServerAction(tcg, 'concede')).toBe(false);
    expect(
      checkTimeoutMoves(tcg, { ruleset: 'demo', decks: ['A', 'B'] }, 2, 'tcg-seed'),
    ).toBeGreaterThan(10);
  });
});
