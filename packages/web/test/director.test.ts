import { describe, expect, it } from 'vitest';
import type { GolfEvent, GolfView, RoundResult } from '@cardtable/golf';
import { Director } from '../src/animation/director.ts';
import { timingFor } from '../src/settings/settings.ts';

/** A clock the test moves by hand: each wait resolves when released. */
function manualClock() {
  const waits: { ms: number; resolve(): void }[] = [];
  return {
    waits,
    wait: (ms: number) => new Promise<void>((resolve) => waits.push({ ms, resolve })),
    async release() {
      const next = waits.shift();
      if (!next) throw new Error('nothing is waiting');
      next.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
      return next.ms;
    },
  };
}

const view = (round: number) => ({ round }) as unknown as GolfView;
const director = (clock: ReturnType<typeof manualClock>) =>
  new Director({
    timing: () => ({ reducedMotion: false, speed: 1 }),
    name: (seat) => `Seat ${seat}`,
    tallyMs: 5000,
    wait: clock.wait,
  });
const discard: GolfEvent = {
  type: 'cardDiscarded',
  data: { seat: 0, card: { id: 1, rank: '5', suit: 'clubs', deck: 0 } },
};

describe('Director', () => {
  it('shows the old view while cards fly, then the new one, then finishes', async () => {
    const clock = manualClock();
    const d = director(clock);
    d.reset(view(1), { version: 3, step: 2 });
    let finished = false;
    void d.play(discard, { version: 4, step: 1 }, view(2)).then(() => (finished = true));
    expect(d.getSnapshot()).toMatchObject({ view: view(1), version: 3, step: 2, busy: true });
    expect(d.getSnapshot().flying?.plan.flights).toHaveLength(1);
    await clock.release(); // flights land
    expect(d.getSnapshot()).toMatchObject({
      view: view(2),
      version: 4,
      step: 1,
      flying: null,
      busy: true,
    });
    expect(finished).toBe(false);
    await clock.release(); // the settle pause
    expect(finished).toBe(true);
    expect(d.getSnapshot().busy).toBe(false);
  });

  it('lets a reset win over a step still playing', async () => {
    const clock = manualClock();
    const d = director(clock);
    d.reset(view(1), { version: 3, step: 2 });
    void d.play(discard, { version: 4, step: 1 }, view(2));
    d.reset(view(9), { version: 10, step: 3 });
    await clock.release();
    expect(d.getSnapshot()).toMatchObject({ view: view(9), version: 10, step: 3, busy: false });
  });

  it('holds a round end on its tally until it is dismissed', async () => {
    const clock = manualClock();
    const d = director(clock);
    const result: RoundResult = { round: 1, finisher: 0, reason: 'finalTurnsDone', scores: [] };
    let finished = false;
    void d
      .play({ type: 'roundEnded', data: { reveal: [], result } }, { version: 5, step: 4 }, view(1))
      .then(() => (finished = true));
    await clock.release(); // the reveal pause
    expect(d.getSnapshot().tally).toEqual(result);
    expect(clock.waits.map((w) => w.ms)).toEqual([5000]);
    d.dismissTally();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(finished).toBe(true);
    expect(d.getSnapshot().tally).toBeNull();
  });

  it('at the instant speed lands everything at once but still holds the tally to be read', async () => {
    const clock = manualClock();
    const steps: string[] = [];
    const d = new Director({
      timing: () => timingFor('instant', false),
      name: (seat) => `Seat ${seat}`,
      tallyMs: 5000,
      wait: clock.wait,
      onStep: (event) => steps.push(event.type),
    });
    d.reset(view(1), { version: 3, step: 2 });
    await d.play(discard, { version: 4, step: 1 }, view(2));
    // No flight, no pause: nothing waited.
    expect(clock.waits).toEqual([]);
    expect(d.getSnapshot()).toMatchObject({ view: view(2), flying: null, busy: false });
    const result: RoundResult = { round: 1, finisher: 0, reason: 'finalTurnsDone', scores: [] };
    void d.play(
      { type: 'roundEnded', data: { reveal: [], result } },
      { version: 5, step: 1 },
      view(3),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(clock.waits.map((w) => w.ms)).toEqual([5000]);
    expect(steps).toEqual(['cardDiscarded', 'roundEnded']);
  });
});
