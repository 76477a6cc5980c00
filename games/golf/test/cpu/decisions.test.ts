import { createRng, seatViewer } from '@cardtable/engine';
import { describe, expect, it } from 'vitest';
import { knowledgeOf } from '../../src/cpu/knowledge.ts';
import { temperamentOf } from '../../src/cpu/temperament.ts';
import {
  chooseAction,
  CPU_PROFILE_NAMES,
  findProfile,
  golf,
  type CpuProfile,
  type GolfAction,
} from '../../src/index.ts';
import { tableOf, viewOf, type TableSketch } from './support.ts';

/** What `profile` plays at seat 0 of the sketched table, for a few different dice. */
function plays(sketch: TableSketch, profile: string): GolfAction[] {
  const state = tableOf(sketch);
  const view = golf.view(state, seatViewer(0));
  const legal = golf.legalActions(state, 0);
  return [1, 2, 3, 4, 5, 6, 7, 8].map((dice) =>
    chooseAction({ view, legal, seat: 0, profile, rng: createRng('decisions', dice) }),
  );
}

/** The steady profiles, whose random plays are rare enough to check every die. */
const STEADY = ['Sofia', 'Marcus'];

describe('CPU decisions', () => {
  it('takes obviously good discards: a king, a joker, a card that pairs', () => {
    const hand = ['9', '?', '7', '?', '?', '?'];
    for (const profile of STEADY) {
      for (const discardTop of ['K', 'JOKER', '9']) {
        const options = { jokerMode: 'standard' as const };
        expect(plays({ hand, discardTop, options }, profile)).toContainEqual({
          type: 'takeDiscard',
          payload: {},
        });
        expect(
          plays({ hand, discardTop, options }, profile).every((a) => a.type === 'takeDiscard'),
        ).toBe(true);
      }
    }
  });

  it('places a taken pairing card on its partner', () => {
    const sketch: TableSketch = {
      hand: ['9', '?', '7', '?', '?', '?'],
      held: { card: '9', source: 'discard' },
    };
    for (const profile of STEADY) {
      expect(new Set(plays(sketch, profile).map((a) => JSON.stringify(a)))).toEqual(
        new Set([JSON.stringify({ type: 'swap', payload: { slot: 3 } })]),
      );
    }
  });

  it('leaves a queen on the discard pile when nothing pairs it', () => {
    for (const profile of CPU_PROFILE_NAMES) {
      const actions = plays({ hand: ['9', '?', '7', '?', '?', '?'], discardTop: 'Q' }, profile);
      expect(actions.some((a) => a.type === 'takeDiscard')).toBe(false);
    }
  });

  it('keeps a drawn 2 rather than throwing it away', () => {
    const sketch: TableSketch = {
      hand: ['9', '?', '7', '?', '?', '?'],
      held: { card: '2', source: 'deck' },
    };
    for (const profile of CPU_PROFILE_NAMES) {
      expect(plays(sketch, profile).every((a) => a.type === 'swap')).toBe(true);
    }
  });

  it('will not go out into a bad score, but goes out on a good one', () => {
    const bad: TableSketch = {
      hand: ['Q', 'J', '10', '9', '8', '?'],
      held: { card: '3', source: 'deck' },
    };
    const good: TableSketch = {
      hand: ['K', 'K', 'A', 'K', 'K', '?'],
      held: { card: '2', source: 'deck' },
    };
    const goOut = { type: 'swap', payload: { slot: 5 } };
    for (const profile of STEADY) {
      expect(plays(bad, profile)).not.toContainEqual(goOut);
      expect(plays(good, profile).every((a) => JSON.stringify(a) === JSON.stringify(goOut))).toBe(
        true,
      );
    }
  });

  it('knocks early only on a low projection, more readily when aggressive', () => {
    const options = { knockEarly: true };
    const knock = { type: 'knock', payload: {} };
    // Face-up 1 (an ace beside three paired columns) plus one face-down card at 4.5: 5.5.
    const low: TableSketch = { hand: ['K', 'A', '4', 'K', '?', '4'], options };
    expect(plays(low, 'Sofia')).not.toContainEqual(knock);
    expect(plays(low, 'Sage').filter((a) => a.type === 'knock').length).toBeGreaterThan(4);
    const high: TableSketch = { hand: ['Q', 'A', 'J', 'Q', '?', '9'], options };
    for (const profile of CPU_PROFILE_NAMES) expect(plays(high, profile)).not.toContainEqual(knock);
  });

  it('flips exactly as many cards as the table asks, in different columns', () => {
    for (const initialFlips of [1, 2] as const) {
      const state = tableOf({ hand: ['?', '?', '?', '?', '?', '?'], options: { initialFlips } });
      state.phase = { kind: 'initialFlip', pending: [0, 1] };
      const legal = golf.legalActions(state, 0);
      const action = chooseAction({
        view: golf.view(state, seatViewer(0)),
        legal,
        seat: 0,
        profile: 'Marcus',
        rng: createRng('flips', initialFlips),
      });
      expect(action.type).toBe('initialFlip');
      if (action.type === 'initialFlip') {
        expect(action.payload.slots).toHaveLength(initialFlips);
        expect(new Set(action.payload.slots.map((slot) => slot % 3)).size).toBe(initialFlips);
      }
    }
  });
});

describe('River, the adaptive strategist', () => {
  const aggressionOf = (sketch: TableSketch, profile = 'River') => {
    const knowledge = knowledgeOf(viewOf(sketch), 0);
    return temperamentOf(findProfile(profile) as CpuProfile, knowledge).aggression;
  };
  const hand = ['5', '?', '?', '6', '?', '?'];
  const even = { hand, others: [['5', '?', '?', '6', '?', '?']] };

  it('presses when behind in the match and sits back when leading', () => {
    const base = aggressionOf(even);
    expect(base).toBeCloseTo(0.55);
    expect(aggressionOf({ ...even, totals: [40, 20] })).toBeGreaterThan(base + 0.2);
    expect(aggressionOf({ ...even, totals: [20, 40] })).toBeLessThan(base - 0.2);
  });

  it('presses to close out a round it leads', () => {
    const ahead = {
      hand: ['K', '?', '?', 'K', '?', '?'],
      others: [['Q', '?', '?', 'J', '?', '?']],
    };
    expect(aggressionOf(ahead)).toBeGreaterThan(aggressionOf(even) + 0.2);
  });

  it('is the only one that adapts', () => {
    expect(aggressionOf({ ...even, totals: [40, 20] }, 'Marcus')).toBe(0.4);
  });
});
