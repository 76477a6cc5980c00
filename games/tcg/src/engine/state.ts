import type { Outcome, Seat } from '@cardtable/engine';
import type { Duration, Effect } from '../content/ast.ts';

/** A card or a hero, as effects and selectors address it: a card handle or `hero:<seat>`. */
export type ObjectId = string;
export const heroId = (seat: Seat): ObjectId => `hero:${seat}`;
export const heroSeat = (id: ObjectId): Seat | null =>
  id.startsWith('hero:') ? Number(id.slice(5)) : null;

/** Where a card is: a ruleset zone, the stack, or attached to a unit as energy. */
export const STACK = 'stack';
export const ATTACHED = 'attached';

/**
 * One card in play. Its `handle` is the opaque id clients see; a new one is issued on every
 * zone change, so nobody can follow a card through a hidden zone.
 */
export interface CardInstance {
  handle: string;
  defId: string;
  owner: Seat;
  controller: Seat;
  zone: string;
  /** Increases each time any card enters a zone: the order-of-play key for ties. */
  playOrder: number;
  damage: number;
  attacks: number;
  enteredTurn: number;
  /** Marked for destruction (poison, destroy); dies at the next state check. */
  doomed: boolean;
  /** The unit an energy card is attached to. */
  attachedTo: string | null;
  /** Battler: special conditions on the creature (absent when none). */
  conditions?: string[];
  /** Battler: a card under an evolved creature (set on the attached card). */
  under?: boolean;
}

export type ModifierEffect =
  | { stat: 'attack' | 'health'; op: 'add' | 'set'; value: number }
  | { grant: string }
  | { revoke: string };

/** A stored continuous effect from `modify`/`grant` (statics are recomputed, never stored). */
export interface Modifier {
  id: number;
  target: string;
  effect: ModifierEffect;
  duration: Duration;
  /** The controller of the effect that made it: "until your next turn" counts from them. */
  controller: Seat;
}

export type StackItem =
  | { id: number; kind: 'card'; controller: Seat; card: string; targets: Record<string, string[]> }
  | { id: number; kind: 'attack'; controller: Seat; attacker: string; target: ObjectId };

export interface PlayerState {
  seat: Seat;
  life: number;
  /** Pool model: mana now and its maximum. Attached model: attachments left this turn. */
  resource: { current: number; max: number };
  /** Handles by zone id, in order; a deck's top card is its last. */
  zones: Record<string, string[]>;
  fatigue: number;
  /** Consecutive turns ended by the clock. */
  strikes: number;
  lost: string | null;
  /** The deck list, public at the table (it is part of the match options). */
  decklist: Record<string, number>;
}

export type DecisionKind =
  'chooseTargets' | 'chooseOption' | 'confirm' | 'block' | 'discard' | 'promote';

/** A choice a player owes before the game can go on: all data, so it survives restarts. */
export interface Decision {
  id: string;
  player: Seat;
  kind: DecisionKind;
  /** A message key and its parameters; the UI words it. */
  prompt: { key: string; params: Record<string, string | number> };
  /** What may be picked: object ids, or option indexes ("0", "1"), or "yes"/"no". */
  candidates: string[];
  /** Labels for chooseOption candidates, in order. */
  labels?: string[];
  min: number;
  max: number;
  source: { handle: string; defId: string; abilityId: string } | null;
  /** Answered when the clock runs out; fixed when the decision is made, never sent. */
  defaultPicks: string[];
}

/** What happens to the answer of a decision: where the paused frame continues. */
export type Awaiting =
  | { kind: 'targets'; index: number; id: string }
  | { kind: 'bind'; id: string }
  | { kind: 'option'; options: { label: string; effects: Effect[] }[] }
  | { kind: 'may'; effects: Effect[] }
  | { kind: 'optional' }
  /** A chosen pick inside an effect: the answer is stored and the effect runs again. */
  | { kind: 'pick' };

export interface SourceInfo {
  handle: string;
  defId: string;
  controller: Seat;
  owner: Seat;
}

export type AbilityRef = { card: string; ability: string } | { keyword: string; ability: string };

/** The event a trigger answered, for `$event.*` and `{event: amount}`. */
export interface EventInfo {
  on: string;
  subject: ObjectId | null;
  source: ObjectId | null;
  player: Seat | null;
  amount: number;
}

export interface Cursor {
  nodes: Effect[];
  index: number;
  /** Further passes over `nodes` still to run (repeat). */
  repeat: number;
  /** forEach: the variable and the objects still to visit. */
  each: { as: string; items: ObjectId[] } | null;
}

/** A running ability: its program counter is data (cursors), never a closure. */
export interface Frame {
  id: string;
  ability: AbilityRef;
  source: SourceInfo;
  controller: Seat;
  bindings: Record<string, ObjectId[]>;
  event: EventInfo | null;
  /** confirm (optional triggers) → targets (bound one by one) → run (the effects). */
  stage:
    { kind: 'confirm' } | { kind: 'targets'; index: number } | { kind: 'run'; loaded: boolean };
  cursors: Cursor[];
  awaiting: Awaiting | null;
  /** The answer to a `pick` decision, consumed when the effect runs again. */
  chosen: ObjectId[] | null;
  /** Coins this ability flipped (battler `flip`), absent before its first flip. */
  heads?: number;
}

export type Task =
  | { kind: 'ability'; frame: Frame }
  /** Moves through the turn's phases; `endTurn` skips the main phases left this turn. */
  | { kind: 'advance'; endTurn: boolean; step: number | null }
  | {
      kind: 'combat';
      stage: 'block' | 'damage';
      attacker: string;
      target: ObjectId;
      awaiting: boolean;
    }
  | { kind: 'finishSpell'; card: string }
  /** Battler: a player whose active creature was knocked out picks a new one from the bench. */
  | { kind: 'promote'; player: Seat; picks: string[] | null }
  | { kind: 'resolveTop' };

export interface QueuedTrigger {
  ability: AbilityRef;
  source: SourceInfo;
  event: EventInfo;
  order: [number, number, number];
}

/** The interpreter's work when it paused for a decision. Server-only. */
export interface Continuation {
  work: Task[];
  queue: QueuedTrigger[];
  /** Triggers raised by the paused frame, not yet ordered into the queue. */
  batch: QueuedTrigger[];
}

/**
 * A copy of paused work to resume and change (`answer` runs its frames on, which moves their
 * cursors and writes their bindings), instead of a `structuredClone`: effect lists (a cursor's
 * `nodes`, an awaited option's or `may`'s `effects`) are shared, as running frames share them
 * with the content (no step writes an effect), and everything else is copied: plain objects and
 * arrays all the way down, as the continuation's JSON has them. (Two `structuredClone`s per
 * decision, of the paused frames with their effect trees, were 3.5% of a demo batch.)
 */
export function resumable(paused: Continuation): Continuation {
  return copyPaused(paused, '') as Continuation;
}

const SHARED_EFFECT_LISTS = new Set(['nodes', 'effects']);

/**
 * `value` copied, unless `key` names an effect list. A frame's `bindings` are keyed by the
 * content's own target names (one may be called `effects`), so they are copied whole.
 */
function copyPaused(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (SHARED_EFFECT_LISTS.has(key)) return value;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) items[i] = copyPaused(value[i], '');
    return items;
  }
  const copy: Record<string, unknown> = {};
  const fields = Object.keys(value);
  for (let i = 0; i < fields.length; i++) {
    const field = value[fields[i]! as keyof typeof value] as unknown;
    // A binding's name is not a field: its list is copied (as a list, under no name).
    copy[fields[i]!] = copyPaused(field, key === 'bindings' ? '' : fields[i]!);
  }
  return copy;
}

export interface Pending {
  decision: Decision;
  continuation: Continuation;
}

export interface TurnHistory {
  cardsPlayedThisTurn: [number, number];
  spellsCastThisTurn: [number, number];
  unitsDiedThisTurn: [number, number];
}

export type Status = 'setup' | 'mulligan' | 'playing' | 'over';

export interface TcgState {
  content: { id: string; version: string; hash: string };
  status: Status;
  mulligan: Seat[];
  firstPlayer: Seat;
  turn: number;
  active: Seat;
  /** Index into the ruleset's phases. */
  phase: number;
  players: PlayerState[];
  cards: Record<string, CardInstance>;
  modifiers: Modifier[];
  stack: StackItem[];
  priority: { holder: Seat; otherPassed: boolean } | null;
  pending: Pending | null;
  history: TurnHistory;
  /** Uses this turn of limited abilities, by `<handle>/<ability id>`. */
  abilityUses: Record<string, number>;
  seq: number;
  outcome: Outcome | null;
  /** Battler rulesets only (absent otherwise, so other games' states are unchanged). */
  battler?: BattlerState;
}

/** The battler's own bookkeeping. */
export interface BattlerState {
  /** Each player's active creature (a board handle), null while there is none. */
  active: [string | null, string | null];
  /** Setup choices kept until both players have chosen (server-only in views). */
  setup: [{ active: string; bench: string[] } | null, { active: string; bench: string[] } | null];
  /** What the active player did this turn: `retreat`, `energy`, `type:<card type>` counts. */
  turnCounts: Record<string, number>;
  /** Turns each player has started (for "not on your first turn"). */
  turnsTaken: [number, number];
}

export const opponentOf = (seat: Seat): Seat => (seat === 0 ? 1 : 0);

/**
 * A shallow copy of a state (a draft's start, and the state after each event), field by field
 * in the order `setup` and the CPU's guesses make them, `battler` only where there is one. Not
 * `{ ...state }`: states come from several literals and drafts (setup, a guess, the copies, with
 * their fields' representations generalized as they fill), so the spread in the runner met
 * eight hidden classes and took V8's generic (megamorphic) copy, 5% of a demo batch; this copy
 * makes one hidden class per game kind. A field added to `TcgState` must be added here (the
 * compiler asks for every required one).
 */
export function copyState(s: TcgState): TcgState {
  const copy: TcgState = {
    content: s.content,
    status: s.status,
    mulligan: s.mulligan,
    firstPlayer: s.firstPlayer,
    turn: s.turn,
    active: s.active,
    phase: s.phase,
    players: s.players,
    cards: s.cards,
    modifiers: s.modifiers,
    stack: s.stack,
    priority: s.priority,
    pending: s.pending,
    history: s.history,
    abilityUses: s.abilityUses,
    seq: s.seq,
    outcome: s.outcome,
  };
  if (s.battler !== undefined) copy.battler = s.battler;
  return copy;
}

/** The card an ability belongs to (a token's: its card), whose tokens `#name` names. */
export function baseCardId(frame: Frame): string {
  const ref = frame.ability;
  const id = 'card' in ref ? ref.card : frame.source.defId;
  return id.split('#')[0]!;
}
