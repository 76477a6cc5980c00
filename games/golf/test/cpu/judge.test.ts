import { describe, expect, it } from 'vitest';
import { judgeMove, type GolfAction } from '../../src/index.ts';
import { viewOf, type TableSketch } from './support.ts';

const swap = (slot: number): GolfAction => ({ type: 'swap', payload: { slot } });
const discard: GolfAction = { type: 'discard', payload: {} };
const judge = (sketch: TableSketch, action: GolfAction) => judgeMove(viewOf(sketch), action);

describe('the dumb-move judge', () => {
  it('calls discarding a joker or a 2 dumb while a slot would take it', () => {
    const hand = ['9', '?', 'K', '4', '?', 'K'];
    expect(judge({ hand, held: { card: '2', source: 'deck' } }, discard)).toBe(
      'discardedJokerOrTwo',
    );
    expect(
      judge(
        { hand, held: { card: 'JOKER', source: 'deck' }, options: { jokerMode: 'standard' } },
        discard,
      ),
    ).toBe('discardedJokerOrTwo');
    expect(judge({ hand, held: { card: 'A', source: 'deck' } }, discard)).toBeNull();
  });

  it('lets a 2 go when no slot would be better for it', () => {
    // Every column is a 2 over a king: another 2 would only pair with a 2 or replace one.
    const hand = ['2', '2', 'K', 'K', 'K', '2'];
    expect(judge({ hand, held: { card: '2', source: 'deck' } }, discard)).toBeNull();
  });

  it('does not count pairing two 2s as a use of the 2', () => {
    // The only slot a 2 would lower is beside the other 2, which pairs them for 0.
    const hand = ['2', 'Q', 'Q', 'K', 'Q', 'Q'];
    expect(judge({ hand, held: { card: '2', source: 'deck' } }, discard)).toBeNull();
    expect(judge({ hand, held: { card: '2', source: 'deck' } }, swap(3))).toBe('pairedNegatives');
  });

  it('allows pairing negatives when negative pairs keep their value', () => {
    const hand = ['2', 'Q', 'Q', '?', 'Q', 'Q'];
    const options = { negativePairsKeepValue: true };
    expect(judge({ hand, held: { card: '2', source: 'deck' }, options }, swap(3))).toBeNull();
    expect(
      judge(
        {
          hand: ['K', '5', '5', '?', '5', '5'],
          held: { card: 'K', source: 'deck' },
          options: { superKings: true },
        },
        swap(3),
      ),
    ).toBe('pairedNegatives');
  });

  it('calls taking a 10, J or Q from the discard without a pair dumb', () => {
    const hand = ['Q', '?', '?', '?', '?', '?'];
    expect(judge({ hand, held: { card: 'J', source: 'discard' } }, swap(0))).toBe(
      'tookHighDiscardWithoutPair',
    );
    expect(judge({ hand, held: { card: 'Q', source: 'discard' } }, swap(3))).toBeNull();
    // Ten Penny makes a 10 worth 1, and One-Eyed Jacks make the jack of hearts worth 0.
    expect(
      judge(
        { hand, held: { card: '10', source: 'discard' }, options: { tenPenny: true } },
        swap(1),
      ),
    ).toBeNull();
    expect(
      judge(
        { hand, held: { card: 'Jh', source: 'discard' }, options: { oneEyedJacks: true } },
        swap(1),
      ),
    ).toBeNull();
  });

  it('calls swapping a face-up card out for a worse column dumb', () => {
    const hand = ['3', '?', '5', '?', '?', '5'];
    expect(judge({ hand, held: { card: '6', source: 'deck' } }, swap(0))).toBe(
      'swappedGoodForWorse',
    );
    // Breaking a pair of 5s for a 4 makes the column 9 instead of 0.
    expect(judge({ hand, held: { card: '4', source: 'deck' } }, swap(2))).toBe(
      'swappedGoodForWorse',
    );
    expect(judge({ hand, held: { card: 'A', source: 'deck' } }, swap(0))).toBeNull();
  });

  it('calls an 8 or higher into a face-down slot without a pair dumb', () => {
    const hand = ['8', '?', '?', '?', '?', '?'];
    expect(judge({ hand, held: { card: '9', source: 'deck' } }, swap(1))).toBe(
      'highCardIntoHidden',
    );
    expect(judge({ hand, held: { card: '8', source: 'deck' } }, swap(3))).toBeNull();
    expect(judge({ hand, held: { card: '7', source: 'deck' } }, swap(1))).toBeNull();
  });

  it('waives the face-down rule at a starved table (one deck at six seats)', () => {
    const sketch: TableSketch = {
      hand: ['8', '?', '?', '?', '?', '?'],
      held: { card: '9', source: 'deck' },
      seats: 6,
    };
    expect(judge(sketch, swap(1))).toBeNull();
    expect(judge({ ...sketch, options: { decks: 2 } }, swap(1))).toBe('highCardIntoHidden');
  });

  it('leaves going out on the last face-down slot to the going-out guard', () => {
    const hand = ['8', 'K', 'K', '?', '3', '3'];
    expect(judge({ hand, held: { card: '9', source: 'deck' } }, swap(3))).toBeNull();
    // In the final turn phase the slot is just a face-down slot.
    expect(judge({ hand, held: { card: '9', source: 'deck' }, finisher: 1 }, swap(3))).toBe(
      'highCardIntoHidden',
    );
  });

  it('judges only the seat holding a card', () => {
    const view = viewOf({ hand: ['?', '?', '?', '?', '?', '?'] });
    expect(judgeMove(view, { type: 'drawDeck', payload: {} })).toBeNull();
    expect(judgeMove({ ...view, seat: 1 }, discard)).toBeNull();
  });
});
