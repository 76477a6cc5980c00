import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PublicSeat } from '@cardtable/sdk';
import type { GolfEvent, GolfView, SeenCard } from '@cardtable/golf';
import { Director } from '../src/animation/director.ts';
import { NO_CONTROLS } from '../src/game/controls.ts';
import { promptFor } from '../src/game/prompt.ts';
import { adjustmentsText, columnSum } from '../src/game/tally-words.ts';
import { refusalForPlayer } from '../src/live/action-refusal.ts';
import { seatNotices } from '../src/live/seat-notices.ts';
import { shownClock } from '../src/live/turn-clock.ts';
import { TurnTimer, WARN_SECONDS } from '../src/live/TurnTimer.tsx';
import { HeldCard } from '../src/table/HeldCard.tsx';

const name = (seat: number) => ['Ada', 'Bo', 'Cy'][seat] ?? `Seat ${seat}`;
const golfView = (phase: GolfView['phase'], round = 1, rounds = 3) =>
  ({ phase, round, options: { rounds } }) as unknown as GolfView;
const turn = (seat: number) => golfView({ kind: 'turn', seat, step: { kind: 'awaitingDraw' } });

describe('the prompt between holes and at the end', () => {
  it('never says the table is filling once play began', () => {
    expect(promptFor(golfView({ kind: 'waiting' }, 0), 0, NO_CONTROLS, name)).toBe(
      'Dealing the first hole…',
    );
    expect(promptFor(golfView({ kind: 'waiting' }, 1), 0, NO_CONTROLS, name)).toMatch(
      /Hole 1 is over/,
    );
    expect(promptFor(golfView({ kind: 'waiting' }, 3), 0, NO_CONTROLS, name)).toBe(
      'The last hole is over.',
    );
    // A resignation ends the match mid-hole: the view's turn is nobody's to play any more.
    expect(promptFor(turn(1), 0, NO_CONTROLS, name)).toMatch(/^Bo/);
    expect(promptFor(turn(1), 0, NO_CONTROLS, name, 'over')).toBe('The game is over.');
  });

  it('in a replay, says nothing of a deal to come: the viewer steps to it', () => {
    const waiting = (round: number) =>
      promptFor(golfView({ kind: 'waiting' }, round), null, NO_CONTROLS, name, 'replay');
    expect([0, 1, 3].map(waiting)).toEqual(['', 'Hole 1 is over.', 'The last hole is over.']);
  });
});

describe('the turn clock shown is the server’s', () => {
  const at = (ms: number) => new Date(ms).toISOString();
  const clocks = [
    { seat: 0, startsAt: at(1000), endsAt: at(31_000) },
    { seat: 2, startsAt: at(1000), endsAt: at(31_000) },
  ];

  it('is the viewer’s own while it runs, else the first seat’s that must act', () => {
    expect(shownClock(clocks, 2)).toEqual({ seat: 2, startsAt: 1000, endsAt: 31_000 });
    expect(shownClock(clocks, 1)).toEqual({ seat: 0, startsAt: 1000, endsAt: 31_000 });
    expect(shownClock(clocks, null)).toEqual({ seat: 0, startsAt: 1000, endsAt: 31_000 });
  });

  it('is none without a time limit', () => {
    expect(shownClock([], 0)).toBeNull();
  });
});

describe('the turn clock warns near the end', () => {
  afterEach(() => vi.restoreAllMocks());
  /** The clock as drawn `left` ms before a 30 s turn ends. */
  const drawn = (left: number, mine = true) => {
    vi.spyOn(Date, 'now').mockReturnValue(31_000 - left);
    return renderToStaticMarkup(
      createElement(TurnTimer, { endsAt: 31_000, startsAt: 1000, who: 'Bo', mine }),
    );
  };

  it('from the last ten seconds on, and tells a screen reader on the mover’s own', () => {
    // The e2e table test plays a turn shorter than this, so it is warned from its start.
    expect(WARN_SECONDS).toBe(10);
    expect(drawn(10_001)).toContain('data-low="no"');
    expect(drawn(10_001)).toContain('11s left');
    expect(drawn(10_000)).toContain('data-low="yes"');
    expect(drawn(10_000)).toContain('10 seconds or less left to move.');
    expect(drawn(3_000, false)).toContain('Bo: 3s');
    expect(drawn(3_000, false)).not.toContain('seconds or less');
    expect(drawn(-500)).toContain('0s left');
  });
});

describe('notices about the other people at the table', () => {
  const seat = (index: number, patch: Partial<PublicSeat>): PublicSeat => ({
    seat: index,
    kind: 'human',
    taken: true,
    connected: true,
    away: false,
    surrendered: false,
    ...patch,
  });
  it('say who lost their connection, who left and who resigned; never about me or CPUs', () => {
    const seats = [
      seat(0, { connected: false }),
      seat(1, { connected: false }),
      seat(2, { connected: false, away: true }),
      { ...seat(3, {}), kind: 'cpu' as const },
    ];
    expect(seatNotices(seats, 'active', 0, name).map((n) => n.kind)).toEqual([
      'disconnected',
      'away',
    ]);
    const resigned = [seat(0, {}), seat(1, { surrendered: true }), seat(2, {})];
    expect(seatNotices(resigned, 'active', 0, name)).toEqual([
      { seat: 1, kind: 'resigned', text: 'Bo resigned.' },
    ]);
    // Once over, the game-over panel says who resigned: the notice would say it twice.
    expect(seatNotices(resigned, 'over', 0, name)).toEqual([]);
    expect(seatNotices(seats, 'waiting', 0, name)).toEqual([]);
  });
});

describe('an early knock', () => {
  it('is announced as a knock, not as going out', async () => {
    const d = new Director({
      timing: () => ({ reducedMotion: true, speed: 1 }),
      name,
      tallyMs: 0,
      wait: async () => {},
    });
    d.reset(turn(1), { version: 1, step: 0 });
    const card = { id: 1, rank: '5', suit: 'clubs', deck: 0 } as const;
    const knocked: GolfEvent = {
      type: 'cardFlipped',
      data: { seat: 1, slot: 2, card, reason: 'knock' },
    };
    await d.play(knocked, { version: 2, step: 1 }, turn(1));
    await d.play({ type: 'wentOut', data: { seat: 1 } }, { version: 2, step: 2 }, turn(2));
    expect(d.getSnapshot()).toMatchObject({
      knocked: 1,
      caption: expect.stringMatching(/^Bo knocked!/),
    });

    await d.play({ type: 'wentOut', data: { seat: 2 } }, { version: 3, step: 1 }, turn(0));
    expect(d.getSnapshot().caption).toMatch(/^Cy went out!/);
  });
});

describe('a refused move in words a player reads', () => {
  it('never speaks of versions when a move arrived after the table moved on', () => {
    const stale = refusalForPlayer({
      code: 'STALE_VERSION',
      message: 'The match moved on since the version you acted on.',
    });
    expect(stale.code).toBe('STALE_VERSION');
    expect(stale.message).not.toMatch(/version/i);
    const illegal = { code: 'ILLEGAL_ACTION' as const, message: 'It is not your turn.' };
    expect(refusalForPlayer(illegal)).toBe(illegal);
  });
});

describe('the place for a drawn card beside the grid', () => {
  const held = (isMe: boolean, card: SeenCard | null) =>
    renderToStaticMarkup(
      createElement(HeldCard, {
        seat: 0,
        card,
        vacated: false,
        owner: isMe ? 'Your' : "Bo's",
        isMe,
      }),
    );

  it('says what the viewer’s empty place is for, so it never reads as a missing seventh card', () => {
    expect(held(true, null)).toContain('Your drawn card goes here');
    // An opponent's floats over their grid and takes no room: nothing to explain there.
    expect(held(false, null)).not.toContain('drawn card');
    const drawn = held(true, { id: 3, rank: '7', suit: 'hearts', deck: 0 });
    expect(drawn).not.toContain('goes here');
    expect(drawn).toContain('Your drawn card: ');
  });
});

describe("the hole tally's sums", () => {
  it('write a negative column with a minus sign, never "+ -1"', () => {
    expect(columnSum([9, 13, -1])).toBe('9 + 13 − 1');
    expect(columnSum([-1, 5, 1])).toBe('−1 + 5 + 1');
    expect(columnSum([0, 0, 0])).toBe('0 + 0 + 0');
    expect(columnSum([-4, -2])).toBe('−4 − 2');
  });

  it('sign every adjustment, and show a dash for none', () => {
    expect(adjustmentsText([])).toBe('–');
    expect(
      adjustmentsText([
        { kind: 'knockBonus', points: -5 },
        { kind: 'knockPenalty', points: 10 },
      ] as Parameters<typeof adjustmentsText>[0]),
    ).toBe('Knock bonus −5, Knock penalty +10');
  });
});
