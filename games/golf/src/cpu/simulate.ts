import {
  applyAction,
  canonicalJson,
  createRng,
  seatViewer,
  startMatch,
  type MatchState,
  type Resolution,
  type Rng,
  type Seat,
} from '@cardtable/engine';
import { golf } from '../game.ts';
import { isPair, COLUMNS } from '../scoring.ts';
import { buildShoe } from '../shoe.ts';
import type { GolfAction, GolfEvent, GolfOptions, GolfState, RoundResult } from '../types.ts';
import { chooseAction } from './choose.ts';
import { judgeMove, type DumbMoveKind } from './dumb-moves.ts';
import { CPU_PROFILE_NAMES } from './profiles.ts';

export interface SimulationSetup {
  options: GolfOptions;
  seats: number;
  /** The profile of each seat, or null: each game seats the next profiles of a seeded rotation. */
  profiles: readonly string[] | null;
  seed: string;
  /** Seeds the CPUs' dice apart from the deals: same deals, other choices (default: the seed). */
  cpuSeed?: string;
  /** Judge every CPU move and check the table after every resolution (benchmarks skip it). */
  audit: boolean;
}

/** Things that must never happen, whatever the CPUs do: each points at a bug in the rules. */
export const ANOMALY_KINDS = [
  'exception',
  'actionRejected',
  'illegalChoice',
  'cardConservation',
  'stuck',
  'noEnd',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface Anomaly {
  kind: AnomalyKind;
  game: number;
  message: string;
}

export interface RoundRecord {
  scores: number[];
  finisher: Seat | null;
  reason: RoundResult['reason'];
  /** Paired columns in each seat's final hand. */
  pairs: number[];
}

export interface GameRecord {
  game: number;
  profiles: string[];
  rounds: RoundRecord[];
  winners: Seat[];
  actions: number;
  events: number;
  dumbMoves: { seat: Seat; kind: DumbMoveKind }[];
  anomalies: Anomaly[];
  /** Every accepted (seat, action), in order: enough to replay the game. */
  log: { seat: Seat; action: GolfAction }[];
}

/** A game with no end in sight after this many actions a hole is reported as an anomaly. */
const MAX_ACTIONS_PER_ROUND = 2000;

/** The match seed of one simulated game. */
export const gameSeed = (seed: string, game: number): string => `${seed}/${game}`;

/** The seats' profiles: as given, or the next `seats` personalities from a seeded offset. */
export function seatProfiles(setup: SimulationSetup, game: number): string[] {
  if (setup.profiles) return [...setup.profiles];
  const offset = createRng(`${setup.seed}/profiles`, game).int(0, CPU_PROFILE_NAMES.length - 1);
  return Array.from(
    { length: setup.seats },
    (_, seat) => CPU_PROFILE_NAMES[(offset + seat) % CPU_PROFILE_NAMES.length] as string,
  );
}

/** Plays one CPU-only game headlessly through the engine, without pacing. */
export function simulateGame(setup: SimulationSetup, game: number): GameRecord {
  const profiles = seatProfiles(setup, game);
  const record: GameRecord = {
    game,
    profiles,
    rounds: [],
    winners: [],
    actions: 0,
    events: 0,
    dumbMoves: [],
    anomalies: [],
    log: [],
  };
  const anomaly = (kind: AnomalyKind, message: string) =>
    record.anomalies.push({ kind, game, message });
  try {
    const seed = gameSeed(setup.seed, game);
    const started = startMatch(golf, {
      options: setup.options,
      seats: profiles.map((profile) => ({ kind: 'cpu', profile })),
      seed,
    });
    let match: MatchState<GolfState, GolfOptions> = started.match;
    const shoeSize = buildShoe(setup.options.decks, setup.options.jokerMode).length;
    const digest = (resolution: Resolution<GolfState, GolfAction, GolfEvent>) => {
      record.events += resolution.steps.length;
      resolution.steps.forEach((step, index) => {
        if (step.type !== 'roundEnded') return;
        const after = resolution.statesAfter[index] as GolfState;
        record.rounds.push(roundRecord((step.data as { result: RoundResult }).result, after));
      });
      if (setup.audit) {
        const broken = conservationProblem(match.state, shoeSize);
        if (broken) anomaly('cardConservation', `version ${match.version}: ${broken}`);
      }
    };
    digest(started.resolution);
    const maxActions = MAX_ACTIONS_PER_ROUND * setup.options.rounds;
    // One random stream per seat for the whole game: the game is sequential, so it is
    // deterministic, and far cheaper than keying a generator for every decision.
    const cpuSeed = gameSeed(setup.cpuSeed ?? setup.seed, game);
    const cpuRngs = profiles.map((_, seat) => createRng(`${cpuSeed}/cpu`, seat));
    while (golf.outcome(match.state) === null) {
      if (record.actions >= maxActions) {
        anomaly('noEnd', `no end after ${maxActions} actions`);
        break;
      }
      const seat = golf.activeSeats(match.state)[0];
      const legal = seat === undefined ? [] : golf.legalActions(match.state, seat);
      if (seat === undefined || legal.length === 0) {
        anomaly('stuck', `version ${match.version}: nobody can act, yet the match is not over`);
        break;
      }
      const view = golf.view(match.state, seatViewer(seat));
      const action = chooseAction({
        view,
        legal,
        seat,
        profile: profiles[seat] as string,
        rng: cpuRngs[seat] as Rng,
      });
      if (setup.audit) {
        if (!isListed(action, legal)) {
          anomaly(
            'illegalChoice',
            `version ${match.version}: ${canonicalJson(action)} is not a legal action`,
          );
        }
        const dumb = judgeMove(view, action);
        if (dumb) record.dumbMoves.push({ seat, kind: dumb });
      }
      const applied = applyAction(golf, match, seat, action, `a${match.version + 1}`);
      if (!applied.ok) {
        anomaly(
          'actionRejected',
          `version ${match.version}: ${canonicalJson(action)} rejected (${applied.error.code}: ${applied.error.message})`,
        );
        break;
      }
      record.actions++;
      record.log.push({ seat, action });
      match = applied.value.match;
      digest(applied.value.resolution);
    }
    record.winners = golf.outcome(match.state)?.winners ?? [];
  } catch (error) {
    anomaly('exception', error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  return record;
}

/** Whether `action` is one of `legal` (CPUs hand back a listed object; others are compared by value). */
function isListed(action: GolfAction, legal: readonly GolfAction[]): boolean {
  if (legal.includes(action)) return true;
  const key = canonicalJson(action);
  return legal.some((candidate) => canonicalJson(candidate) === key);
}

function roundRecord(result: RoundResult, after: GolfState): RoundRecord {
  return {
    scores: result.scores.map((score) => score.roundScore),
    finisher: result.finisher,
    reason: result.reason,
    pairs: result.scores.map(({ seat }) => {
      const hand = after.players[seat]?.hand ?? [];
      return COLUMNS.filter(([top, bottom]) => {
        const [a, b] = [hand[top]?.card, hand[bottom]?.card];
        return a !== undefined && b !== undefined && isPair(a, b);
      }).length;
    }),
  };
}

/** Every card of the shoe is somewhere exactly once: deck, discard pile, a hand, or held. */
function conservationProblem(state: GolfState, shoeSize: number): string | null {
  if (state.phase.kind === 'waiting' || state.phase.kind === 'gameOver') return null;
  const seen = new Uint8Array(shoeSize);
  // Built with concat and push rather than spreads: the audit runs after every resolution.
  const cards = state.deck.concat(state.discard);
  for (const player of state.players) for (const slot of player.hand) cards.push(slot.card);
  if (state.phase.kind === 'turn' && state.phase.step.kind === 'holding')
    cards.push(state.phase.step.card);
  for (const card of cards) {
    if (card.id < 0 || card.id >= shoeSize) return `card id ${card.id} is not in the shoe`;
    if (seen[card.id]) return `card ${card.id} is in two places`;
    seen[card.id] = 1;
  }
  return cards.length === shoeSize ? null : `${shoeSize - cards.length} cards are missing`;
}
