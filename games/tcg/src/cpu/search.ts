import {
  createRng,
  type DecideContext,
  type OpaqueIds,
  type Rng,
  type Seat,
} from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import type { TcgAction } from '../engine/actions.ts';
import { CommandLine } from '../engine/decide.ts';
import { keepHandle } from '../engine/handles.ts';
import { activeSeats, legalActions } from '../engine/legal.ts';
import type { ScriptHost } from '../engine/scripts.ts';
import type { TcgState } from '../engine/state.ts';
import type { TcgView } from '../engine/view.ts';
import { dealer } from './determinize.ts';
import { plannedBattlerMove } from './battler-playout.ts';
import { evaluate } from './evaluate.ts';

/** How hard a CPU thinks: its iteration budget, how far it looks, how much it blunders. */
export interface CpuProfile {
  /** Determinised playouts per decision, shared out over the candidate actions. */
  iterations: number;
  /**
   * Where a playout stops and is scored. `settle`: once control is back with the CPU (after a
   * play, its own turn; after ending its turn, the opponent's turn start). `endOfTurn`: at the
   * end of its turn, played out by the policy. `handOver`: the candidate, then its turn ended at
   * once, so a play and ending the turn now are both scored at the opponent's turn start (under
   * `settle` ending the turn alone paid for the opponent's draw and resources, so it looked worse
   * than any play at all).
   */
  horizon: 'settle' | 'endOfTurn' | 'handOver';
  /** Most actions one playout runs before it is scored. */
  playoutActions: number;
  /** Random noise added to each average score (0: always the best it found). */
  noise: number;
  /**
   * Successive halving: after an eighth of the rounds only the better half of the candidates
   * (by average score so far) play on, after half the rounds left the better half of those,
   * and so on; a lone survivor is chosen at once. The playouts go where the choice is still open.
   */
  halving?: boolean;
  /**
   * Battlers: plays its own turn out with a plan (`battler-playout.ts`) rather than at random,
   * and scores the next turn's knock-out threats too (`battler-threats.ts`).
   */
  foresight?: boolean;
  /** What changes on a battler ruleset (a battler turn is many small moves before one attack). */
  battler?: Partial<CpuProfile>;
}

export const CPU_PROFILES: Readonly<Record<string, CpuProfile>> = {
  easy: { iterations: 12, horizon: 'settle', playoutActions: 8, noise: 3 },
  hard: {
    // 64, not 96: a `handOver` playout of a play runs one more command (the turn's end and the
    // opponent's turn start), and the demo's 1,000-match hard batch must stay under 2 minutes.
    // Hard still beat easy more often than at 96 with `settle` (docs/benchmarks.md).
    iterations: 64,
    horizon: 'handOver',
    playoutActions: 12,
    noise: 0,
    halving: true,
    battler: { iterations: 48, horizon: 'endOfTurn', foresight: true },
  },
};

export interface SearchInput {
  view: TcgView;
  legal: readonly TcgAction[];
  seat: Seat;
  profile: CpuProfile;
  rng: Rng;
  content: Content;
  scripts: ScriptHost | null;
}

/**
 * Information-set Monte Carlo over the legal actions: each iteration deals one guess at the
 * hidden cards (shared by every candidate, so they are compared on the same guess), plays the
 * candidate, lets a quick policy play on to the horizon and scores the position.
 */
export function search({
  view,
  legal,
  seat,
  rng,
  content,
  scripts,
  profile: chosen,
}: SearchInput): TcgAction {
  if (legal.length === 1) return legal[0]!;
  const profile = content.ruleset.battler ? { ...chosen, ...chosen.battler } : chosen;
  const rounds = Math.max(1, Math.floor(profile.iterations / legal.length));
  let halvedAt = profile.halving ? Math.ceil(rounds / 8) : rounds;
  const totals = legal.map(() => 0);
  let alive = legal.map((_, i) => i);
  const deal = dealer(view, content);
  for (let round = 0; round < rounds; round++) {
    if (round === halvedAt) {
      alive = betterHalf(alive, totals);
      halvedAt = profile.halving ? round + Math.ceil((rounds - round) / 2) : rounds;
    }
    if (alive.length === 1) break;
    const guess = deal(rng);
    const seed = `cpu${rng.nextU32()}`;
    for (const i of alive)
      totals[i]! += playout(
        guess,
        // The round's last playout may write the guess's cards record: nothing reads it after.
        i === alive.at(-1),
        legal[i]!,
        seat,
        profile,
        content,
        scripts,
        createRng(seed, i),
        playoutHandles(),
        seed,
      );
  }
  let best = alive[0]!;
  let bestScore = -Infinity;
  for (const i of alive) {
    // The survivors played the same rounds: their totals compare as their averages do.
    const score = totals[i]! / rounds + (profile.noise > 0 ? rng.float() * profile.noise : 0);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return legal[best]!;
}

/** The better half of the candidates (rounded up) by total score, in their order; ties to the first. */
function betterHalf(alive: readonly number[], totals: readonly number[]): number[] {
  const ranked = [...alive].sort((a, b) => totals[b]! - totals[a]! || a - b);
  const kept = new Set(ranked.slice(0, Math.ceil(alive.length / 2)));
  return alive.filter((i) => kept.has(i));
}

function playout(
  start: TcgState,
  last: boolean,
  first: TcgAction,
  seat: Seat,
  profile: CpuProfile,
  content: Content,
  scripts: ScriptHost | null,
  rng: Rng,
  handles: OpaqueIds,
  seed: string,
): number {
  // Each command's version (1, 2, ...) keys its draws. No closures made per playout: under tsx
  // (esbuild's `keepNames`) each closure made is also renamed with a `defineProperty` call.
  let version = 0;
  const line = new CommandLine(content, scripts, last ? start : null);
  let state = playoutCommand(line, start, seat, first, playoutContext(seed, ++version, handles));
  if (!state) return -Infinity;
  const turn = start.turn;
  for (let i = 0; i < profile.playoutActions && !state.outcome; i++) {
    const [actor] = activeSeats(state);
    if (actor === undefined || done(state, seat, turn, profile)) break;
    const action = handsOver(state, seat, turn, profile)
      ? END_TURN
      : policy(state, content, actor, rng, profile);
    if (!action) break;
    const next = playoutCommand(
      line,
      state,
      actor,
      action,
      playoutContext(seed, ++version, handles),
    );
    if (!next) break;
    state = next;
  }
  return evaluate(state, content, seat, profile.foresight);
}

/** A command of a playout: the state after it, or null when it was refused. */
function playoutCommand(
  line: CommandLine,
  state: TcgState,
  actor: Seat,
  action: TcgAction,
  context: DecideContext,
): TcgState | null {
  const result = line.decide(state, actor, action, context);
  return result.ok ? result.value : null;
}

/**
 * A playout command's randomness: the game's draws keyed as a match's are (seed, version, step),
 * but its card handles come from `handles` (`playoutHandles`), not the match's keyed hash
 * (`decideContext`). A playout's handles never leave the CPU, so they need be unique within it
 * only (`newHandle` checks that), not unguessable; an HMAC per handle was about a tenth of a
 * Spiritbound batch. Methods, not arrows: see `decideContext`.
 */
function playoutContext(seed: string, version: number, handles: OpaqueIds): DecideContext {
  return {
    version,
    rng(step) {
      return createRng(seed, version, step);
    },
    opaqueIds() {
      return handles;
    },
  };
}

/**
 * A playout's handles: the shape a match mints (16 hex digits), the same list for every
 * playout, taken in order (a playout never mints one twice; `newHandle` still skips one the
 * guess holds). They were drawn from a generator of each playout's own, and every one was a new
 * string that V8 copies into its string table (old space) the first time it keys the cards
 * record: 4-6% of an easy batch, with the collections it cost. These are made once, already
 * interned. What a handle's digits are never mattered to a playout (no rule orders by handle).
 */
function playoutHandles(): OpaqueIds {
  let index = 0;
  return {
    next() {
      return playoutHandle(index++);
    },
  };
}

const PLAYOUT_HANDLES: string[] = [];
const handleDigits = createRng('cardtable/playout-handles');

/** The `index`th playout handle's digits: made (and their handle kept) as the longest playout needs them. */
function playoutHandle(index: number): string {
  while (PLAYOUT_HANDLES.length <= index) {
    const digits = hex8(handleDigits.nextU32()) + hex8(handleDigits.nextU32());
    keepHandle(digits);
    PLAYOUT_HANDLES.push(digits);
  }
  return PLAYOUT_HANDLES[index]!;
}

/** Two hex digits for each byte value. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * `n.toString(16).padStart(8, '0')` for an unsigned 32-bit `n`, from a table: the same digits
 * (so the same playouts) at a quarter to a fifth of the cost in a scratch micro-benchmark
 * (number-to-radix conversion and padding were most of a playout handle, minted for every card
 * that moves: 3-5% of an easy batch).
 */
export const hex8 = (n: number) =>
  HEX_BYTES[n >>> 24]! +
  HEX_BYTES[(n >>> 16) & 255]! +
  HEX_BYTES[(n >>> 8) & 255]! +
  HEX_BYTES[n & 255]!;

const quiet = (state: TcgState) => state.pending === null && state.priority === null;

function done(state: TcgState, seat: Seat, turn: number, profile: CpuProfile): boolean {
  if (profile.horizon === 'settle')
    return (
      quiet(state) &&
      (state.active !== seat || state.turn !== turn || activeSeats(state)[0] === seat)
    );
  return quiet(state) && (state.turn !== turn || state.active !== seat);
}

const END_TURN: TcgAction = { type: 'endTurn', payload: {} };

/**
 * Whether a `handOver` playout ends the CPU's turn now: its candidate has settled and the turn
 * it was chosen in is still its own (a quiet main phase, where ending the turn is always legal).
 */
function handsOver(state: TcgState, seat: Seat, turn: number, profile: CpuProfile): boolean {
  return (
    profile.horizon === 'handOver' &&
    quiet(state) &&
    state.status === 'playing' &&
    state.active === seat &&
    state.turn === turn
  );
}

/**
 * The playout policy: cheap and a little greedy. The other player answers and passes; the
 * acting player mostly attacks or plays something, and ends the turn now and then.
 */
function policy(
  state: TcgState,
  content: Content,
  actor: Seat,
  rng: Rng,
  profile: CpuProfile,
): TcgAction | null {
  const legal = legalActions(state, content, actor);
  // A guessed hidden state can leave a seat without a legal move (a setup with no basic).
  if (legal.length === 0) return null;
  if (content.ruleset.battler && !state.pending && state.status === 'playing')
    return profile.foresight
      ? plannedBattlerMove(state, content, actor, legal)
      : battlerPolicy(legal, rng);
  if (state.pending || state.status === 'mulligan') return legal[rng.int(0, legal.length - 1)]!;
  if (state.priority) return rng.float() < 0.85 ? legal[0]! : legal[rng.int(0, legal.length - 1)]!;
  const attacks = legal.filter((a) => a.type === 'attack');
  const plays = legal.filter(
    (a) => a.type === 'play' || a.type === 'attach' || a.type === 'activate',
  );
  const roll = rng.float();
  if (plays.length && roll < 0.55) return plays[rng.int(0, plays.length - 1)]!;
  if (attacks.length && roll < 0.9) return attacks[rng.int(0, attacks.length - 1)]!;
  return legal.find((a) => a.type === 'endTurn') ?? legal[0]!;
}

/**
 * The battler's playout policy: an attack ends the turn, so develop first (evolve, attach,
 * play), then attack with the active creature's strongest-looking (last listed) attack.
 */
function battlerPolicy(legal: readonly TcgAction[], rng: Rng): TcgAction {
  const evolve = legal.filter((a) => a.type === 'evolve');
  if (evolve.length) return evolve[rng.int(0, evolve.length - 1)]!;
  const develop = legal.filter((a) => a.type === 'attach' || a.type === 'play');
  const attacks = legal.filter((a) => a.type === 'useAttack');
  const roll = rng.float();
  if (develop.length && roll < 0.6) return develop[rng.int(0, develop.length - 1)]!;
  if (attacks.length)
    return roll < 0.8 ? attacks.at(-1)! : attacks[rng.int(0, attacks.length - 1)]!;
  return legal.find((a) => a.type === 'endTurn') ?? legal[0]!;
}
