/**
 * Two-player Golf as a Colyseus 0.16 room, the second anchor of `npm run bench:compare`: the
 * shape of `bgio-golf.ts` (rules in `golf-rules.ts`), written the way Colyseus 0.16 documents
 * hidden information: the state is a schema synced to every client, and the ranks nobody may
 * see yet are `view` fields, encoded only for a client whose `StateView` holds their object.
 * A card turned face up is added to every client's view, a card drawn from the deck to its
 * drawer's only; the deck itself never enters the state (its count does). A turn-based room
 * sends each move's patch at once (`patchRate` null and `broadcastPatch()` after the move)
 * instead of Colyseus's default 50 ms tick, as boardgame.io and Cardtable do.
 */
import { Room, type Client } from '@colyseus/core';
import { ArraySchema, defineTypes, Schema, StateView, view } from '@colyseus/schema';
import {
  freshDeckRanks,
  handScore,
  HOLES,
  isOpeningFlip,
  isSlot,
  SLOTS,
  type GolfMoveName,
} from './golf-rules.ts';

// Fields are `declare`d: a class field would shadow the accessors `defineTypes` installs.
// `defineTypes` ignores `view: true`, so view fields get the `@view()` decorator applied by hand.
class Slot extends Schema {
  declare faceUp: boolean;
  declare rank: number;
}
defineTypes(Slot, { faceUp: 'boolean', rank: 'uint8' });
view()(Slot.prototype, 'rank');

class Seat extends Schema {
  declare hand: ArraySchema<Slot>;
  declare flipped: boolean;
  declare total: number;
}
defineTypes(Seat, { hand: [Slot], flipped: 'boolean', total: 'uint16' });

/** The card the seat to move holds: `source` is public, the rank a view field. */
class Holding extends Schema {
  declare source: 'deck' | 'discard';
  declare rank: number;
}
defineTypes(Holding, { source: 'string', rank: 'uint8' });
view()(Holding.prototype, 'rank');

class GolfState extends Schema {
  /** 'waiting' (for the second seat), 'opening', 'play' or 'over'. */
  declare phase: 'waiting' | 'opening' | 'play' | 'over';
  declare hole: number;
  /** The seat whose turn it is in 'play'. */
  declare turn: number;
  declare seats: ArraySchema<Seat>;
  declare discard: ArraySchema<number>;
  declare deckCount: number;
  declare holding: Holding | undefined;
  /** The seat that turned its last card up (-1: none yet); the other plays one more turn. */
  declare wentOut: number;
  /** Accepted moves so far: what the load generator counts, like boardgame.io's state id. */
  declare moves: number;
}
defineTypes(GolfState, {
  phase: 'string',
  hole: 'uint8',
  turn: 'uint8',
  seats: [Seat],
  discard: ['uint8'],
  deckCount: 'uint8',
  holding: Holding,
  wentOut: 'int8',
  moves: 'uint32',
});

/** A schema object with its fields set. */
function make<T extends Schema>(Type: new () => T, fields: Partial<T>): T {
  return Object.assign(new Type(), fields);
}

function shuffle(ranks: number[]): number[] {
  for (let i = ranks.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ranks[i], ranks[j]] = [ranks[j] as number, ranks[i] as number];
  }
  return ranks;
}

export class ColyseusGolfRoom extends Room<GolfState> {
  override maxClients = 2;
  /** The deck's ranks, server-side only. */
  private deck: number[] = [];
  private readonly seatOf = new Map<string, number>();

  override onCreate(): void {
    this.state = make(GolfState, {
      phase: 'waiting',
      hole: 0,
      turn: 0,
      seats: new ArraySchema<Seat>(),
      discard: new ArraySchema<number>(),
      deckCount: 0,
      wentOut: -1,
      moves: 0,
    });
    this.setPatchRate(null);
    this.onMessage('initialFlip', (client, slots: unknown) =>
      this.play(client, 'initialFlip', slots),
    );
    this.onMessage('drawDeck', (client) => this.play(client, 'drawDeck'));
    this.onMessage('takeDiscard', (client) => this.play(client, 'takeDiscard'));
    this.onMessage('swap', (client, slot: unknown) => this.play(client, 'swap', slot));
    this.onMessage('discard', (client) => this.play(client, 'discard'));
  }

  override onJoin(client: Client): void {
    client.view = new StateView();
    this.seatOf.set(client.sessionId, this.seatOf.size);
    this.state.seats.push(make(Seat, { hand: new ArraySchema<Slot>(), flipped: false, total: 0 }));
    if (this.seatOf.size === 2) {
      void this.lock();
      this.deal();
      // No patch tick: the first seat hears of the deal only from this.
      this.broadcastPatch();
    }
  }

  /** A move: applied and its patch sent at once, or ignored (like boardgame.io's INVALID_MOVE). */
  private play(client: Client, move: GolfMoveName, arg?: unknown): void {
    const seat = this.seatOf.get(client.sessionId);
    if (seat === undefined || !this.apply(seat, move, arg)) return;
    this.state.moves++;
    this.broadcastPatch();
  }

  private apply(seat: number, move: GolfMoveName, arg: unknown): boolean {
    const state = this.state;
    const me = state.seats[seat];
    if (!me) return false;
    if (move === 'initialFlip') {
      if (state.phase !== 'opening' || me.flipped || !isOpeningFlip(arg)) return false;
      for (const slot of arg) this.turnUp(me.hand[slot] as Slot);
      me.flipped = true;
      if (state.seats.every((s) => s.flipped)) state.phase = 'play';
      return true;
    }
    if (state.phase !== 'play' || state.turn !== seat) return false;
    const holding = state.holding;
    if (move === 'drawDeck' || move === 'takeDiscard') {
      if (holding || (move === 'takeDiscard' && state.discard.length === 0)) return false;
      const rank = move === 'drawDeck' ? this.draw() : (state.discard.pop() as number);
      const held = make(Holding, { source: move === 'drawDeck' ? 'deck' : 'discard', rank });
      state.holding = held;
      // A card from the deck is seen by its drawer only; the discard's top was seen by all.
      for (const client of this.clients) {
        if (held.source === 'discard' || this.seatOf.get(client.sessionId) === seat)
          client.view?.add(held);
      }
      return true;
    }
    if (!holding) return false;
    if (move === 'swap') {
      if (!isSlot(arg)) return false;
      const slot = me.hand[arg] as Slot;
      state.discard.push(slot.rank);
      slot.rank = holding.rank;
      this.turnUp(slot);
    } else {
      if (holding.source !== 'deck') return false;
      state.discard.push(holding.rank);
    }
    this.endTurn(seat);
    return true;
  }

  private turnUp(slot: Slot): void {
    slot.faceUp = true;
    for (const client of this.clients) client.view?.add(slot);
  }

  private draw(): number {
    if (this.deck.length === 0) {
      const top = this.state.discard.pop() as number;
      this.deck = shuffle([...this.state.discard]);
      this.state.discard.clear();
      this.state.discard.push(top);
    }
    const rank = this.deck.pop() as number;
    this.state.deckCount = this.deck.length;
    return rank;
  }

  /** After a swap or a discard: the hole may end, else the turn passes. */
  private endTurn(seat: number): void {
    const state = this.state;
    state.holding = undefined;
    const me = state.seats[seat];
    if (state.wentOut === -1 && me?.hand.every((slot) => slot.faceUp)) state.wentOut = seat;
    const next = (seat + 1) % state.seats.length;
    if (state.wentOut !== -1 && next === state.wentOut) {
      for (const s of state.seats) s.total += handScore(s.hand.map((slot) => slot.rank));
      state.hole++;
      if (state.hole >= HOLES) state.phase = 'over';
      else this.deal();
      return;
    }
    state.turn = next;
  }

  /** A new hole: fresh face-down hands (in nobody's view), a discard, the opening flips. */
  private deal(): void {
    const state = this.state;
    this.deck = freshDeckRanks(shuffle);
    for (const seat of state.seats) {
      seat.hand = new ArraySchema<Slot>(
        ...this.deck.splice(0, SLOTS).map((rank) => make(Slot, { faceUp: false, rank })),
      );
      seat.flipped = false;
    }
    state.discard.clear();
    state.discard.push(this.deck.pop() as number);
    state.deckCount = this.deck.length;
    state.holding = undefined;
    state.wentOut = -1;
    state.turn = state.hole % state.seats.length;
    state.phase = 'opening';
  }
}
