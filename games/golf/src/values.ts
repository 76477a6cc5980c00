import type { Card, CardValues, GolfOptions, HouseRules, Rank } from './types.ts';
import { RANKS } from './types.ts';

/** What scoring needs to know of a card: its rank and (for One-Eyed Jacks) its suit. */
export type CardFace = Pick<Card, 'rank' | 'suit'>;

/** The value of a rank under the options, before any suit exception or pairing. */
export function rankValue(rank: Rank, options: GolfOptions): number {
  switch (rank) {
    case 'A':
      return 1;
    case '2':
      return -2;
    case '10':
      return options.tenPenny ? 1 : 10;
    case 'J':
    case 'Q':
      return 10;
    case 'K':
      return options.superKings ? -2 : 0;
    case 'JOKER':
      return jokerValue(options);
    default:
      return Number(rank);
  }
}

function jokerValue(options: GolfOptions): number {
  switch (options.jokerMode) {
    case 'luckySwing':
      return -5;
    case 'eagleEye':
      return 2;
    case 'none':
    case 'standard':
      return -2;
  }
}

/** The jacks that show one eye: worth 0 under One-Eyed Jacks. */
const isOneEyedJack = (card: CardFace) =>
  card.rank === 'J' && (card.suit === 'hearts' || card.suit === 'spades');

/** The effective value of one card, unpaired, under the options. */
export function cardValue(card: CardFace, options: GolfOptions): number {
  if (options.oneEyedJacks && isOneEyedJack(card)) return 0;
  return rankValue(card.rank, options);
}

/** The table's legend: each rank's value (jacks show their usual 10; see activeRules). */
export function cardValues(options: GolfOptions): CardValues {
  const values = {} as CardValues;
  for (const rank of [...RANKS, 'JOKER'] as const) values[rank] = rankValue(rank, options);
  return values;
}

const JOKER_RULE_NAMES = {
  none: null,
  standard: 'Jokers (-2)',
  luckySwing: 'Lucky Swing (one joker, -5)',
  eagleEye: 'Eagle Eye (jokers +2, a joker pair -4)',
} as const;

const FLIP_RULE_NAMES = {
  never: null,
  always: 'Speed Golf (flip after every discard)',
  endgame: 'Endgame flips (optional flip near the end)',
} as const;

const HOUSE_RULE_LABELS = {
  superKings: 'Super Kings (K = -2)',
  tenPenny: 'Ten Penny (10 = 1)',
  oneEyedJacks: 'One-Eyed Jacks (J of hearts and spades = 0)',
  negativePairsKeepValue: 'Negative pairs keep their value',
  wolfpack: 'Wolfpack (two Jack columns: -20)',
  fourOfAKind: 'Four of a kind (two paired columns of a rank: -20)',
  blackjack: 'Blackjack (a round of 21 scores 0)',
  knockPenalty: 'Knock penalty (+10 to a finisher who is not lowest)',
  knockBonus: 'Knock bonus (-5 to the finisher)',
  underdogBonus: 'Underdog bonus (-3 to the lowest round score)',
  tiedShame: 'Tied shame (+5 to tied round scores)',
  flipAsAction: 'Flip as a turn',
  knockEarly: 'Early knock',
} as const satisfies Record<keyof HouseRules, string>;

/** Names of the rules in force that differ from plain Golf, for the table's legend. */
export function activeRules(options: GolfOptions): string[] {
  const names: string[] = [];
  const joker = JOKER_RULE_NAMES[options.jokerMode];
  if (joker) names.push(joker);
  const flip = FLIP_RULE_NAMES[options.flipMode];
  if (flip) names.push(flip);
  for (const [rule, label] of Object.entries(HOUSE_RULE_LABELS)) {
    if (options[rule as keyof HouseRules]) names.push(label);
  }
  return names;
}

/** A table's legend: its rules in force and each rank's value. */
export interface Legend {
  activeRules: readonly string[];
  cardValues: Readonly<CardValues>;
}

/** Every view of a table shares its options object, so the legend is built once per table. */
const legends = new WeakMap<GolfOptions, Legend>();

/**
 * The legend for these options, built once per options object and frozen, since every view of
 * the table holds the same one (equal references also let view diffs skip it at once).
 */
export function legendOf(options: GolfOptions): Legend {
  let legend = legends.get(options);
  if (!legend) {
    legend = Object.freeze({
      activeRules: Object.freeze(activeRules(options)),
      cardValues: Object.freeze(cardValues(options)),
    });
    legends.set(options, legend);
  }
  return legend;
}
