import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { periodicJob } from '../src/periodic-job.ts';

/** A run the test ends when it likes. */
function gate() {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { done, open, fail };
}

describe('a periodic job', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs first after its first delay, then each interval after the last run ended', async () => {
    const runs: number[] = [];
    let slow: ReturnType<typeof gate> | null = null;
    const job = periodicJob({
      everyMs: 100,
      firstAfterMs: 30,
      run: async () => {
        runs.push(Date.now());
        if (slow) await slow.done;
      },
      onError: () => undefined,
    });
    const start = Date.now();
    job.start();
    job.start(); // a second start does not add a schedule
    await vi.advanceTimersByTimeAsync(29);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs.map((at) => at - start)).toEqual([30, 130]);

    // A run that takes 250 ms: the next starts 100 ms after it ends, not at its turn.
    slow = gate();
    await vi.advanceTimersByTimeAsync(100);
    await vi.advanceTimersByTimeAsync(250);
    slow.open();
    slow = null;
    await vi.advanceTimersByTimeAsync(99);
    expect(runs.map((at) => at - start)).toEqual([30, 130, 230]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map((at) => at - start)).toEqual([30, 130, 230, 580]);
    await job.stop();
  });

  it('runs one at a time: a run asked for meanwhile, or due meanwhile, joins the one under way', async () => {
    let runs = 0;
    const slow = gate();
    const job = periodicJob({
      everyMs: 100,
      run: async () => {
        runs++;
        await slow.done;
        return runs;
      },
      onError: () => undefined,
    });
    job.start();
    const first = job.runNow();
    const second = job.runNow();
    await vi.advanceTimersByTimeAsync(500); // the timer fires while the manual run is under way
    expect(runs).toBe(1);
    slow.open();
    expect(await first).toEqual({ ok: true, value: 1 });
    expect(await second).toEqual({ ok: true, value: 1 });
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    await job.stop();
  });

  it('reports a failed run, throws nothing, and runs again on schedule', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const job = periodicJob({
      everyMs: 100,
      run: () => {
        calls++;
        // A run that throws before it returns a promise fails the same way.
        if (calls === 1) throw new Error('at once');
        if (calls === 2) return Promise.reject(new Error('later'));
        return Promise.resolve('fine');
      },
      onError: (error) => errors.push((error as Error).message),
    });
    const failed = await job.runNow();
    expect(failed.ok).toBe(false);
    expect(!failed.ok && (failed.error as Error).message).toBe('at once');
    job.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(errors).toEqual(['at once', 'later']);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(2);
    await job.stop();
  });

  it('stops: the timer is cancelled and stop waits for the run under way', async () => {
    let runs = 0;
    const slow = gate();
    const job = periodicJob({
      everyMs: 100,
      run: async () => {
        runs++;
        await slow.done;
      },
      onError: () => undefined,
    });
    job.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    slow.open();
    await stopping;
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);

    // Started again, it keeps one schedule.
    job.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    await job.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('started again before the stopped run ended, keeps a single schedule', async () => {
    let runs = 0;
    const slow = gate();
    const job = periodicJob({
      everyMs: 100,
      run: async () => {
        runs++;
        if (runs === 1) await slow.done;
      },
      onError: () => undefined,
    });
    job.start();
    await vi.advanceTimersByTimeAsync(100);
    void job.stop();
    job.start();
    slow.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    expect(vi.getTimerCount()).toBe(1);
    await job.stop();
  });
});
