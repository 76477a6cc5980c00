import {
  applyAction,
  createRng,
  decideContext,
  hash128,
  projectResolution,
  seatViewer,
  SPECTATOR,
  EVERYTHING,
  startMatch,
  stateHash,
  type MatchState,
  type Resolution,
  type Seat,
  type SeatConfig,
  type Viewer,
} from '@cardtable/engine';
import {
  checkAction,
  DEFAULT_OPTIONS,
  gameSeed,
  golf,
  HAND_SIZE,
  simulateGame,
  type GolfAction,
  type GolfEvent,
  type GolfOptions,
  type GolfState,
} from '../../src/index.ts';

/**
 * A seeded game to pin: its options, seat count and seed, played by the CPU rotation or by
 * uniformly random legal moves (which also return discards and run decks out).
 */
export interface PinnedTable {
  name: string;
  options: Partial<GolfOptions>;
  seats: number;
  seed: string;
  players: 'cpu' | 'random';
}

/**
 * Digests of everything a game's code paths produce, each a hash of the exact bytes
 * (`JSON.stringify`, so key order counts too, as it does on the wire):
 * - `events`: every step of every resolution (the CPUs' choices decide which);
 * - `finalState`: the kernel's `stateHash` of the final state (what replays compare);
 * - `projections`: `projectResolution` of every resolution for every seat, a spectator and
 *   `all` (projected events and view diffs), with each viewer's view after it;
 * - `rules`: at every position, for every seat, the legal actions, the timeout move and the
 *   outcome of `checkAction` and `decide` for every candidate action (events or the rule error).
 */
export interface Fingerprint {
  events: string;
  finalState: string;
  projections: string;
  rules: string;
}

type Match = MatchState<GolfState, GolfOptions>;
type GolfResolution = Resolution<GolfState, GolfAction, GolfEvent>;

/** A running hash over many values, without keeping them all. */
class Digest {
  private readonly parts: string[] = [];

  add(value: unknown): void {
    this.parts.push(bytesHash(JSON.stringify(value) ?? 'undefined'));
  }

  value(): string {
    return bytesHash(this.parts.join(''));
  }
}

const bytesHash = (text: string) =>
  hash128(text)
    .map((word) => word.toString(16).padStart(8, '0'))
    .join('');

const NO_PAYLOAD = {} as Record<string, never>;

/** Well-formed actions of every type, with slots in and out of range, and bad initial flips. */
const CANDIDATES: readonly GolfAction[] = [
  { type: 'drawDeck', payload: NO_PAYLOAD },
  { type: 'takeDiscard', payload: NO_PAYLOAD },
  { type: 'returnDiscard', payload: NO_PAYLOAD },
  { type: 'discard', payload: NO_PAYLOAD },
  { type: 'skipFlip', payload: NO_PAYLOAD },
  { type: 'knock', payload: NO_PAYLOAD },
  ...[-1, ...Array.from({ length: HAND_SIZE }, (_, slot) => slot), HAND_SIZE].flatMap(
    (slot): GolfAction[] => [
      { type: 'flip', payload: { slot } },
      { type: 'swap', payload: { slot } },
    ],
  ),
  ...[[], [0], [5], [0, 3], [1, 1], [2, 6], [0, 1, 2]].map((slots): GolfAction => ({
    type: 'initialFlip',
    payload: { slots },
  })),
];

function viewersOf(seats: number): Viewer[] {
  return [...Array.from({ length: seats }, (_, seat) => seatViewer(seat)), SPECTATOR, EVERYTHING];
}

function recordRules(digest: Digest, match: Match): void {
  const { state } = match;
  for (let seat = 0; seat < state.seatCount; seat++) {
    digest.add(golf.legalActions(state, seat));
    digest.add(golf.timeoutAction(state, seat));
    for (const action of CANDIDATES) {
      const checked = checkAction(state, seat, action);
      digest.add(checked.ok ? 'ok' : checked.error);
      const ctx = decideContext(match.config.seed, match.version + 1);
      digest.add(golf.decide(state, seat, action, ctx));
    }
  }
}

function recordProjections(
  digest: Digest,
  before: GolfState,
  resolution: GolfResolution,
  viewers: readonly Viewer[],
): void {
  const after = resolution.statesAfter.at(-1) ?? before;
  for (const viewer of viewers) {
    digest.add(projectResolution(golf, before, resolution, viewer));
    digest.add(golf.view(after, viewer));
  }
}

type Move = { seat: Seat; action: GolfAction };

/** The CPU rotation's game: its seats and moves (the CPUs' choices are part of what is pinned). */
function cpuGame(table: PinnedTable, options: GolfOptions) {
  const record = simulateGame(
    { options, seats: table.seats, profiles: null, seed: table.seed, audit: true },
    0,
  );
  if (record.anomalies.length > 0) throw new Error(record.anomalies[0]?.message);
  const seats = record.profiles.map((profile): SeatConfig => ({ kind: 'cpu', profile }));
  return { config: { options, seats, seed: gameSeed(table.seed, 0) }, moves: record.log };
}

/** A game of uniformly random legal moves, chosen by a seeded RNG. */
function randomGame(table: PinnedTable, options: GolfOptions) {
  const seats = Array.from({ length: table.seats }, (): SeatConfig => ({ kind: 'human' }));
  const config = { options, seats, seed: table.seed };
  const chooser = createRng(`${table.seed}/moves`);
  const moves: Move[] = [];
  let match: Match = startMatch(golf, config).match;
  while (golf.outcome(match.state) === null) {
    const active = golf.activeSeats(match.state);
    const seat = active[chooser.int(0, active.length - 1)] as Seat;
    const legal = golf.legalActions(match.state, seat);
    const action = legal[chooser.int(0, legal.length - 1)] as GolfAction;
    const applied = applyAction(golf, match, seat, action, 'pick');
    if (!applied.ok) throw new Error(applied.error.message);
    moves.push({ seat, action });
    match = applied.value.match;
  }
  return { config, moves };
}

/** Plays the table's game, then re-plays its moves through the engine, digesting everything. */
export function fingerprintOf(table: PinnedTable): Fingerprint {
  const options: GolfOptions = { ...DEFAULT_OPTIONS, ...table.options };
  const { config, moves } =
    table.players === 'cpu' ? cpuGame(table, options) : randomGame(table, options);
  const viewers = viewersOf(table.seats);
  const events = new Digest();
  const projections = new Digest();
  const rules = new Digest();

  const started = startMatch(golf, config);
  events.add(started.resolution.steps);
  recordProjections(projections, golf.initialState(config), started.resolution, viewers);
  let match: Match = started.match;
  for (const { seat, action } of moves) {
    recordRules(rules, match);
    const applied = applyAction(golf, match, seat, action, `a${match.version + 1}`);
    if (!applied.ok) throw new Error(applied.error.message);
    events.add(applied.value.resolution.steps);
    recordProjections(projections, match.state, applied.value.resolution, viewers);
    match = applied.value.match;
  }
  recordRules(rules, match);
  return {
    events: events.value(),
    finalState: stateHash(match.state),
    projections: projections.value(),
    rules: rules.value(),
  };
}
