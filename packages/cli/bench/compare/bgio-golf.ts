/**
 * Two-player six-card Golf as a boardgame.io 0.50 game, the anchor of `npm run bench:compare`:
 * the same shape as Cardtable's Golf at its defaults (one deck, six cards each, two opening
 * flips played by both seats at once, draw from the deck or take the discard, then swap into a
 * slot or discard, a hole ends a turn after someone has every card face up, nine holes), with
 * every card a seat may not see stripped by `playerView`.
 */
import type { Ctx, FnContext, Game } from 'boardgame.io';
import { INVALID_MOVE, TurnOrder } from 'boardgame.io/core';
import {
  freshDeckRanks,
  handScore,
  HOLES,
  isOpeningFlip,
  isSlot,
  legalGolfMoves,
  SLOTS,
  type GolfMove,
} from './golf-rules.ts';

export interface GolfCard {
  rank: number;
}

/** What a viewer gets of a card it may not know. */
export interface HiddenGolfCard {
  hidden: true;
}

export interface GolfSlot {
  card: GolfCard | HiddenGolfCard;
  faceUp: boolean;
}

export interface BgioGolfState {
  hole: number;
  holes: number;
  deck: (GolfCard | HiddenGolfCard)[];
  discard: GolfCard[];
  hands: Record<string, GolfSlot[]>;
  flipped: Record<string, boolean>;
  holding: { card: GolfCard | HiddenGolfCard; source: 'deck' | 'discard' } | null;
  /** The seat that turned its last card up; the other plays one more turn. */
  wentOut: string | null;
  totals: Record<string, number>;
}

type Move = FnContext<BgioGolfState> & { playerID: string };

function freshDeck(random: Move['random']): GolfCard[] {
  return freshDeckRanks((ranks) => random.Shuffle(ranks)).map((rank) => ({ rank }));
}

function deal(G: BgioGolfState, random: Move['random'], players: string[]): void {
  const deck = freshDeck(random);
  for (const player of players) {
    G.hands[player] = deck.splice(0, SLOTS).map((card) => ({ card, faceUp: false }));
    G.flipped[player] = false;
  }
  G.discard = [deck.pop() as GolfCard];
  G.deck = deck;
  G.holding = null;
  G.wentOut = null;
}

const ranksOf = (hand: GolfSlot[]) => hand.map((slot) => (slot.card as GolfCard).rank);

function draw(G: BgioGolfState, random: Move['random']): GolfCard {
  if (G.deck.length === 0) {
    const top = G.discard.pop() as GolfCard;
    G.deck = random.Shuffle(G.discard);
    G.discard = [top];
  }
  return G.deck.pop() as GolfCard;
}

/** After a swap or a discard: the hole may end, else the turn passes. */
function endTurn({ G, ctx, events, random, playerID }: Move): void {
  G.holding = null;
  const hand = G.hands[playerID] as GolfSlot[];
  if (G.wentOut === null && hand.every((slot) => slot.faceUp)) G.wentOut = playerID;
  const next = ctx.playOrder[(ctx.playOrderPos + 1) % ctx.numPlayers] as string;
  if (G.wentOut !== null && next === G.wentOut) {
    for (const player of ctx.playOrder) {
      G.totals[player] =
        (G.totals[player] ?? 0) + handScore(ranksOf(G.hands[player] as GolfSlot[]));
    }
    G.hole++;
    if (G.hole >= G.holes) {
      // A copy: the draft itself would be a revoked proxy in ctx.gameover once the move ends,
      // and the server crashes serialising it to the clients.
      events.endGame({ totals: { ...G.totals } });
      return;
    }
    deal(G, random, ctx.playOrder);
    events.setPhase('opening');
    return;
  }
  events.endTurn();
}

export const BgioGolf: Game<BgioGolfState> = {
  name: 'golf',
  minPlayers: 2,
  maxPlayers: 2,
  setup: ({ ctx, random }) => {
    const G: BgioGolfState = {
      hole: 0,
      holes: HOLES,
      deck: [],
      discard: [],
      hands: {},
      flipped: {},
      holding: null,
      wentOut: null,
      totals: Object.fromEntries(ctx.playOrder.map((player) => [player, 0])),
    };
    deal(G, random, ctx.playOrder);
    return G;
  },
  playerView: ({ G, ctx, playerID }) => ({
    ...G,
    deck: G.deck.map(() => ({ hidden: true })),
    hands: Object.fromEntries(
      Object.entries(G.hands).map(([player, hand]) => [
        player,
        hand.map((slot) => (slot.faceUp ? slot : { faceUp: false, card: { hidden: true } })),
      ]),
    ),
    // A card drawn from the deck is seen by its drawer only.
    holding:
      G.holding && G.holding.source === 'deck' && playerID !== ctx.currentPlayer
        ? { ...G.holding, card: { hidden: true } }
        : G.holding,
  }),
  phases: {
    opening: {
      start: true,
      next: 'play',
      turn: {
        activePlayers: { all: 'flip' },
        order: TurnOrder.DEFAULT,
        stages: {
          flip: {
            moves: {
              initialFlip: {
                move: ({ G, playerID, events }, slots: number[]) => {
                  const hand = G.hands[playerID] as GolfSlot[];
                  if (G.flipped[playerID] || !isOpeningFlip(slots)) return INVALID_MOVE;
                  for (const slot of slots) (hand[slot] as GolfSlot).faceUp = true;
                  G.flipped[playerID] = true;
                  events.endStage();
                },
                client: false,
              },
            },
          },
        },
      },
      endIf: ({ G, ctx }) => ctx.playOrder.every((player) => G.flipped[player]),
      onEnd: ({ G }) => {
        for (const player of Object.keys(G.flipped)) G.flipped[player] = false;
      },
      moves: {},
    },
    play: {
      turn: { order: TurnOrder.DEFAULT },
      moves: {
        drawDeck: {
          move: ({ G, random }) => {
            if (G.holding) return INVALID_MOVE;
            G.holding = { card: draw(G, random), source: 'deck' };
          },
          client: false,
        },
        takeDiscard: {
          move: ({ G }) => {
            if (G.holding || G.discard.length === 0) return INVALID_MOVE;
            G.holding = { card: G.discard.pop() as GolfCard, source: 'discard' };
          },
          client: false,
        },
        swap: {
          move: (context, slot: number) => {
            const { G, playerID } = context;
            const hand = G.hands[playerID] as GolfSlot[];
            if (!G.holding || !isSlot(slot)) return INVALID_MOVE;
            const replaced = hand[slot] as GolfSlot;
            G.discard.push(replaced.card as GolfCard);
            hand[slot] = { card: G.holding.card, faceUp: true };
            endTurn(context);
          },
          client: false,
        },
        discard: {
          move: (context) => {
            const { G } = context;
            if (!G.holding || G.holding.source !== 'deck') return INVALID_MOVE;
            G.discard.push(G.holding.card as GolfCard);
            endTurn(context);
          },
          client: false,
        },
      },
    },
  },
};

/** Every move `playerID` may make now: what the random players pick from. */
export function bgioLegalMoves(G: BgioGolfState, ctx: Ctx, playerID: string): GolfMove[] {
  return legalGolfMoves({
    over: Boolean(ctx.gameover),
    opening: ctx.phase === 'opening',
    mayFlip: ctx.activePlayers?.[playerID] === 'flip',
    myTurn: ctx.currentPlayer === playerID,
    holding: G.holding?.source ?? null,
    discardCount: G.discard.length,
  });
}
