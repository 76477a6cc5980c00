import { canonicalJson, eventOf, foldEvents, replayFileOf, verifyReplay } from '@cardtable/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { golf, type GolfEvent, type GolfState } from '../../src/index.ts';
import { tableArb } from './arbitraries.ts';
import { conservationProblem } from './invariants.ts';
import { playRandomMatch, type PlayedStep } from './random-play.ts';
import { recountRound } from './recount.ts';

/** Checks every state a resolution passes through; returns the rounds it recounted. */
function checkStep(step: PlayedStep): number {
  let recounted = 0;
  let previous: GolfState = step.before.state;
  step.resolution.steps.forEach((stepEvent, index) => {
    const state = step.resolution.statesAfter[index] as GolfState;
    const event = eventOf<GolfEvent>(stepEvent);
    if (state.round > 0) {
      const problem = conservationProblem(state);
      if (problem)
        throw new Error(`After ${event.type} (version ${stepEvent.version}): ${problem}`);
    }
    if (event.type === 'roundEnded') {
      expect(state.players.every((player) => player.hand.every((slot) => slot.faceUp))).toBe(true);
      const result = event.data.result;
      const recount = recountRound(
        state.players.map((player) => player.hand.map((slot) => slot.card)),
        result.finisher,
        previous.players.map((player) => player.total),
        state.options,
      );
      expect(result.scores.map((score) => score.roundScore)).toEqual(recount.roundScores);
      expect(result.scores.map((score) => score.totalAfter)).toEqual(recount.totals);
      expect(state.players.map((player) => player.total)).toEqual(recount.totals);
      expect(result.scores.flatMap((score) => (score.wonHole ? [score.seat] : []))).toEqual(
        recount.holeWinners,
      );
      recounted++;
    }
    if (event.type === 'gameEnded') {
      const totals = state.players.map((player) => player.total);
      const lowest = Math.min(...totals);
      const winners = totals.flatMap((total, seat) => (total === lowest ? [seat] : []));
      expect(event.data.outcome.winners).toEqual(winners);
      expect(event.data.outcome.tie).toBe(winners.length > 1);
    }
    previous = state;
  });
  return recounted;
}

describe('golf under random legal play', () => {
  it('never throws, always ends, conserves every card and scores every round as a recount does', () => {
    fc.assert(
      fc.property(tableArb(18), (table) => {
        let rounds = 0;
        const played = playRandomMatch(table, (step) => {
          rounds += checkStep(step);
        });
        expect(rounds).toBe(table.options.rounds);
        expect(played.final.state.rounds).toHaveLength(table.options.rounds);
        expect(golf.outcome(played.final.state)).not.toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('folding the events gives the live state, and re-executing the actions gives byte-identical events', () => {
    fc.assert(
      fc.property(tableArb(3), (table) => {
        const played = playRandomMatch(table);
        const folded = foldEvents(golf, played.config, played.events);
        expect(canonicalJson(folded)).toBe(canonicalJson(played.final.state));
        const replay = replayFileOf(golf, played.final, played, 'property');
        const report = verifyReplay(golf, replay);
        expect(report.ok ? 'ok' : report.message).toBe('ok');
      }),
      { numRuns: 60 },
    );
  });

  it('replay verification notices a tampered event', () => {
    fc.assert(
      fc.property(tableArb(1), fc.nat(), (table, pick) => {
        const played = playRandomMatch(table);
        const replay = replayFileOf(golf, played.final, played, 'property');
        const index = 1 + (pick % (replay.events.length - 1));
        const tampered = replay.events[index] as (typeof replay.events)[number];
        tampered.data = { ...(tampered.data as object), tampered: true };
        const report = verifyReplay(golf, replay);
        expect(report.ok).toBe(false);
      }),
      { numRuns: 10 },
    );
  });
});
