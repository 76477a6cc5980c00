import type { Card, GolfOptions } from '../../src/index.ts';

/**
 * A second, deliberately plain reading of the spec's scoring (sections 2, 3.7, 3.8 and 5),
 * sharing no code with src/scoring.ts, to recount every round.
 */
const BASE: Record<string, number> = {
  A: 1,
  '2': -2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
  '8': 8,
  '9': 9,
  Q: 10,
};

function worth(card: Card, o: GolfOptions): number {
  if (card.rank === 'JOKER') {
    if (o.jokerMode === 'luckySwing') return -5;
    if (o.jokerMode === 'eagleEye') return 2;
    return -2;
  }
  if (card.rank === 'K') return o.superKings ? -2 : 0;
  if (card.rank === '10') return o.tenPenny ? 1 : 10;
  if (card.rank === 'J') {
    return o.oneEyedJacks && (card.suit === 'hearts' || card.suit === 'spades') ? 0 : 10;
  }
  return BASE[card.rank] as number;
}

function hand(cards: Card[], o: GolfOptions): number {
  let total = 0;
  const pairedRanks: string[] = [];
  for (let column = 0; column < 3; column++) {
    const top = cards[column] as Card;
    const bottom = cards[column + 3] as Card;
    if (top.rank !== bottom.rank) {
      total += worth(top, o) + worth(bottom, o);
      continue;
    }
    pairedRanks.push(top.rank);
    if (top.rank === 'JOKER' && o.jokerMode === 'eagleEye') total += -4;
    else if (o.negativePairsKeepValue && worth(top, o) < 0 && worth(bottom, o) < 0) {
      total += worth(top, o) + worth(bottom, o);
    }
  }
  const count = (rank: string) => pairedRanks.filter((r) => r === rank).length;
  if (o.wolfpack && count('J') >= 2) total -= 20;
  if (o.fourOfAKind) {
    for (const rank of new Set(pairedRanks)) if (count(rank) >= 2) total -= 20;
  }
  return total;
}

export interface Recount {
  roundScores: number[];
  totals: number[];
  holeWinners: number[];
}

export function recountRound(
  hands: Card[][],
  finisher: number | null,
  totalsBefore: number[],
  o: GolfOptions,
): Recount {
  const scores = hands.map((cards) => hand(cards, o));
  if (o.blackjack) scores.forEach((s, i) => (scores[i] = s === 21 ? 0 : s));
  if (finisher !== null) {
    if (o.knockPenalty && (scores[finisher] as number) > Math.min(...scores)) {
      scores[finisher] = (scores[finisher] as number) + 10;
    }
    if (o.knockBonus) scores[finisher] = (scores[finisher] as number) - 5;
  }
  if (o.underdogBonus) {
    const low = Math.min(...scores);
    scores.forEach((s, i) => (scores[i] = s === low ? s - 3 : s));
  }
  if (o.tiedShame) {
    const snapshot = [...scores];
    snapshot.forEach((s, i) => {
      if (snapshot.filter((other) => other === s).length > 1) scores[i] = s + 5;
    });
  }
  const low = Math.min(...scores);
  return {
    roundScores: scores,
    totals: scores.map((s, i) => (totalsBefore[i] as number) + s),
    holeWinners: scores.flatMap((s, i) => (s === low ? [i] : [])),
  };
}
