import { describe, expect, it } from 'vitest';
import type { Card, GolfEvent } from '@cardtable/golf';
import { anchorId, planStep } from '../src/animation/plan.ts';

const seven: Card = { id: 1, rank: '7', suit: 'hearts', deck: 0 };
const king: Card = { id: 2, rank: 'K', suit: 'spades', deck: 1 };
const name = (seat: number) => ['Ada', 'Maya'][seat] ?? `Seat ${seat}`;
const full = { reducedMotion: false, speed: 1 };

describe('planStep', () => {
  it('flies a swapped card in and the replaced one to the discard pile, together', () => {
    const event: GolfEvent = {
      type: 'cardSwapped',
      data: { seat: 1, slot: 4, card: seven, replaced: king },
    };
    const plan = planStep(event, full, name);
    expect(plan.flights.map((f) => [anchorId(f.from), anchorId(f.to)])).toEqual([
      ['held-1', 'slot-1-4'],
      ['slot-1-4', 'discard'],
    ]);
    expect(plan.flights.every((f) => f.delayMs === 0 && f.faceUp)).toBe(true);
    expect(plan.vacate.map(anchorId)).toEqual(['held-1', 'slot-1-4']);
    expect(plan.caption).toContain('Maya');
  });

  it('flies a hidden deck draw face down', () => {
    const event: GolfEvent = {
      type: 'deckDrawn',
      data: { seat: 0, card: { hidden: true, deck: 2 } },
    };
    const [flight] = planStep(event, full, name).flights;
    expect(flight).toMatchObject({ faceUp: false, card: { hidden: true, deck: 2 } });
  });

  it('deals every card of every hand, one after another', () => {
    const back = { hidden: true as const, deck: 0 };
    const event: GolfEvent = {
      type: 'roundDealt',
      data: {
        round: 1,
        dealer: 0,
        hands: [Array(6).fill(back), Array(6).fill(back)],
        discardTop: seven,
        deck: null,
        deckCount: 39,
      },
    };
    const plan = planStep(event, full, name);
    expect(plan.flights).toHaveLength(12);
    const delays = plan.flights.map((f) => f.delayMs);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(new Set(delays).size).toBe(12);
    expect(plan.flightMs).toBeGreaterThan(Math.max(...delays));
  });

  it('moves nothing under reduced motion but keeps the pause', () => {
    const event: GolfEvent = { type: 'cardDiscarded', data: { seat: 0, card: seven } };
    const moving = planStep(event, full, name);
    const still = planStep(event, { reducedMotion: true, speed: 1 }, name);
    expect(still.flights).toEqual([]);
    expect(still.flightMs).toBe(0);
    expect(still.vacate).toEqual([]);
    expect(still.settleMs).toBe(moving.settleMs);
  });

  it('scales every duration with the speed', () => {
    const event: GolfEvent = { type: 'discardTaken', data: { seat: 0, card: seven } };
    const normal = planStep(event, full, name);
    const quick = planStep(event, { reducedMotion: false, speed: 2 }, name);
    expect(quick.flightMs).toBe(Math.round(normal.flightMs / 2));
    expect(quick.settleMs).toBe(Math.round(normal.settleMs / 2));
  });

  it('holds a round end for its tally, and nothing else', () => {
    const roundEnded: GolfEvent = {
      type: 'roundEnded',
      data: { reveal: [], result: { round: 1, finisher: 0, reason: 'finalTurnsDone', scores: [] } },
    };
    expect(planStep(roundEnded, full, name).holdForTally).toBe(true);
    const turn: GolfEvent = { type: 'turnPassed', data: { from: 0, to: 1 } };
    expect(planStep(turn, full, name).holdForTally).toBe(false);
  });
});
