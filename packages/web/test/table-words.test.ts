import { describe, expect, it } from 'vitest';
import type { PublicSeat } from '@cardtable/sdk';
import type { GolfEvent, GolfView } from '@cardtable/golf';
import { Director } from '../src/animation/director.ts';
import { NO_CONTROLS } from '../src/game/controls.ts';
import { promptFor } from '../src/game/prompt.ts';
import { seatNotices } from '../src/live/seat-notices.ts';
import {
  advanceTurnStarts,
  isTimedOut,
  shownClock,
  unknownStarts,
} from '../src/live/turn-clock.ts';

const name = (seat: number) => ['Ada', 'Bo', 'Cy'][seat] ?? `Seat ${seat}`;
const golfView = (phase: GolfView['phase'], round = 1, rounds = 3) =>
  ({ phase, round, options: { rounds } }) as unknown as GolfView;
const turn = (seat: number) => golfView({ kind: 'turn', seat, step: { kind: 'awaitingDraw' } });

describe('the prompt between holes and at the end', () => {
  it('never says the table is filling once play began', () => {
    expect(promptFor(golfView({ kind: 'waiting' }, 0), 0, NO_CONTROLS, name)).toBe(
      'Waiting for the table to fill.',
    );
    expect(promptFor(golfView({ kind: 'waiting' }, 1), 0, NO_CONTROLS, name)).toMatch(
      /Hole 1 is over/,
    );
    expect(promptFor(golfView({ kind: 'waiting' }, 3), 0, NO_CONTROLS, name)).toBe(
      'The last hole is over.',
    );
  });
});

describe('turn clocks from the resolutions’ times', () => {
  it('start when a seat becomes active, keep running while it stays, and show the mover’s', () => {
    let starts = advanceTurnStarts(new Map(), turn(0), 1000);
    starts = advanceTurnStarts(starts, turn(0), 5000); // drew: same turn, same clock
    expect(shownClock(starts, 1, 30_000, null)).toEqual({ seat: 0, endsAt: 31_000 });
    expect(shownClock(starts, 0, 30_000, null)).toEqual({ seat: 0, endsAt: 31_000 });
    starts = advanceTurnStarts(starts, turn(1), 9000);
    expect(shownClock(starts, 0, 30_000, null)).toEqual({ seat: 1, endsAt: 39_000 });
    expect(shownClock(starts, 0, null, null)).toBeNull();
  });

  it('a step by a seat whose time was up is a timeout; one in time is not', () => {
    const starts = advanceTurnStarts(new Map(), turn(0), 1000);
    expect(isTimedOut(starts, 0, 30_999, 30_000)).toBe(false);
    expect(isTimedOut(starts, 0, 31_000, 30_000)).toBe(true);
    expect(isTimedOut(starts, 1, 99_000, 30_000)).toBe(false);
  });

  it('mid-turn arrivals use the server’s deadline for their own clock and never restart it', () => {
    let starts = unknownStarts(turn(0));
    expect(shownClock(starts, 0, 30_000, 25_000)).toEqual({ seat: 0, endsAt: 25_000 });
    starts = advanceTurnStarts(starts, turn(0), 7000);
    expect(shownClock(starts, 0, 30_000, 25_000)).toEqual({ seat: 0, endsAt: 25_000 });
    expect(shownClock(starts, 1, 30_000, null)).toBeNull();
    expect(isTimedOut(starts, 0, 99_000, 30_000)).toBe(false);
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
    expect(seatNotices([seat(0, {}), seat(1, { surrendered: true })], 'over', 0, name)).toEqual([
      { seat: 1, kind: 'resigned', text: 'Bo resigned.' },
    ]);
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
