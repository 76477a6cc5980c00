/**
 * The Golf of `npm run bench:compare`'s anchors, what its boardgame.io and Colyseus hosts share:
 * the shape (Cardtable's Golf at its defaults: one deck, six cards each, two opening flips played
 * by both seats at once, nine holes), the scoring, the checks of a move's arguments, and the
 * moves a seat may make, which the random players pick from. Each host keeps its own state in
 * its framework's way (boardgame.io's `G`, Colyseus's schema) and calls these.
 */

export const HOLES = 9;
export const SLOTS = 6;
export const OPENING_FLIPS = 2;
const DECK_SIZE = 52;

/** A move as a random player sends it: its name and its arguments. */
export type GolfMove = [name: GolfMoveName, args: unknown[]];
export type GolfMoveName = 'initialFlip' | 'drawDeck' | 'takeDiscard' | 'swap' | 'discard';

/** The ranks (1-13) of a fresh deck, shuffled by the host's own source of randomness. */
export function freshDeckRanks(shuffle: (ranks: number[]) => number[]): number[] {
  return shuffle(Array.from({ length: DECK_SIZE }, (_, id) => (id % 13) + 1));
}

const points = (rank: number) => (rank === 13 ? 0 : Math.min(rank, 10));

/** A hand's score, its ranks slot by slot (top row 0-2, bottom row 3-5): a column of two equal ranks scores 0. */
export function handScore(ranks: readonly number[]): number {
  let score = 0;
  for (let column = 0; column < 3; column++) {
    const top = ranks[column] as number;
    const bottom = ranks[column + 3] as number;
    score += top === bottom ? 0 : points(top) + points(bottom);
  }
  return score;
}

export function isSlot(slot: unknown): slot is number {
  return Number.isInteger(slot) && (slot as number) >= 0 && (slot as number) < SLOTS;
}

/** Two distinct slots: the arguments of an opening flip. */
export function isOpeningFlip(slots: unknown): slots is number[] {
  return (
    Array.isArray(slots) &&
    slots.length === OPENING_FLIPS &&
    new Set(slots).size === OPENING_FLIPS &&
    slots.every(isSlot)
  );
}

/** What a seat knows of the match that decides its legal moves. */
export interface GolfSeatView {
  over: boolean;
  /** The opening flips are under way and this seat has not flipped yet. */
  mayFlip: boolean;
  opening: boolean;
  myTurn: boolean;
  /** Where the card this seat holds came from, if it holds one. */
  holding: 'deck' | 'discard' | null;
  discardCount: number;
}

/** Every move the seat may make now: what the random players pick from. */
export function legalGolfMoves(view: GolfSeatView): GolfMove[] {
  if (view.over) return [];
  if (view.opening) {
    if (!view.mayFlip) return [];
    const pairs: GolfMove[] = [];
    for (let a = 0; a < SLOTS; a++)
      for (let b = a + 1; b < SLOTS; b++) pairs.push(['initialFlip', [[a, b]]]);
    return pairs;
  }
  if (!view.myTurn) return [];
  if (view.holding === null)
    return [['drawDeck', []], ...(view.discardCount > 0 ? [['takeDiscard', []] as GolfMove] : [])];
  const swaps = Array.from({ length: SLOTS }, (_, slot): GolfMove => ['swap', [slot]]);
  return view.holding === 'deck' ? [...swaps, ['discard', []]] : swaps;
}

/** A uniformly random pick among `moves` (undefined when there is none). */
export function randomMove(moves: readonly GolfMove[]): GolfMove | undefined {
  return moves[Math.floor(Math.random() * moves.length)];
}
