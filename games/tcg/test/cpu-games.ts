import {
  applyAction,
  createRng,
  eventOf,
  seatViewer,
  startMatch,
  stateHash,
  type Resolution,
  type Rng,
  type Seat,
} from '@cardtable/engine';
import {
  demoContent,
  demoVersions,
  spiritboundContent,
  tcgGameFor,
} from '../content/demo/index.ts';
import type { TcgAction, TcgGame } from '../src/index.ts';
import type { TcgEvent } from '../src/engine/events.ts';
import type { TcgState } from '../src/engine/state.ts';

/** The two shipped content sets the determinism guard and the benchmark play. */
export const CONTENT_SETS = {
  demo: { content: demoContent, versions: demoVersions, decks: ['A', 'B'] },
  spiritbound: {
    content: spiritboundContent,
    versions: () => [spiritboundContent()],
    decks: ['grass', 'fire'],
  },
} as const;

export type ContentSet = keyof typeof CONTENT_SETS;

/** A match as its actions: what the engine-only replay plays back. */
export interface RecordedMatch {
  set: ContentSet;
  /** The set's version it was played with; the newest when absent. */
  version?: string;
  decks: [string, string];
  seed: string;
  /** Seat and action, in order. */
  actions: [Seat, TcgAction][];
  /** `eventsHash` of every resolution, the start included. */
  events: string;
  /** `stateHash` of the final state. */
  final: string;
}

/** The game of a set with every version of it registered, as the server hosts it. */
export const gameForSet = (set: ContentSet): ReturnType<typeof tcgGameFor> =>
  tcgGameFor(CONTENT_SETS[set].versions());

/** The hash of every event (type and data) of a match, in order, as canonical JSON. */
export function eventsHash(resolutions: readonly Resolution<TcgState, TcgAction, TcgEvent>[]) {
  return stateHash(
    resolutions.flatMap((resolution) =>
      resolution.steps.map((step) => ({ type: step.type, data: step.data })),
    ),
  );
}

function newMatch(
  game: TcgGame,
  set: ContentSet,
  decks: [string, string],
  seed: string,
  version?: string,
) {
  const ruleset = CONTENT_SETS[set].content().ruleset.id;
  const options = game.parseOptions({ ruleset, decks, ...(version ? { version } : {}) }, 2);
  if (!options.ok) throw new Error(options.error.message);
  return startMatch(game, {
    options: options.value,
    seats: [{ kind: 'human' as const }, { kind: 'human' as const }],
    seed,
  });
}

/** The move the CPU at `profile` makes for the seat to act, from that seat's view. */
export function cpuMove(
  game: TcgGame,
  state: TcgState,
  profile: string,
  rng: Rng,
): [Seat, TcgAction] {
  const seat = game.activeSeats(state)[0]!;
  const action = game.cpu!.choose({
    view: game.view(state, seatViewer(seat)),
    legal: game.legalActions(state, seat),
    seat,
    profile,
    rng,
  });
  return [seat, action];
}

/**
 * Plays one match with the CPU at `profile` in both seats (each decision's Rng seeded from the
 * match seed and the action's index) and records it.
 */
export function playCpuMatch(
  game: TcgGame,
  set: ContentSet,
  seed: string,
  profile: string,
  maxActions = 3000,
): RecordedMatch {
  const decks = [...CONTENT_SETS[set].decks] as [string, string];
  const started = newMatch(game, set, decks, seed);
  let { match } = started;
  const resolutions = [started.resolution];
  const actions: [Seat, TcgAction][] = [];
  for (let n = 0; n < maxActions && !game.outcome(match.state); n++) {
    const [seat, action] = cpuMove(game, match.state, profile, createRng(seed, n));
    const applied = applyAction(game, match, seat, action, `a${n}`);
    if (!applied.ok) throw new Error(`A CPU move was refused: ${applied.error.message}`);
    actions.push([seat, action]);
    resolutions.push(applied.value.resolution);
    match = applied.value.match;
  }
  return {
    set,
    decks,
    seed,
    actions,
    events: eventsHash(resolutions),
    final: stateHash(match.state),
  };
}

/**
 * Plays a recorded match's actions back through the engine: its events and final state, and
 * the final state folded from the events with `evolve` alone (the state `decide` hands to
 * `applyAction` must be exactly that fold).
 */
export function replayMatch(
  game: TcgGame,
  recorded: Pick<RecordedMatch, 'set' | 'version' | 'decks' | 'seed' | 'actions'>,
): { events: string; final: string; folded: string } {
  const started = newMatch(game, recorded.set, recorded.decks, recorded.seed, recorded.version);
  let { match } = started;
  let folded = match.state;
  const resolutions = [started.resolution];
  recorded.actions.forEach(([seat, action], n) => {
    const applied = applyAction(game, match, seat, action, `a${n}`);
    if (!applied.ok) throw new Error(`Recorded action ${n} was refused: ${applied.error.message}`);
    resolutions.push(applied.value.resolution);
    match = applied.value.match;
    for (const step of applied.value.resolution.steps) folded = game.evolve(folded, eventOf(step));
  });
  return {
    events: eventsHash(resolutions),
    final: stateHash(match.state),
    folded: stateHash(folded),
  };
}
