import { fail, ok, type Result } from '@cardtable/engine';
import type { FlipMode, GolfOptions, HouseRules, JokerMode } from './types.ts';

export const MIN_SEATS = 2;
export const MAX_SEATS = 6;
export const MAX_ROUNDS = 18;

export const HOUSE_RULE_NAMES = [
  'superKings',
  'tenPenny',
  'oneEyedJacks',
  'negativePairsKeepValue',
  'wolfpack',
  'fourOfAKind',
  'blackjack',
  'knockPenalty',
  'knockBonus',
  'underdogBonus',
  'tiedShame',
  'flipAsAction',
  'knockEarly',
] as const satisfies readonly (keyof HouseRules)[];

const JOKER_MODES: readonly JokerMode[] = ['none', 'standard', 'luckySwing', 'eagleEye'];
const FLIP_MODES: readonly FlipMode[] = ['never', 'always', 'endgame'];

export const DEFAULT_OPTIONS: Readonly<GolfOptions> = Object.freeze({
  decks: 1,
  rounds: 9,
  initialFlips: 2,
  jokerMode: 'none',
  flipMode: 'never',
  ...(Object.fromEntries(HOUSE_RULE_NAMES.map((name) => [name, false])) as unknown as HouseRules),
});

const KNOWN_OPTIONS = new Set<string>(Object.keys(DEFAULT_OPTIONS));

const isIntegerIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

const badOption = (option: string, value: unknown, expected: string) =>
  fail('INVALID_OPTION', `Option "${option}" must be ${expected} (got ${JSON.stringify(value)}).`, {
    option,
    value,
  });

/**
 * Validates raw options (a partial object; missing options take their defaults) for a table of
 * `seatCount` seats. The first bad option is named in the error; nothing is coerced.
 */
export function parseOptions(raw: unknown, seatCount: number): Result<GolfOptions> {
  if (!isIntegerIn(seatCount, MIN_SEATS, MAX_SEATS)) {
    return fail(
      'INVALID_SEAT_COUNT',
      `Golf is played by ${MIN_SEATS} to ${MAX_SEATS} seats (got ${seatCount}).`,
      { seatCount },
    );
  }
  if (raw === undefined || raw === null) return ok({ ...DEFAULT_OPTIONS });
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('INVALID_OPTIONS', 'Golf options must be an object of option names to values.');
  }
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!KNOWN_OPTIONS.has(key)) {
      return fail('UNKNOWN_OPTION', `Golf has no option "${key}".`, { option: key });
    }
  }
  const options: GolfOptions = { ...DEFAULT_OPTIONS };
  const { decks, rounds, initialFlips, jokerMode, flipMode } = input;
  if (decks !== undefined) {
    if (!isIntegerIn(decks, 1, 3)) return badOption('decks', decks, '1, 2 or 3');
    options.decks = decks as GolfOptions['decks'];
  }
  if (rounds !== undefined) {
    if (!isIntegerIn(rounds, 1, MAX_ROUNDS))
      return badOption('rounds', rounds, `a whole number from 1 to ${MAX_ROUNDS}`);
    options.rounds = rounds;
  }
  if (initialFlips !== undefined) {
    if (!isIntegerIn(initialFlips, 0, 2))
      return badOption('initialFlips', initialFlips, '0, 1 or 2');
    options.initialFlips = initialFlips as GolfOptions['initialFlips'];
  }
  if (jokerMode !== undefined) {
    if (!JOKER_MODES.includes(jokerMode as JokerMode))
      return badOption('jokerMode', jokerMode, `one of ${JOKER_MODES.join(', ')}`);
    options.jokerMode = jokerMode as JokerMode;
  }
  if (flipMode !== undefined) {
    if (!FLIP_MODES.includes(flipMode as FlipMode))
      return badOption('flipMode', flipMode, `one of ${FLIP_MODES.join(', ')}`);
    options.flipMode = flipMode as FlipMode;
  }
  for (const name of HOUSE_RULE_NAMES) {
    const value = input[name];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return badOption(name, value, 'true or false');
    options[name] = value;
  }
  return ok(options);
}

/**
 * A standard game has every option at its default except the deck count and the number of
 * holes; only standard games count for ratings and leaderboards.
 */
export function isStandard(options: GolfOptions): boolean {
  return (
    options.initialFlips === DEFAULT_OPTIONS.initialFlips &&
    options.jokerMode === DEFAULT_OPTIONS.jokerMode &&
    options.flipMode === DEFAULT_OPTIONS.flipMode &&
    HOUSE_RULE_NAMES.every((name) => options[name] === DEFAULT_OPTIONS[name])
  );
}
