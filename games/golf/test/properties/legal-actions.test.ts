import { canonicalJson, createRng, decideContext, type Rng } from '@cardtable/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { golf, type GolfAction, type GolfState } from '../../src/index.ts';
import { tableArb } from './arbitraries.ts';
import { playRandomMatch } from './random-play.ts';

const TYPES: GolfAction['type'][] = [
  'initialFlip',
  'drawDeck',
  'takeDiscard',
  'returnDiscard',
  'swap',
  'discard',
  'flip',
  'skipFlip',
  'knock',
];

/** A random well-formed action: any type, slots from -1 to 6, any number of initial flips. */
function probeAction(rng: Rng): unknown {
  const type = TYPES[rng.int(0, TYPES.length - 1)] as GolfAction['type'];
  const slot = () => rng.int(-1, 6);
  switch (type) {
    case 'initialFlip':
      return { type, payload: { slots: Array.from({ length: rng.int(0, 3) }, slot) } };
    case 'swap':
    case 'flip':
      return { type, payload: { slot: slot() } };
    default:
      return { type, payload: {} };
  }
}

function checkAgreement(state: GolfState, version: number, rng: Rng): void {
  const ctx = decideContext('probe', version + 1);
  for (let seat = 0; seat < state.seatCount; seat++) {
    const legal = new Set(golf.legalActions(state, seat).map((action) => canonicalJson(action)));
    if (!golf.activeSeats(state).includes(seat)) expect(legal.size).toBe(0);
    for (const action of golf.legalActions(state, seat)) {
      expect(golf.decide(state, seat, action, ctx).ok).toBe(true);
    }
    for (let probe = 0; probe < 6; probe++) {
      const parsed = golf.parseAction(probeAction(rng));
      if (!parsed.ok) throw new Error(`A well-formed probe was refused: ${parsed.error.message}`);
      const decided = golf.decide(state, seat, parsed.value, ctx);
      const listed = legal.has(canonicalJson(parsed.value));
      if (decided.ok !== listed) {
        throw new Error(
          `decide ${decided.ok ? 'accepted' : 'rejected'} ${canonicalJson(parsed.value)} for seat ${seat}, which is${listed ? '' : ' not'} listed as legal`,
        );
      }
    }
  }
}

describe('golf legal actions', () => {
  it('decide accepts a well-formed action exactly when legalActions lists it', () => {
    fc.assert(
      fc.property(tableArb(2), (table) => {
        const rng = createRng('probes', table.playSeed);
        playRandomMatch(table, (step) => checkAgreement(step.after.state, step.after.version, rng));
      }),
      { numRuns: 40 },
    );
  });
});
