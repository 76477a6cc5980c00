import { applyAction, type MatchState } from '@cardtable/engine';
import { describe, expect, it } from 'vitest';
import { autoPass, STOP_KINDS, windowKind } from '../src/index.ts';
import type { TcgOptions } from '../src/engine/options.ts';
import type { TcgState } from '../src/engine/state.ts';
import { demoGame } from './helpers.ts';
import { buildState, scenarioContent, type Scenario } from './scenario.ts';

const content = scenarioContent({});

/** Player 0 holds Firebolt; player 1 holds `hand1` with `mana1` mana and a Fire Imp. */
function position(hand1: string[], mana1: number): TcgState {
  const scenario: Scenario = {
    name: 'auto-pass',
    setup: {
      players: [
        { mana: 1, hand: ['demo/firebolt'], board: ['demo/fire-imp'] },
        { mana: mana1, hand: hand1, board: ['demo/fire-imp'], deck: ['demo/spark'] },
      ],
    },
    steps: [],
  };
  return buildState(content, scenario);
}

const matchAt = (state: TcgState): MatchState<TcgState, TcgOptions> => ({
  config: {
    options: { ruleset: 'demo', version: content.ruleset.version, decks: [] } as never,
    seats: [{ kind: 'human' }, { kind: 'human' }],
    seed: 'auto-pass',
  },
  state,
  version: 1,
});

async function afterFirebolt(hand1: string[], mana1: number) {
  const game = await demoGame();
  const state = position(hand1, mana1);
  const match = matchAt(state);
  const target = state.players[1]!.zones.board![0]!;
  const card = state.players[0]!.zones.hand![0]!;
  const played = applyAction(
    game,
    match,
    0,
    { type: 'play', payload: { card, targets: { t: [target] } } },
    'a1',
  );
  if (!played.ok) throw new Error(played.error.message);
  return { game, state: played.value.match.state };
}

describe('auto-pass', () => {
  it('passes for a holder with no instant they can pay for', async () => {
    const { game, state } = await afterFirebolt(['demo/stone-skin'], 0);
    expect(state.priority?.holder).toBe(1);
    expect(windowKind(state, content)).toBe('spell');
    expect(autoPass(state, content, 1, [])).toEqual({ type: 'pass', payload: {} });
    expect(game.autoPlay?.action(state, 1, [])).toEqual({ type: 'pass', payload: {} });
  });

  it('asks a holder who can answer (an instant they can pay for and target)', async () => {
    const { state } = await afterFirebolt(['demo/stone-skin'], 1);
    expect(autoPass(state, content, 1, [])).toBeNull();
  });

  it('asks a holder with no answer who set a stop for this kind of window', async () => {
    const { state } = await afterFirebolt(['demo/firebolt'], 0);
    expect(autoPass(state, content, 1, ['spell'])).toBeNull();
    expect(autoPass(state, content, 1, ['attack', 'unit'])).toEqual({ type: 'pass', payload: {} });
  });

  it('never plays for a seat without priority, or while a decision is pending', async () => {
    const { state } = await afterFirebolt([], 0);
    expect(autoPass(state, content, 0, [])).toBeNull();
    expect(autoPass({ ...state, priority: null }, content, 1, [])).toBeNull();
  });

  it('names an attack window and offers a stop for every window kind', async () => {
    const state = position([], 0);
    const game = await demoGame();
    const attacker = state.players[0]!.zones.board![0]!;
    const attacked = applyAction(
      game,
      matchAt(state),
      0,
      { type: 'attack', payload: { attacker, target: 'hero:1' } },
      'a1',
    );
    if (!attacked.ok) throw new Error(attacked.error.message);
    expect(windowKind(attacked.value.match.state, content)).toBe('attack');
    expect(STOP_KINDS.map((k) => k.id)).toEqual(['spell', 'unit', 'attack']);
  });
});
