import { fail, ok, type Result } from '@cardtable/engine';
import { CPU_PROFILE_NAMES, findProfile, golf, type GolfOptions } from '@cardtable/golf';

export const SIMULATE_USAGE = `Usage: cardtable simulate golf --games N [--seats 4] [--cpu Maya,Sofia,...]
                               [--option key=value ...] [--seed S] [--json]

Plays CPU-only games headlessly and prints a summary. For a card game (the demo, Spiritbound
or a content folder): cardtable simulate tcg --help.
  --games N           how many games to play (required)
  --seats N           seats per table, 2 to 6 (default: the --cpu count, else 4)
  --cpu A,B,...       the personality of each seat (${CPU_PROFILE_NAMES.join(', ')});
                      without it each game seats the next personalities of a seeded rotation
  --option key=value  a Golf option, repeatable (e.g. --option superKings=true --option decks=2)
  --seed S            the seed every game's seed derives from (default: cardtable)
  --json              print only the summary, as one JSON object`;

export interface SimulateArgs {
  games: number;
  seats: number;
  /** The personality of each seat, or null for the seeded rotation. */
  profiles: string[] | null;
  options: GolfOptions;
  seed: string;
  json: boolean;
}

const DEFAULT_SEATS = 4;
const DEFAULT_SEED = 'cardtable';
const VALUE_FLAGS = new Set(['--games', '--seats', '--cpu', '--option', '--seed']);

const bad = (message: string) => fail('BAD_FLAG', message);

/** Reads `simulate` arguments; every mistake gets a message that says what to type instead. */
export function parseSimulateArgs(argv: readonly string[]): Result<SimulateArgs> {
  const [game, ...rest] = argv;
  if (game === undefined || game.startsWith('-')) return bad('Name the game: simulate golf ...');
  if (game !== 'golf') return bad(`No simulator for "${game}": simulate golf (or tcg).`);
  const values = new Map<string, string[]>();
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] = arg.startsWith('--') ? splitOnce(arg) : [arg, undefined];
    if (flag === '--json' && inline === undefined) {
      json = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) return bad(`Unknown option: ${arg}`);
    const value = inline ?? rest[++i];
    if (value === undefined || value.startsWith('--')) return bad(`${flag} needs a value.`);
    values.set(flag, [...(values.get(flag) ?? []), value]);
  }
  for (const [flag, given] of values) {
    if (flag !== '--option' && given.length > 1) return bad(`${flag} is given more than once.`);
  }
  const one = (flag: string) => values.get(flag)?.[0];

  const gamesText = one('--games');
  if (gamesText === undefined) return bad('--games N is required.');
  const games = positiveInteger(gamesText);
  if (games === null) return bad(`--games must be a whole number above 0 (got "${gamesText}").`);

  const cpuText = one('--cpu');
  const profiles = cpuText === undefined ? null : parseProfiles(cpuText);
  if (profiles && !profiles.ok) return profiles;
  const seatsText = one('--seats');
  const seats =
    seatsText === undefined
      ? (profiles?.value.length ?? DEFAULT_SEATS)
      : positiveInteger(seatsText);
  if (seats === null || seats < golf.seats.min || seats > golf.seats.max) {
    return bad(`--seats must be ${golf.seats.min} to ${golf.seats.max} (got "${seatsText}").`);
  }
  if (profiles && profiles.value.length !== seats) {
    return bad(`--cpu names ${profiles.value.length} players for ${seats} seats.`);
  }

  const raw: Record<string, unknown> = {};
  for (const pair of values.get('--option') ?? []) {
    const [key, value] = splitOnce(pair);
    if (!key || value === undefined) return bad(`--option needs key=value (got "${pair}").`);
    raw[key] = optionValue(value);
  }
  const options = golf.parseOptions(raw, seats);
  if (!options.ok) return bad(options.error.message);

  return ok({
    games,
    seats,
    profiles: profiles?.value ?? null,
    options: options.value,
    seed: one('--seed') ?? DEFAULT_SEED,
    json,
  });
}

function parseProfiles(text: string): Result<string[]> {
  const names: string[] = [];
  for (const given of text.split(',').map((name) => name.trim())) {
    const profile = findProfile(given);
    if (!profile) {
      return bad(`No CPU named "${given}"; the CPUs are ${CPU_PROFILE_NAMES.join(', ')}.`);
    }
    if (names.includes(profile.name)) return bad(`${profile.name} can sit only once at a table.`);
    names.push(profile.name);
  }
  return ok(names);
}

const splitOnce = (text: string): [string, string | undefined] => {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
};

const positiveInteger = (text: string): number | null =>
  /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;

/** Option values as JSON would give them: true/false, numbers, else the text itself. */
function optionValue(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}
