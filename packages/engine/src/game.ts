import type { Result } from './result.ts';
import type { OpaqueIds } from './opaque-ids.ts';
import type { Rng } from './rng.ts';

export type Seat = number;

/** Who is looking. `all` is the unprojected view: the server itself, or a replay once a match is over. */
export type Viewer = { kind: 'seat'; seat: Seat } | { kind: 'spectator' } | { kind: 'all' };

export const seatViewer = (seat: Seat): Viewer => ({ kind: 'seat', seat });
export const SPECTATOR: Viewer = { kind: 'spectator' };
export const EVERYTHING: Viewer = { kind: 'all' };

/** An action is plain data: a complete `{type, payload}` that a client may send as is. */
export interface GameAction<T extends string = string, P = unknown> {
  type: T;
  payload: P;
}

/** An event is plain data: the fact an accepted action produced. */
export interface GameEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

export type SeatConfig =
  { kind: 'human'; name?: string } | { kind: 'cpu'; profile: string; name?: string };

/** Everything a match is created from. The seed never reaches a client. */
export interface MatchConfig<O> {
  options: O;
  seats: SeatConfig[];
  seed: string;
}

/** Randomness for one resolution, keyed by (match seed, version, step). */
export interface DecideContext {
  version: number;
  rng(step: number): Rng;
  /** Unguessable ids (card handles): a keyed hash, never a generator's raw output. */
  opaqueIds(step: number): OpaqueIds;
}

export interface Standing {
  seat: Seat;
  /** 1-based; tied seats share a place (1, 1, 3). */
  place: number;
  score?: number;
}

/** How a match ended. A tie for first has several winners and `tie: true`, never a pick. */
export interface Outcome {
  winners: Seat[];
  tie: boolean;
  standings: Standing[];
  reason?: string;
  /** The game's own words for the reason, where its content has them (a creator's win rule). */
  reasonText?: string;
  /** Seats that conceded (see `concession.ts`): placed after every seat still playing. */
  conceded?: Seat[];
}

/** CPU players decide from their seat's view and legal actions only, like a person. */
export interface CpuPlayers<V, A extends GameAction> {
  profiles: readonly string[];
  /**
   * Names for CPU seats created without one, when profiles are not names themselves (a
   * difficulty, say); the server picks one per match and seat.
   */
  names?: readonly string[];
  choose(input: { view: V; legal: readonly A[]; seat: Seat; profile: string; rng: Rng }): A;
}

/**
 * The game contract: a game is data plus pure functions (the decider pattern).
 * `decide` turns an action into events or a rule error; `evolve` folds one event into state.
 */
export interface Game<
  S,
  A extends GameAction = GameAction,
  E extends GameEvent = GameEvent,
  O = unknown,
  V = unknown,
> {
  name: string;
  /** The rules version; recorded in every match so a replay runs against the same rules. */
  version: string;
  seats: { min: number; max: number };
  /** Validates raw options and fills defaults; a bad option names itself in the error. */
  parseOptions(raw: unknown, seatCount: number): Result<O>;
  /** Checks an untrusted action's shape (not its legality): INVALID_PAYLOAD on failure. */
  parseAction(raw: unknown): Result<A>;
  initialState(config: MatchConfig<O>): S;
  /** The first resolution (version 1): shuffles, deals, whatever opens the match. */
  start(state: S, ctx: DecideContext): E[];
  decide(state: S, seat: Seat, action: A, ctx: DecideContext): Result<E[]>;
  /**
   * Optional `decide` that also returns the state after its events, for a game that folds its
   * events as it decides (the TCG): exactly what folding them with `evolve` gives. `applyAction`
   * then does not fold them a second time unless a host reads each step's state
   * (`Resolution.statesAfter`, folded on first read). Same rule errors and events as `decide`.
   */
  decideWithState?(
    state: S,
    seat: Seat,
    action: A,
    ctx: DecideContext,
  ): Result<{ events: E[]; state: S }>;
  evolve(state: S, event: E): S;
  view(state: S, viewer: Viewer): V;
  /** The event as this viewer may see it; `before` is the state the event applies to. */
  projectEvent(event: E, viewer: Viewer, before: S): E;
  legalActions(state: S, seat: Seat): A[];
  /** Seats that may act now (an action from any other seat is NOT_YOUR_TURN). */
  activeSeats(state: S): Seat[];
  outcome(state: S): Outcome | null;
  /** Steps a renderer animates; the server paces them with FLOW_ACK. */
  requiresAck(event: E): boolean;
  /** The move played for a seat whose turn timer ran out. */
  timeoutAction(state: S, seat: Seat): A | null;
  /**
   * Action types only the server plays (the timeout rule's own move, say): `parseAction` and
   * `decide` accept them so the server and replays can play them, and the server refuses them
   * from any client. Every move `timeoutAction` returns is either legal or listed here.
   */
  serverActions?: readonly A['type'][];
  /**
   * Event types after which a table shows a summary for a while (Golf's hole tally): a host
   * starts the turn clocks of the seats they make active only after its pause.
   */
  pauseAfter?: readonly E['type'][];
  cpu?: CpuPlayers<V, A>;
  /** Formalities the server plays for a seat at once (a pass nobody could answer). */
  autoPlay?: AutoPlay<S, A>;
}

/**
 * Moves with no real choice in them, played for a seat so a match never waits on them. A
 * player may name `stops` (kinds of moment) where they still want to be asked.
 */
export interface AutoPlay<S, A extends GameAction> {
  /** The kinds of stop a player may set, with words for a table to show. */
  stops: readonly { id: string; label: string }[];
  /** The move to play for `seat` now, or null when it has a real choice or asked to stop. */
  action(state: S, seat: Seat, stops: readonly string[]): A | null;
}

/** True when only the server may play this action type in this game (see `serverActions`). */
export const isServerAction = (game: AnyGame, type: string): boolean =>
  (game.serverActions as readonly string[] | undefined)?.includes(type) ?? false;

/** A game with its type parameters erased, for shells that host any game. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGame = Game<any, any, any, any, any>;
