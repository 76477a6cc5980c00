/**
 * The hidden-information oracle for Golf, built from the server's full, unprojected export: the
 * true state after every step, and from it what each viewer must not be told at that moment.
 * Independent of the server's projection code: it reads only the unprojected log and the rules'
 * fold (`evolve`), and judges each frame by what is face down, in the deck, or held unseen.
 */
import type { Viewer } from '@cardtable/engine';
import { golf, type Card, type GolfState } from '@cardtable/golf';
import type { ReplayFileBody } from '../../src/protocol.ts';

export interface Position {
  version: number;
  step: number;
}

export class GolfTruth {
  private readonly states = new Map<string, GolfState>();
  private readonly lastStep = new Map<number, number>();
  readonly seed: string;
  /** Every physical card of the shoe, by id. */
  readonly cards = new Map<number, Card>();

  constructor(replay: ReplayFileBody) {
    if (!replay.match.seed) throw new Error('The export carries no seed: it is not the full log.');
    this.seed = replay.match.seed;
    const options = golf.parseOptions(replay.match.options, replay.match.seats.length);
    if (!options.ok) throw new Error(options.error.message);
    let state = golf.initialState({
      options: options.value,
      seats: replay.match.seats,
      seed: replay.match.seed,
    });
    this.states.set(key(0, 0), state);
    this.lastStep.set(0, 0);
    for (const event of replay.events) {
      state = golf.evolve(state, { type: event.type, data: event.data } as never);
      this.states.set(key(event.version, event.step), state);
      this.lastStep.set(event.version, Math.max(this.lastStep.get(event.version) ?? 0, event.step));
      for (const card of cardsIn(state)) this.cards.set(card.id, card);
    }
  }

  /** The true state after step `step` of `version` (step 0: after the whole previous version). */
  stateAt({ version, step }: Position): GolfState {
    const exact = this.states.get(key(version, step));
    if (exact) return exact;
    const previous = this.lastStep.get(version - 1);
    const fallback =
      step === 0 && previous !== undefined && this.states.get(key(version - 1, previous));
    if (!fallback) throw new Error(`The log has no step ${version}.${step}.`);
    return fallback;
  }

  /** The end of a version: where a WELCOME or LEGAL for that version stands. */
  endOf(version: number): Position {
    return { version, step: this.lastStep.get(version) ?? 0 };
  }

  /** Ids of the cards `viewer` may not know in `state`: face down, in the deck, or held unseen. */
  secretIds(state: GolfState, viewer: Viewer): Set<number> {
    const secret = new Set<number>();
    for (const player of state.players) {
      for (const slot of player.hand) if (!slot.faceUp) secret.add(slot.card.id);
    }
    for (const card of state.deck) secret.add(card.id);
    const { phase } = state;
    if (phase.kind === 'turn' && phase.step.kind === 'holding' && phase.step.source === 'deck') {
      const holder = viewer.kind === 'seat' && viewer.seat === phase.seat;
      if (!holder) secret.add(phase.step.card.id);
    }
    return secret;
  }

  /** Everything in `frame` that `viewer` must not see at `position`; empty when it is clean. */
  leaks(frame: unknown, viewer: Viewer, position: Position): string[] {
    const found: string[] = [];
    if (JSON.stringify(frame).includes(this.seed)) found.push('the match seed');
    const secret = this.secretIds(this.stateAt(position), viewer);
    walk(frame, '', (value, path) => {
      if ('hidden' in value) {
        const extra = Object.keys(value).filter((k) => k !== 'hidden' && k !== 'deck');
        if (extra.length > 0) found.push(`${path}: a hidden card carries ${extra.join(', ')}`);
        return;
      }
      if (!('rank' in value) && !('suit' in value)) return;
      const id = value.id;
      if (typeof id !== 'number') {
        found.push(`${path}: a card face with no id`);
      } else if (secret.has(id)) {
        found.push(`${path}: card ${id} (${value.rank} ${value.suit}) is secret here`);
      } else {
        const truth = this.cards.get(id);
        if (truth && (truth.rank !== value.rank || truth.suit !== value.suit)) {
          found.push(`${path}: card ${id} shown as ${value.rank} ${value.suit}, which it is not`);
        }
      }
    });
    return found;
  }
}

const key = (version: number, step: number) => `${version}:${step}`;

function cardsIn(state: GolfState): Card[] {
  const cards = [...state.deck, ...state.discard];
  for (const player of state.players) for (const slot of player.hand) cards.push(slot.card);
  if (state.phase.kind === 'turn' && state.phase.step.kind === 'holding') {
    cards.push(state.phase.step.card);
  }
  return cards;
}

/** Calls `visit` on every object inside `value`, depth first, with its JSON path. */
function walk(
  value: unknown,
  path: string,
  visit: (object: Record<string, unknown>, path: string) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}/${index}`, visit));
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    visit(object, path);
    for (const [name, inner] of Object.entries(object)) walk(inner, `${path}/${name}`, visit);
  }
}
