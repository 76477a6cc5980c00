import { afterEach, describe, expect, it, vi } from 'vitest';
import { TurnClock } from '../src/match/turn-clock.ts';

describe('the turn clock', () => {
  afterEach(() => vi.useRealTimers());

  it('waits out the rest when its timer fires before the clock says the time is up', () => {
    vi.useFakeTimers();
    // The clock the deadlines are measured with; the timer runs on the fake timers, which here
    // run ahead of it, as Node's loop-cached timer base does under load.
    let now = 10_000;
    const clock = new TurnClock(() => now);
    clock.track([0]);
    const expired: number[][] = [];
    clock.arm([0], 1000, (seats) => expired.push(seats));
    now += 970;
    vi.advanceTimersByTime(1000);
    expect(expired).toEqual([]);
    now += 30;
    vi.advanceTimersByTime(30);
    expect(expired).toEqual([[0]]);
  });

  it('fires once for the earliest deadline with every seat whose time ran out', () => {
    vi.useFakeTimers();
    let now = 0;
    const clock = new TurnClock(() => now);
    clock.track([0]);
    now = 400;
    clock.track([0, 1]);
    const expired: number[][] = [];
    clock.arm([0, 1], 1000, (seats) => expired.push(seats));
    expect(clock.endsAt(1, 1000)).toBe(1400);
    now = 1000;
    vi.advanceTimersByTime(1000);
    expect(expired).toEqual([[0]]);
    clock.track([1]);
    expect(clock.endsAt(0, 1000)).toBeNull();
    expect(clock.endsAt(1, null)).toBeNull();
  });
});
