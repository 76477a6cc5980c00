import { DEFAULT_OPTIONS, HOUSE_RULE_NAMES } from './options.ts';
import type { FlipMode, GolfOptions, HouseRules, JokerMode } from './types.ts';

/** Each house rule with a one-line explanation, for the create-table form. */
export const HOUSE_RULE_TEXT: Record<keyof HouseRules, { label: string; help: string }> = {
  superKings: { label: 'Super Kings', help: 'Kings are worth −2 instead of 0.' },
  tenPenny: { label: 'Ten Penny', help: 'Tens are worth 1 instead of 10.' },
  oneEyedJacks: {
    label: 'One-Eyed Jacks',
    help: 'The jacks of hearts and spades are worth 0; other jacks stay 10.',
  },
  negativePairsKeepValue: {
    label: 'Negative pairs keep value',
    help: 'A pair of negative cards (2-2, joker-joker) keeps its sum, e.g. −4, instead of 0.',
  },
  wolfpack: { label: 'Wolfpack', help: 'Two columns of paired jacks: −20.' },
  fourOfAKind: {
    label: 'Four of a kind',
    help: 'Two paired columns of the same rank: −20 for each such rank.',
  },
  blackjack: { label: 'Blackjack', help: 'A round score of exactly 21 becomes 0.' },
  knockPenalty: {
    label: 'Knock penalty',
    help: '+10 to the player who went out, unless they have the lowest score.',
  },
  knockBonus: { label: 'Knock bonus', help: '−5 to the player who went out.' },
  underdogBonus: { label: 'Underdog bonus', help: '−3 to the lowest score of each round.' },
  tiedShame: { label: 'Tied shame', help: '+5 to every player whose round score ties another.' },
  flipAsAction: {
    label: 'Flip as a turn',
    help: 'Instead of drawing, you may flip one of your face-down cards.',
  },
  knockEarly: {
    label: 'Early knock',
    help: 'With one or two cards face down, flip them all instead of drawing and go out.',
  },
};

export const JOKER_MODE_TEXT: Record<JokerMode, { label: string; help: string }> = {
  none: { label: 'No jokers', help: 'Standard 52-card decks.' },
  standard: { label: 'Jokers', help: 'Two jokers per deck, worth −2 each.' },
  luckySwing: { label: 'Lucky Swing', help: 'A single joker in the whole shoe, worth −5.' },
  eagleEye: {
    label: 'Eagle Eye',
    help: 'Two jokers per deck, worth +2 alone but −4 as a pair.',
  },
};

export const FLIP_MODE_TEXT: Record<FlipMode, { label: string; help: string }> = {
  never: { label: 'No flip', help: 'Discarding a drawn card ends your turn.' },
  always: {
    label: 'Speed Golf',
    help: 'After discarding a drawn card you must flip one of your face-down cards.',
  },
  endgame: {
    label: 'Endgame flip',
    help: 'Near the end (someone has at most one card down) you may flip after discarding.',
  },
};

/**
 * A table's rules in words, for lobby lists: holes and decks, then every choice that differs
 * from the standard game (jokers, flips, starting flips, house rules by name).
 */
export function describeRules(options: GolfOptions): string[] {
  const words = [
    `${options.rounds} ${options.rounds === 1 ? 'hole' : 'holes'}`,
    `${options.decks} ${options.decks === 1 ? 'deck' : 'decks'}`,
  ];
  if (options.jokerMode !== DEFAULT_OPTIONS.jokerMode)
    words.push(JOKER_MODE_TEXT[options.jokerMode].label);
  if (options.flipMode !== DEFAULT_OPTIONS.flipMode)
    words.push(FLIP_MODE_TEXT[options.flipMode].label);
  if (options.initialFlips !== DEFAULT_OPTIONS.initialFlips)
    words.push(`${options.initialFlips} cards turned up at the start`);
  for (const rule of HOUSE_RULE_NAMES) if (options[rule]) words.push(HOUSE_RULE_TEXT[rule].label);
  return words;
}
