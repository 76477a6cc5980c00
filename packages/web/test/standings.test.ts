import { describe, expect, it } from 'vitest';
import { endedBeforeStart, type Outcome } from '@cardtable/engine';
import { outcomeHeadline, outcomeRule, outcomeWhy, standingRows } from '../src/game/standings.ts';

const name = (seat: number) => ['Ada', 'Maya', 'Kenji', 'Sofia'][seat] as string;

describe('standings', () => {
  it('shows a shared first place as a tie, not a win for the first seat', () => {
    const outcome: Outcome = {
      winners: [1, 3],
      tie: true,
      standings: [
        { seat: 0, place: 3, score: 20 },
        { seat: 1, place: 1, score: 8 },
        { seat: 2, place: 4, score: 31 },
        { seat: 3, place: 1, score: 8 },
      ],
    };
    const rows = standingRows(outcome, name);
    expect(rows.map((r) => [r.name, r.placeLabel, r.winner])).toEqual([
      ['Maya', 'T-1st', true],
      ['Sofia', 'T-1st', true],
      ['Ada', '3rd', false],
      ['Kenji', '4th', false],
    ]);
    expect(outcomeHeadline(outcome, name)).toBe('A tie for first: Maya and Sofia (8)');
  });

  it('names a single winner', () => {
    const outcome: Outcome = {
      winners: [2],
      tie: false,
      standings: [
        { seat: 2, place: 1, score: -3 },
        { seat: 0, place: 2, score: 11 },
        { seat: 1, place: 2, score: 11 },
      ],
    };
    expect(outcomeHeadline(outcome, name)).toBe('Kenji won (-3)');
    expect(standingRows(outcome, name).map((r) => r.placeLabel)).toEqual(['1st', 'T-2nd', 'T-2nd']);
  });

  it('says why a match ended early, in words', () => {
    const resigned = {
      winners: [1],
      tie: false,
      standings: [
        { seat: 1, place: 1 },
        { seat: 0, place: 2 },
      ],
      reason: 'surrender',
      conceded: [0],
    };
    expect(outcomeHeadline(resigned, name)).toBe('Maya won');
    expect(outcomeWhy(resigned, name)).toBe('Ada resigned.');
    const abandoned = { winners: [], tie: false, standings: [], reason: 'abandoned' };
    expect(outcomeWhy(abandoned, name)).toBe('Everyone left, so the match was abandoned.');
    const played = { ...resigned, reason: 'lowestTotal', conceded: [] };
    expect(outcomeWhy(played, name)).toBeNull();
    // A table closed by its host, or expired, never started: the page says so, not a game over.
    const closed = { winners: [], tie: false, standings: [], reason: 'closed' };
    expect(outcomeWhy(closed, name)).toBe('The host closed the table before it started.');
    expect([closed, { ...closed, reason: 'expired' }].map(endedBeforeStart)).toEqual([true, true]);
    expect([abandoned, resigned, played, null].map(endedBeforeStart)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("says 'you' to the player looking: the headline, and their row at any place", () => {
    const won: Outcome = {
      winners: [2],
      tie: false,
      standings: [
        { seat: 2, place: 1, score: 4 },
        { seat: 0, place: 2, score: 9 },
      ],
      reason: 'lowestTotal',
    };
    expect(outcomeHeadline(won, name, 2)).toBe('You won (4)');
    expect(outcomeHeadline(won, name, 0)).toBe('Kenji won (4)');
    expect(standingRows(won, name, 0).map((r) => [r.name, r.mine])).toEqual([
      ['Kenji', false],
      ['Ada', true],
    ]);
    expect(standingRows(won, name).some((r) => r.mine)).toBe(false);
    const tie: Outcome = { ...won, winners: [1, 3], tie: true };
    expect(outcomeHeadline(tie, name, 3)).toBe('A tie for first: you and Maya');
  });

  it('says the lowest total wins where it does (Golf), and nothing for other games', () => {
    const golf: Outcome = { winners: [0], tie: false, standings: [], reason: 'lowestTotal' };
    expect(outcomeRule(golf)).toBe('The lowest total wins.');
    expect(outcomeRule({ ...golf, reason: 'surrender' })).toBeNull();
    expect(outcomeRule({ winners: [0], tie: false, standings: [] })).toBeNull();
  });
});
