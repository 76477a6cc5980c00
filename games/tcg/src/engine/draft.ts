import type { Seat } from '@cardtable/engine';
import { cardAdded, cardRemoved, cardsCopied } from './attachments.ts';
import { copyState, type CardInstance, type PlayerState, type TcgState } from './state.ts';

/**
 * Copy-on-write access to a state for `evolve`: the first write to a part copies that part
 * (and only it), so every state a match passes through stays intact and shares the rest.
 */
export class Draft {
  readonly s: TcgState;
  /** The handles of the cards copied (written) so far; null until the cards record is copied. */
  private cardCopies: Set<string> | null = null;
  /**
   * By seat, the zones copied of each player copied so far (a player copy starts with none: a
   * few names, so a list); null until the players list is copied.
   */
  private playerCopies: (string[] | undefined)[] | null = null;

  /**
   * `previous`: the draft that made `state` (its last state), when nobody else holds that
   * state: the parts it copied are this draft's too, so they are not copied again.
   */
  constructor(state: TcgState, previous: Draft | null = null) {
    this.s = copyState(state);
    if (previous && state.cards === previous.s.cards) this.cardCopies = previous.cardCopies;
    if (previous && state.players === previous.s.players) this.playerCopies = previous.playerCopies;
  }

  /**
   * A draft that writes `state`'s cards record in place instead of copying it (its card objects
   * are still copied before a write): for a record nobody else holds or will read again (a CPU
   * guess's last playout).
   */
  static owningCards(state: TcgState): Draft {
    const draft = new Draft(state);
    draft.cardCopies = new Set();
    return draft;
  }

  /** Adds a card (a new handle: the end of the record's order), complete with its attachment. */
  addCard(card: CardInstance): void {
    const cards = this.record();
    cards[card.handle] = card;
    this.cardCopies!.add(card.handle);
    cardAdded(cards, card);
  }

  /** Removes a card; returns it. */
  removeCard(handle: string): CardInstance {
    const cards = this.record();
    const card = cards[handle];
    if (!card) throw new Error(`evolve: no card ${handle}`);
    delete cards[handle];
    cardRemoved(cards, card);
    return card;
  }

  /**
   * A card, to write its fields to. Not its attachment (`attachedTo`): that is set only as a
   * card arrives (`addCard`), which the attachment index relies on (see `attachedByUnit`).
   */
  card(handle: string): CardInstance {
    const cards = this.record();
    if (!this.cardCopies!.has(handle)) {
      const card = cards[handle];
      if (!card) throw new Error(`evolve: no card ${handle}`);
      cards[handle] = copyCard(card);
      this.cardCopies!.add(handle);
    }
    return cards[handle]!;
  }

  /** The cards record, copied on first use; the copy starts with the same attachment index. */
  private record(): Record<string, CardInstance> {
    if (this.cardCopies === null) {
      const original = this.s.cards;
      this.s.cards = copyRecord(original);
      cardsCopied(original, this.s.cards);
      this.cardCopies = new Set();
    }
    return this.s.cards;
  }

  player(seat: Seat): PlayerState {
    this.copiedZones(seat);
    return this.s.players[seat]!;
  }

  zone(seat: Seat, zone: string): string[] {
    const copied = this.copiedZones(seat);
    const zones = this.s.players[seat]!.zones;
    if (!copied.includes(zone)) {
      zones[zone] = [...(zones[zone] ?? [])];
      copied.push(zone);
    }
    return zones[zone]!;
  }

  /** Copies the players list and `seat`'s player (with its zones record) on first use; the zones copied since. */
  private copiedZones(seat: Seat): string[] {
    if (this.playerCopies === null) {
      this.s.players = [...this.s.players];
      this.playerCopies = [];
    }
    let copied = this.playerCopies[seat];
    if (!copied) {
      const player = this.s.players[seat]!;
      this.s.players[seat] = copyPlayer(player);
      this.playerCopies[seat] = copied = [];
    }
    return copied;
  }
}

/**
 * A card to write, field by field (not `{ ...card }`): card objects come from arrivals, the
 * CPU's guesses (a view's card without its stats) and earlier copies, and the spread met their
 * hidden classes all (V8's generic copy). A battler's `conditions` and `under` only when present.
 */
function copyCard(card: CardInstance): CardInstance {
  const copy: CardInstance = {
    handle: card.handle,
    defId: card.defId,
    owner: card.owner,
    controller: card.controller,
    zone: card.zone,
    playOrder: card.playOrder,
    damage: card.damage,
    attacks: card.attacks,
    enteredTurn: card.enteredTurn,
    doomed: card.doomed,
    attachedTo: card.attachedTo,
  };
  if (card.conditions !== undefined) copy.conditions = card.conditions;
  if (card.under !== undefined) copy.under = card.under;
  return copy;
}

/**
 * A player with a copy of its zones record, field by field (not `{ ...player, zones: { ...zones } }`):
 * players and zone records come from setup, the CPU's guesses and earlier copies, and the
 * spreads met seven hidden classes (V8's generic copy); these make one per ruleset.
 */
function copyPlayer(player: PlayerState): PlayerState {
  const zones: Record<string, string[]> = {};
  const names = Object.keys(player.zones);
  for (let i = 0; i < names.length; i++) zones[names[i]!] = player.zones[names[i]!]!;
  return {
    seat: player.seat,
    life: player.life,
    resource: player.resource,
    zones,
    fatigue: player.fatigue,
    strikes: player.strikes,
    lost: player.lost,
    decklist: player.decklist,
  };
}

/**
 * An empty record keyed by card handles, made as a dictionary: an object without a prototype.
 * Not a plain `{}`: V8 builds a plain object's keys as a chain of hidden classes, one per key
 * added, and handles are random and churn (a move deletes one handle and adds another), so
 * every record built key by key made new hidden classes for the collector, and a record's first
 * delete turned it into a dictionary anyway. `Object.create(null)` is a dictionary from the start
 * (a copy of 42 handles 1.5-2x faster, of 80 about the same, in a scratch micro-benchmark). Its
 * keys' order (insertion order), `in`, `Object.keys`/`values`/`entries` and JSON are a plain
 * object's; no handle is a name on `Object.prototype`.
 */
export function handleRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A copy of a cards record, key by key in its order (not `{ ...cards }`: see `handleRecord`). */
export function copyRecord<T>(cards: Readonly<Record<string, T>>): Record<string, T> {
  const copy = handleRecord<T>();
  const handles = Object.keys(cards);
  for (let i = 0; i < handles.length; i++) copy[handles[i]!] = cards[handles[i]!]!;
  return copy;
}
