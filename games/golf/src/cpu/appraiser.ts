import type { Card, Rank } from '../types.ts';
import { columnScore } from '../scoring.ts';
import {
  columnEstimate,
  exactScore,
  faceDownCount,
  handEstimate,
  HIDDEN_ESTIMATE,
  partnerSlot,
} from './estimate.ts';
import { asFinisher, mayGoOut } from './going-out.ts';
import type { Knowledge, KnownSlot } from './knowledge.ts';
import type { Temperament } from './temperament.ts';

/**
 * How a CPU rates one move: its cost (expected change of its round score, plus what its
 * temperament adds; lower is better), whether it is one of the spec's dumb moves, and whether
 * it is reckless (going out into a score its temperament forbids, or a pointless knock).
 */
export interface Assessment {
  cost: number;
  dumb: boolean;
  reckless: boolean;
}

/** A swap also says whether it lowers its column's estimate (what makes discarding a 2 dumb). */
export interface SwapAssessment extends Assessment {
  improves: boolean;
}

/** Cards one may still hope to see this round, for the chance of finding a pair's partner. */
const DRAWS_AHEAD = 8;
const POTENTIAL_WEIGHT = 1.5;
const PAIR_BONUS = 6;
/** Weight of what the card left on the discard pile is worth to the next player as a pair. */
const DENY_WEIGHT = 0.5;
/** A knock the temperament allows beats any other move. */
const WISE_KNOCK_COST = -100;

/** Rates moves for one seat at one moment, from its knowledge and temperament only. */
export class Appraiser {
  private readonly mine: readonly KnownSlot[];
  private readonly myEstimate: number;
  private readonly hiddenCount: number;
  private readonly columnEstimates: number[];
  private readonly columnPotentials: number[];
  /** One slot of each class of slots that any card would fill alike (see drawDeck). */
  private readonly distinctSlots: number[];
  private readonly unseenByRank = new Map<Rank, number>();
  private readonly denyByRank = new Map<Rank, number>();
  private flipCache: Assessment | null | undefined;
  private followUpCache: Assessment | undefined;

  constructor(
    readonly knowledge: Knowledge,
    readonly temper: Temperament,
  ) {
    this.mine = knowledge.hands[knowledge.me] ?? [];
    this.myEstimate = handEstimate(this.mine, knowledge.options);
    this.hiddenCount = faceDownCount(this.mine);
    for (const kind of knowledge.unseen) {
      const rank = kind.card.rank;
      this.unseenByRank.set(rank, (this.unseenByRank.get(rank) ?? 0) + kind.count);
    }
    this.columnEstimates = [0, 1, 2].map((top) =>
      columnEstimate(this.mine[top] ?? null, this.mine[top + 3] ?? null, knowledge.options),
    );
    this.columnPotentials = [0, 1, 2].map((top) =>
      this.columnPotential(this.mine[top] ?? null, this.mine[top + 3] ?? null),
    );
    const classes = new Map<string, number>();
    this.mine.forEach((card, slot) => {
      const partner = this.mine[partnerSlot(slot)] ?? null;
      const key = `${card ? knowledge.catalog.kindOf(card) : -1}:${partner ? knowledge.catalog.kindOf(partner) : -1}`;
      if (!classes.has(key)) classes.set(key, slot);
    });
    this.distinctSlots = [...classes.values()];
  }

  /** Swapping `card` into `slot`; the replaced card goes onto the discard pile. */
  swap(card: Card, source: 'deck' | 'discard', slot: number): SwapAssessment {
    const { options, lastTurn } = this.knowledge;
    const column = slot % 3;
    const replaced = this.mine[slot] ?? null;
    const partner = this.mine[partnerSlot(slot)] ?? null;
    const columnBefore = this.columnEstimates[column] as number;
    const columnAfter = partner
      ? columnScore(card, partner, options)
      : this.valueOf(card) + HIDDEN_ESTIMATE;
    const revealed = replaced === null;
    const value = this.valueOf(card);
    const makesPair = partner !== null && partner.rank === card.rank;
    const goesOut = !lastTurn && revealed && this.hiddenCount === 1;
    // A high card into a face-down slot is dumb, except into the last one (that goes out, which
    // the going-out guard judges) and at a starved table. Elsewhere it is a last resort, with no
    // tempo or drive: a random sane play that keeps a round from stalling for ever.
    const highIntoHidden = revealed && value >= 8 && !makesPair;
    const starved = this.knowledge.starved;
    const dumb =
      (!revealed && columnAfter > columnBefore) ||
      (highIntoHidden && !goesOut && !starved) ||
      (makesPair && !options.negativePairsKeepValue && value < 0 && this.valueOf(partner) < 0) ||
      (source === 'discard' && value >= 10 && !makesPair);
    const bonusRules = options.wolfpack || options.fourOfAKind;
    let delta = columnAfter - columnBefore;
    let reckless = false;
    if (bonusRules || goesOut) {
      const after = this.mine.slice();
      after[slot] = card;
      if (bonusRules) delta = handEstimate(after, options) - this.myEstimate;
      if (goesOut) {
        const projected = asFinisher(exactScore(after as Card[], options), this.knowledge);
        reckless = !mayGoOut(projected, this.temper);
      }
    }
    let cost = delta + this.deny(replaced);
    if (!lastTurn && !(highIntoHidden && !starved)) {
      const potentialAfter = this.columnPotential(card, partner);
      cost -= this.temper.tempo * (revealed ? 1 : 0);
      cost -=
        this.temper.pairHope *
        POTENTIAL_WEIGHT *
        (potentialAfter - (this.columnPotentials[column] as number));
      if (makesPair) cost -= this.temper.pairHope * PAIR_BONUS;
      if (goesOut && !reckless) cost -= this.temper.goOutDrive;
    }
    return { cost, dumb, reckless, improves: columnAfter < columnBefore };
  }

  private valueOf(card: Card): number {
    return this.knowledge.catalog.valueOf(card);
  }

  /** Every swap of `card`, by slot. */
  swaps(card: Card, source: 'deck' | 'discard'): SwapAssessment[] {
    return [0, 1, 2, 3, 4, 5].map((slot) => this.swap(card, source, slot));
  }

  /**
   * Discarding a deck draw: it lands on the pile for the next player, and a flip may follow.
   * Throwing away a joker or a negative card is dumb while some sane swap would use it.
   */
  discard(card: Card, usefulSwap = this.swaps(card, 'deck').some(isUseful)): Assessment {
    const precious = card.rank === 'JOKER' || card.rank === '2' || this.valueOf(card) < 0;
    const followUp = this.afterDiscard();
    return {
      cost: this.deny(card) + followUp.cost,
      dumb: precious && usefulSwap,
      reckless: followUp.reckless,
    };
  }

  /** The flip that discarding a deck draw leads to: owed in Speed Golf, optional near the end. */
  private afterDiscard(): Assessment {
    if (!this.followUpCache) {
      const flip = this.hiddenCount > 0 ? this.bestFlip() : null;
      const { options, endgame } = this.knowledge;
      this.followUpCache =
        flip && options.flipMode === 'always'
          ? flip
          : flip && endgame && !flip.reckless && flip.cost < 0
            ? flip
            : { cost: 0, dumb: false, reckless: false };
    }
    return this.followUpCache;
  }

  /** Turning a face-down card up (after a discard, or as a turn). */
  flip(slot: number): Assessment {
    if (this.knowledge.lastTurn) return { cost: 0, dumb: false, reckless: false };
    const goesOut = this.hiddenCount === 1;
    const reckless = goesOut && !mayGoOut(asFinisher(this.myEstimate, this.knowledge), this.temper);
    // Turning up a card in an all-hidden column makes a new pair target.
    const opensColumn = this.mine[partnerSlot(slot)] === null;
    let cost = -this.temper.tempo - (opensColumn ? 0.2 * this.temper.pairHope : 0);
    if (goesOut && !reckless) cost -= this.temper.goOutDrive;
    return { cost, dumb: false, reckless };
  }

  bestFlip(): Assessment | null {
    if (this.flipCache === undefined) {
      const flips = this.mine.flatMap((card, slot) => (card === null ? [this.flip(slot)] : []));
      this.flipCache = flips.length > 0 ? bestOf(flips) : null;
    }
    return this.flipCache;
  }

  /**
   * The cost of the best sane use of a card drawn from the deck (see bestOf). Slots holding the
   * same kind of card over the same kind of partner are tried once: they would fill alike.
   */
  bestUseOfDraw(card: Card): number {
    const tiers = [Infinity, Infinity, Infinity];
    let usefulSwap = false;
    for (const slot of this.distinctSlots) {
      const swap = this.swap(card, 'deck', slot);
      usefulSwap ||= isUseful(swap);
      keepCheapest(tiers, swap);
    }
    keepCheapest(tiers, this.discard(card, usefulSwap));
    return tiers.find((cost) => cost < Infinity) as number;
  }

  /** Drawing from the deck: the best use of each card that may come, weighted by its odds. */
  drawDeck(): Assessment {
    const { unseen, unseenTotal } = this.knowledge;
    if (unseenTotal === 0) return { cost: 0, dumb: false, reckless: false };
    let cost = 0;
    for (const kind of unseen) cost += kind.count * this.bestUseOfDraw(kind.card);
    return { cost: cost / unseenTotal, dumb: false, reckless: false };
  }

  /** Taking the discard is worth its best swap; with no sane swap at all it is dumb. */
  takeDiscard(): Assessment {
    const top = this.knowledge.discardTop;
    if (!top) return { cost: 0, dumb: true, reckless: false };
    return bestOf(this.swaps(top, 'discard'));
  }

  /** Early knock: only with a low projected score, more readily when aggressive. */
  knock(): Assessment {
    const projected = asFinisher(this.myEstimate, this.knowledge);
    const wise =
      !this.knowledge.lastTurn &&
      projected <= this.temper.knockCap &&
      mayGoOut(projected, this.temper);
    return { cost: wise ? WISE_KNOCK_COST : 0, dumb: false, reckless: !wise };
  }

  /** What `card` on top of the discard pile would be worth to the next player as a pair. */
  private deny(card: KnownSlot): number {
    const { nextSeat, hands, options } = this.knowledge;
    if (card === null || nextSeat === null) return 0;
    const cached = this.denyByRank.get(card.rank);
    if (cached !== undefined) return cached;
    const theirs = hands[nextSeat] ?? [];
    let gain = 0;
    theirs.forEach((own, slot) => {
      if (own?.rank !== card.rank) return;
      const partner = theirs[partnerSlot(slot)] ?? null;
      if (partner?.rank === card.rank) return;
      const paired = columnEstimate(own, card, options);
      gain = Math.max(gain, columnEstimate(own, partner, options) - paired);
    });
    const weighted = DENY_WEIGHT * gain;
    this.denyByRank.set(card.rank, weighted);
    return weighted;
  }

  /** A column with one card showing may still pair: the odds, times what the pair would save. */
  private columnPotential(top: KnownSlot, bottom: KnownSlot): number {
    const shown = top && !bottom ? top : bottom && !top ? bottom : null;
    if (!shown) return 0;
    const { unseenTotal } = this.knowledge;
    const partners = this.unseenByRank.get(shown.rank) ?? 0;
    const chance = unseenTotal > 0 ? Math.min(0.5, (partners * DRAWS_AHEAD) / unseenTotal) : 0;
    return chance * (this.valueOf(shown) + HIDDEN_ESTIMATE);
  }
}

/** Tracks the cheapest cost per tier: sane, merely not dumb, any (the order bestOf prefers). */
function keepCheapest(tiers: number[], assessment: Assessment): void {
  const tier = assessment.dumb ? 2 : assessment.reckless ? 1 : 0;
  if (assessment.cost < (tiers[tier] as number)) tiers[tier] = assessment.cost;
}

/** A swap that would lower its column without being dumb: it makes discarding a 2 dumb. */
const isUseful = (swap: SwapAssessment): boolean => swap.improves && !swap.dumb;

/** The cheapest sane move; failing that the cheapest merely not dumb; failing that the cheapest. */
export function bestOf<T extends Assessment>(assessments: readonly T[]): T {
  const pool = [
    assessments.filter((a) => !a.dumb && !a.reckless),
    assessments.filter((a) => !a.dumb),
    assessments,
  ].find((candidates) => candidates.length > 0);
  if (!pool) throw new RangeError('bestOf needs at least one assessment.');
  return pool.reduce((best, a) => (a.cost < best.cost ? a : best));
}
