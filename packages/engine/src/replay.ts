import { canonicalJson } from './canonical-json.ts';
import type {
  Game,
  GameAction,
  GameEvent,
  MatchConfig,
  Outcome,
  Seat,
  SeatConfig,
} from './game.ts';
import { withConcessions } from './concession.ts';
import { stateHash } from './hash.ts';
import { applyAction, startMatch, type MatchState, type StepEvent } from './match.ts';

export const REPLAY_FORMAT = 'cardtable-replay';
export const REPLAY_FORMAT_VERSION = 1;

export interface ReplayMatch {
  matchId: string;
  game: string;
  /** The rules version the match was played under. */
  rulesetVersion: string;
  engineVersion: string;
  options: unknown;
  seats: SeatConfig[];
  status: 'waiting' | 'active' | 'over';
  result: Outcome | null;
  /** Present only in full exports of finished matches: the seed lets anyone re-execute. */
  seed?: string;
  /** Hash of the final state, for `verify` to compare against. */
  finalStateHash?: string;
  createdAt?: string;
  endedAt?: string | null;
}

export interface ReplayEvent extends StepEvent {
  eventId?: string;
  matchId?: string;
  ts?: string;
}

/** The action that produced resolution `version`. */
export interface ReplayAction {
  version: number;
  seat: Seat;
  actionId: string;
  type: string;
  payload: unknown;
}

export interface ReplayFile {
  format: typeof REPLAY_FORMAT;
  formatVersion: number;
  match: ReplayMatch;
  events: ReplayEvent[];
  actions: ReplayAction[];
}

/** Folds a log into state: the fold of the events from the initial state. */
export function foldEvents<S, E extends GameEvent, O>(
  game: Game<S, GameAction, E, O>,
  config: MatchConfig<O>,
  events: Iterable<{ type: string; data: unknown }>,
): S {
  let state = game.initialState(config);
  for (const event of events)
    state = game.evolve(state, { type: event.type, data: event.data } as E);
  return state;
}

export type Divergence =
  | { kind: 'action-rejected'; version: number; code: string; message: string }
  | { kind: 'event-mismatch'; version: number; step: number; expected: unknown; actual: unknown }
  | { kind: 'missing-event'; version: number; step: number; expected: unknown }
  | { kind: 'extra-event'; version: number; step: number; actual: unknown }
  | { kind: 'missing-action'; version: number }
  | { kind: 'extra-action'; version: number }
  | { kind: 'state-hash'; expected: string; actual: string }
  | { kind: 'outcome'; expected: RecordedOutcome; actual: RecordedOutcome }
  | { kind: 'invalid-file'; message: string };

/** How a match ended (or that it did not), as a replay's header records it. */
export interface RecordedOutcome {
  status: 'waiting' | 'active' | 'over';
  result: Outcome | null;
}

/**
 * Reasons a match may end outside its game's rules: the server ends it (a surrender, a waiting
 * match that expired or that its host closed before the start, a match nobody was connected to
 * that it abandoned) without a game event. Re-execution cannot confirm such a result, only that
 * the rules had not ended the match first, so a report says which kind of ending it checked.
 */
export const ENDINGS_OUTSIDE_RULES = ['surrender', 'expired', 'closed', 'abandoned'] as const;
export type EndingOutsideRules = (typeof ENDINGS_OUTSIDE_RULES)[number];

/**
 * Of those, the endings of a match that never started: a table its host closed, or one that
 * expired waiting for players. Nobody played it, so it is in no one's match history, and a
 * table shows why it ended with no standings, replay or rematch.
 */
export const ENDINGS_BEFORE_START = [
  'closed',
  'expired',
] as const satisfies readonly EndingOutsideRules[];

export const endedBeforeStart = (result: Outcome | null | undefined): boolean =>
  (ENDINGS_BEFORE_START as readonly string[]).includes(result?.reason ?? '');

const endedOutsideRules = (result: Outcome | null) =>
  result !== null && (ENDINGS_OUTSIDE_RULES as readonly string[]).includes(result.reason ?? '');

export type VerifyReport =
  | {
      ok: true;
      versions: number;
      events: number;
      stateHash: string;
      /** How the match ended: by its rules, outside them (a surrender), or not yet. */
      ending: 'rules' | 'outside-rules' | 'none';
    }
  | { ok: false; divergence: Divergence; message: string };

/**
 * Re-executes a replay's actions from its seed and compares every event, byte for byte, with
 * the log; then that every recorded action was used, the final state hash, and the status and
 * result the header claims. Reports the first divergence, so a file passes only when nothing in
 * it but transport metadata (names, dates, ids) could have been edited.
 */
export function verifyReplay<S, A extends GameAction, E extends GameEvent, O>(
  game: Game<S, A, E, O>,
  replay: ReplayFile,
): VerifyReport {
  const report = reexecute(game, replay);
  if (report.ok || report.divergence.kind === 'invalid-file') return report;
  const recorded = replay.match.rulesetVersion;
  return recorded === game.version
    ? report
    : { ...report, message: `${report.message} ${rulesChanged(recorded, game.version)}` };
}

/**
 * A divergence in a match recorded under other rules than these: the rules may have changed
 * what an action does (a release says so by its rules version), not only an edit of the file.
 */
const rulesChanged = (recorded: string, current: string) =>
  `The match was recorded under rules version ${recorded} and re-executed under ${current}: ` +
  'a change of the rules between them may explain the difference.';

function reexecute<S, A extends GameAction, E extends GameEvent, O>(
  game: Game<S, A, E, O>,
  replay: ReplayFile,
): VerifyReport {
  const structural = checkStructure(game.name, replay);
  if (structural) return failure({ kind: 'invalid-file', message: structural });
  const options = game.parseOptions(replay.match.options, replay.match.seats.length);
  if (!options.ok) return failure({ kind: 'invalid-file', message: options.error.message });
  const config: MatchConfig<O> = {
    options: options.value,
    seats: replay.match.seats,
    seed: replay.match.seed as string,
  };
  const byVersion = groupByVersion(replay.events);
  const lastVersion = Math.max(0, ...byVersion.keys());
  const actions = new Map<number, ReplayAction>();
  for (const action of replay.actions) {
    // An action the log never reached, or a second one for a version, is not part of the match.
    if (action.version > lastVersion || actions.has(action.version)) {
      return failure({ kind: 'extra-action', version: action.version });
    }
    actions.set(action.version, action);
  }

  const started = startMatch(game, config);
  let match: MatchState<S, O> = started.match;
  const firstMismatch = compareSteps(1, byVersion.get(1) ?? [], started.resolution.steps);
  if (firstMismatch) return failure(firstMismatch);

  for (let version = 2; version <= lastVersion; version++) {
    const recorded = actions.get(version);
    if (!recorded) return failure({ kind: 'missing-action', version });
    const action = { type: recorded.type, payload: recorded.payload } as A;
    const applied = applyAction(game, match, recorded.seat, action, recorded.actionId);
    if (!applied.ok) {
      return failure({ kind: 'action-rejected', version, ...applied.error });
    }
    match = applied.value.match;
    const mismatch = compareSteps(
      version,
      byVersion.get(version) ?? [],
      applied.value.resolution.steps,
    );
    if (mismatch) return failure(mismatch);
  }

  const folded = stateHash(foldEvents(game, config, replay.events));
  const executed = stateHash(match.state);
  if (folded !== executed)
    return failure({ kind: 'state-hash', expected: folded, actual: executed });
  const expected = replay.match.finalStateHash as string;
  if (expected !== executed) return failure({ kind: 'state-hash', expected, actual: executed });
  const ruled = game.outcome(match.state);
  // Seats that conceded while the others played on are placed last (withConcessions).
  const conceded = replay.match.result?.conceded;
  const result = ruled && conceded ? withConcessions(ruled, conceded) : ruled;
  const actual: RecordedOutcome = { status: result ? 'over' : 'active', result };
  const claimed: RecordedOutcome = { status: replay.match.status, result: replay.match.result };
  const external = !result && claimed.status === 'over' && endedOutsideRules(claimed.result);
  if (!external && canonicalJson(claimed) !== canonicalJson(actual)) {
    return failure({ kind: 'outcome', expected: claimed, actual });
  }
  const ending = result ? 'rules' : external ? 'outside-rules' : 'none';
  const events = replay.events.length;
  return { ok: true, versions: lastVersion, events, stateHash: executed, ending };
}

function checkStructure(gameName: string, replay: ReplayFile): string | null {
  if (replay?.format !== REPLAY_FORMAT) return `Not a ${REPLAY_FORMAT} file.`;
  if (replay.formatVersion !== REPLAY_FORMAT_VERSION) {
    return `Unsupported replay format version ${replay.formatVersion}.`;
  }
  if (replay.match?.game !== gameName)
    return `The replay is of game "${replay.match?.game}", not "${gameName}".`;
  if (typeof replay.match.seed !== 'string') {
    return 'The replay has no seed: only full exports of finished matches can be re-executed.';
  }
  if (typeof replay.match.finalStateHash !== 'string') {
    return 'The replay has no final state hash to check the re-executed match against.';
  }
  if (!Array.isArray(replay.events) || !Array.isArray(replay.actions)) {
    return 'The replay needs "events" and "actions" arrays.';
  }
  return null;
}

function groupByVersion(events: readonly ReplayEvent[]): Map<number, ReplayEvent[]> {
  const groups = new Map<number, ReplayEvent[]>();
  for (const event of events) {
    const group = groups.get(event.version) ?? [];
    group.push(event);
    groups.set(event.version, group);
  }
  return groups;
}

/** The fields determinism covers: everything but transport metadata (ids, timestamps). */
const comparable = (step: StepEvent) => ({
  version: step.version,
  step: step.step,
  resolutionId: step.resolutionId,
  type: step.type,
  data: step.data,
  requiresAck: step.requiresAck,
});

function compareSteps(
  version: number,
  recorded: readonly ReplayEvent[],
  produced: readonly StepEvent[],
): Divergence | null {
  const count = Math.max(recorded.length, produced.length);
  for (let i = 0; i < count; i++) {
    const expected = recorded[i];
    const actual = produced[i];
    if (!expected) return { kind: 'extra-event', version, step: i + 1, actual };
    if (!actual) return { kind: 'missing-event', version, step: i + 1, expected };
    const want = comparable(expected);
    const got = comparable(actual);
    if (canonicalJson(want) !== canonicalJson(got)) {
      return { kind: 'event-mismatch', version, step: i + 1, expected: want, actual: got };
    }
  }
  return null;
}

function failure(divergence: Divergence): VerifyReport {
  return { ok: false, divergence, message: describeDivergence(divergence) };
}

export function describeDivergence(d: Divergence): string {
  switch (d.kind) {
    case 'action-rejected':
      return `Version ${d.version}: the recorded action was rejected (${d.code}: ${d.message}).`;
    case 'event-mismatch':
      return `Version ${d.version}, step ${d.step}: expected ${canonicalJson(d.expected)} but re-execution produced ${canonicalJson(d.actual)}.`;
    case 'missing-event':
      return `Version ${d.version}, step ${d.step}: the log has ${canonicalJson(d.expected)} but re-execution produced nothing.`;
    case 'extra-event':
      return `Version ${d.version}, step ${d.step}: re-execution produced ${canonicalJson(d.actual)}, missing from the log.`;
    case 'missing-action':
      return `Version ${d.version}: the log has events but no action that caused them.`;
    case 'extra-action':
      return `Version ${d.version}: an action the log has no events for (or a second one).`;
    case 'state-hash':
      return `Final state hash differs: expected ${d.expected}, got ${d.actual}.`;
    case 'outcome':
      return `The replay says the match is ${describeOutcome(d.expected)}, but re-executed it is ${describeOutcome(d.actual)}.`;
    case 'invalid-file':
      return d.message;
  }
}

function describeOutcome({ status, result }: RecordedOutcome): string {
  if (!result) return status === 'over' ? 'over without a result' : `${status}`;
  const standings = result.standings.map((s) => `seat ${s.seat} place ${s.place}`).join(', ');
  return `${status} (${standings}${result.reason ? `; ${result.reason}` : ''})`;
}
