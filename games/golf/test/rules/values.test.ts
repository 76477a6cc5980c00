import { describe, expect, it } from 'vitest';
import {
  activeRules,
  cardValue,
  cardValues,
  columnScore,
  DEFAULT_OPTIONS,
  legendOf,
  type CardFace,
  type GolfOptions,
} from '../../src/index.ts';

const o = (changes: Partial<GolfOptions> = {}): GolfOptions => ({ ...DEFAULT_OPTIONS, ...changes });
const card = (rank: CardFace['rank'], suit: CardFace['suit'] = 'clubs'): CardFace => ({
  rank,
  suit,
});

describe('golf card values', () => {
  it('has the default values of spec section 2', () => {
    expect(cardValues(o())).toEqual({
      A: 1,
      '2': -2,
      '3': 3,
      '4': 4,
      '5': 5,
      '6': 6,
      '7': 7,
      '8': 8,
      '9': 9,
      '10': 10,
      J: 10,
      Q: 10,
      K: 0,
      JOKER: -2,
    });
  });

  it('applies the value house rules', () => {
    expect(cardValue(card('K'), o({ superKings: true }))).toBe(-2);
    expect(cardValue(card('10'), o({ tenPenny: true }))).toBe(1);
    expect(cardValue(card('JOKER', null), o({ jokerMode: 'luckySwing' }))).toBe(-5);
    expect(cardValue(card('JOKER', null), o({ jokerMode: 'eagleEye' }))).toBe(2);
    expect(cardValue(card('JOKER', null), o({ jokerMode: 'standard' }))).toBe(-2);
  });

  it('makes only the one-eyed jacks (hearts, spades) worth 0 under One-Eyed Jacks', () => {
    const rules = o({ oneEyedJacks: true });
    expect(cardValue(card('J', 'hearts'), rules)).toBe(0);
    expect(cardValue(card('J', 'spades'), rules)).toBe(0);
    expect(cardValue(card('J', 'clubs'), rules)).toBe(10);
    expect(cardValue(card('J', 'diamonds'), rules)).toBe(10);
    expect(cardValue(card('J', 'hearts'), o())).toBe(10);
    expect(columnScore(card('J', 'hearts'), card('J', 'clubs'), rules)).toBe(0);
  });

  it('scores pairs by rank, and negative pairs keep their sum only under negativePairsKeepValue', () => {
    expect(columnScore(card('2'), card('2', 'hearts'), o())).toBe(0);
    expect(columnScore(card('2'), card('2', 'hearts'), o({ negativePairsKeepValue: true }))).toBe(
      -4,
    );
    expect(columnScore(card('K'), card('K', 'hearts'), o({ superKings: true }))).toBe(0);
    expect(
      columnScore(
        card('K'),
        card('K', 'hearts'),
        o({ superKings: true, negativePairsKeepValue: true }),
      ),
    ).toBe(-4);
    expect(
      columnScore(card('JOKER', null), card('JOKER', null), o({ jokerMode: 'eagleEye' })),
    ).toBe(-4);
    expect(
      columnScore(
        card('JOKER', null),
        card('JOKER', null),
        o({ jokerMode: 'eagleEye', negativePairsKeepValue: true }),
      ),
    ).toBe(-4);
    expect(columnScore(card('7'), card('9'), o())).toBe(16);
  });

  it('names the rules in force for the legend', () => {
    expect(activeRules(o())).toEqual([]);
    expect(
      activeRules(o({ jokerMode: 'luckySwing', flipMode: 'always', blackjack: true })),
    ).toEqual([
      'Lucky Swing (one joker, -5)',
      'Speed Golf (flip after every discard)',
      'Blackjack (a round of 21 scores 0)',
    ]);
  });

  it('builds the legend once per options object, frozen, since every view shares it', () => {
    const options = o({ superKings: true, flipMode: 'endgame' });
    const legend = legendOf(options);
    expect(legend.activeRules).toEqual(activeRules(options));
    expect(legend.cardValues).toEqual(cardValues(options));
    expect(legendOf(options)).toBe(legend);
    expect(legendOf({ ...options })).not.toBe(legend);
    expect(Object.isFrozen(legend.activeRules) && Object.isFrozen(legend.cardValues)).toBe(true);
  });
});
