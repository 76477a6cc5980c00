import { SLOT_INDEXES } from '../hand.ts';
import { RANKS, type Card, type Rank } from '../types.ts';
import { columnScore } from '../scoring.ts';
import {
  columnEstimate,
  exactScore,
  faceDownCount,
  handEstimate,
  HIDDEN_ESTIMATE,
  partnerSlot,
  type KnownSlot,
} from './estimate.ts';
import { asFinisher, mayGoOut } from './going-out.ts';
import type { Knowledge } from './knowledge.ts';
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
  /** The value of each card of mine that shows (null face down): looked up once, used often. */
  private readonly mineValues: readonly (number | null)[];
  private readonly myEstimate: number;
  private readonly hiddenCount: number;
  private readonly columnEstimates: number[];
  private readonly columnPotentials: number[];
  /** One slot of each class of slots that any card would fill alike (see drawDeck). */
  private readonly distinctSlots: number[];
  /** Unseen cards and denials by rank (see rankIndex): arrays, quicker than maps by name. */
  private readonly unseenByRank: number[] = new Array<number>(RANK_COUNT).fill(0);
  private readonly denyByRank: (number | undefined)[] = [];
  private readonly slotDenials: (number | undefined)[] = [];
  private flipCache: Assessment | null | undefined;
  private followUpCache: Assessment | undefined;
  /** The swaps of the last card asked about: the held card's are asked for once per action. */
  private lastSwaps: { card: Card; source: 'deck' | 'discard'; swaps: SwapAssessment[] } | null =
    null;

  constructor(
    readonly knowledge: Knowledge,
    readonly temper: Temperament,
  ) {
    this.mine = knowledge.hands[knowledge.me] ?? [];
    this.mineValues = this.mine.map((card) => (card ? this.valueOf(card) : null));
    this.myEstimate = handEstimate(this.mine, knowledge.options);
    this.hiddenCount = faceDownCount(this.mine);
    for (const kind of knowledge.unseen) {
      const rank = rankIndex(kind.card.rank);
      this.unseenByRank[rank] = (this.unseenByRank[rank] as number) + kind.count;
    }
    this.columnEstimates = [0, 1, 2].map((top) =>
      columnEstimate(this.mine[top] ?? null, this.mine[top + 3] ?? null, knowledge.options),
    );
    this.columnPotentials = [0, 1, 2].map((top) => this.columnPotential(top, top + 3));
    this.distinctSlots = this.distinctClasses();
  }

  /**
   * The first slot of each class of slots holding the same kind of card (or none) over the
   * same kind of partner (or none), in slot order.
   */
  private distinctClasses(): number[] {
    const { catalog } = this.knowledge;
    const kinds = this.mine.map((card) => (card ? catalog.kindOf(card) : -1));
    const firsts: number[] = [];
    for (let slot = 0; slot < kinds.length; slot++) {
      const alike = firsts.some(
        (first) =>
          kinds[first] === kinds[slot] && kinds[partnerSlot(first)] === kinds[partnerSlot(slot)],
      );
      if (!alike) firsts.push(slot);
    }
    return firsts;
  }

  /** Swapping `card` into `slot`; the replaced card goes onto the discard pile. */
  swap(card: Card, source: 'deck' | 'discard', slot: number): SwapAssessment {
    return this.swaps(card, source)[slot] ?? this.rateSwap(card, this.valueOf(card), source, slot);
  }

  /** Every swap of `card`, by slot. */
  swaps(card: Card, source: 'deck' | 'discard'): SwapAssessment[] {
    const last = this.lastSwaps;
    if (last && last.card === card && last.source === source) return last.swaps;
    const value = this.valueOf(card);
    const swaps = SLOT_INDEXES.map((slot) => this.rateSwap(card, value, source, slot));
    this.lastSwaps = { card, source, swaps };
    return swaps;
  }

  /** A swap of `card`, worth `value`, into `slot`. */
  private rateSwap(
    card: Card,
    value: number,
    source: 'deck' | 'discard',
    slot: number,
  ): SwapAssessment {
    const { options, lastTurn } = this.knowledge;
    const column = slot % 3;
    const replaced = this.mine[slot] ?? null;
    const partner = this.mine[partnerSlot(slot)] ?? null;
    const partnerValue = this.mineValues[partnerSlot(slot)] ?? null;
    const columnBefore = this.columnEstimates[column] as number;
    const columnAfter = partner ? columnScore(card, partner, options) : value + HIDDEN_ESTIMATE;
    const revealed = replaced === null;
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
      (makesPair && !options.negativePairsKeepValue && value < 0 && (partnerValue as number) < 0) ||
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
    let cost = delta + this.denyOfSlot(slot);
    if (!lastTurn && !(highIntoHidden && !starved)) {
      // With a partner showing, the column is complete: it has no pair left to hope for.
      const potentialAfter = partner ? 0 : this.potentialOf(card, value);
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

  /**
   * Discarding a deck draw: it lands on the pile for the next player, and a flip may follow.
   * Throwing away a joker or a negative card is dumb while some sane swap would use it.
   */
  discard(card: Card): Assessment {
    const usefulSwap = this.swaps(card, 'deck').some(isUseful);
    return this.rateDiscard(card, this.valueOf(card), usefulSwap);
  }

  private rateDiscard(card: Card, value: number, usefulSwap: boolean): Assessment {
    const precious = card.rank === 'JOKER' || card.rank === '2' || value < 0;
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
      const flips: Assessment[] = [];
      this.mine.forEach((card, slot) => {
        if (card === null) flips.push(this.flip(slot));
      });
      this.flipCache = flips.length > 0 ? bestOf(flips) : null;
    }
    return this.flipCache;
  }

  /**
   * The cost of the best sane use of a card drawn from the deck (see bestOf). Slots holding the
   * same kind of card over the same kind of partner are tried once: they would fill alike.
   */
  private bestUseOfDraw(card: Card, value: number): number {
    const tiers = [Infinity, Infinity, Infinity];
    let usefulSwap = false;
    for (const slot of this.distinctSlots) {
      const swap = this.rateSwap(card, value, 'deck', slot);
      usefulSwap ||= isUseful(swap);
      keepCheapest(tiers, swap);
    }
    keepCheapest(tiers, this.rateDiscard(card, value, usefulSwap));
    return tiers.find((cost) => cost < Infinity) as number;
  }

  /** Drawing from the deck: the best use of each card that may come, weighted by its odds. */
  drawDeck(): Assessment {
    const { unseen, unseenTotal } = this.knowledge;
    if (unseenTotal === 0) return { cost: 0, dumb: false, reckless: false };
    let cost = 0;
    for (const kind of unseen) cost += kind.count * this.bestUseOfDraw(kind.card, kind.value);
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
  /** What the card in `slot` of mine would be worth to the next player (asked once per swap). */
  private denyOfSlot(slot: number): number {
    let denial = this.slotDenials[slot];
    if (denial === undefined) {
      denial = this.deny(this.mine[slot] ?? null);
      this.slotDenials[slot] = denial;
    }
    return denial;
  }

  private deny(card: KnownSlot): number {
    const { nextSeat, hands, options } = this.knowledge;
    if (card === null || nextSeat === null) return 0;
    const rank = rankIndex(card.rank);
    const cached = this.denyByRank[rank];
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
    this.denyByRank[rank] = weighted;
    return weighted;
  }

  /** A column (two slots of mine) with one card showing may still pair. */
  private columnPotential(top: number, bottom: number): number {
    const [topCard, bottomCard] = [this.mine[top] ?? null, this.mine[bottom] ?? null];
    if (topCard && !bottomCard) return this.potentialOf(topCard, this.mineValues[top] as number);
    if (bottomCard && !topCard)
      return this.potentialOf(bottomCard, this.mineValues[bottom] as number);
    return 0;
  }

  /** What a lone card worth `value` may still save as a pair: the odds, times the saving. */
  private potentialOf(shown: Card, value: number): number {
    const { unseenTotal } = this.knowledge;
    const partners = this.unseenByRank[rankIndex(shown.rank)] as number;
    const chance = unseenTotal > 0 ? Math.min(0.5, (partners * DRAWS_AHEAD) / unseenTotal) : 0;
    return chance * (value + HIDDEN_ESTIMATE);
  }
}

const RANK_ORDER: readonly Rank[] = [...RANKS, 'JOKER'];
const RANK_COUNT = RANK_ORDER.length;

/** A rank's position among all ranks, the jokers' included. */
const rankIndex = (rank: Rank): number => RANK_ORDER.indexOf(rank);

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
