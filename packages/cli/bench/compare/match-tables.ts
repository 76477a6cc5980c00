import { LatencySamples } from '../../src/load/stats.ts';
import type { LoadWindow, WindowCounts } from './window.ts';

/** Like Cardtable's load: at most this many tables being set up at once. */
const SETUP_CONCURRENCY = 32;

/**
 * One match of an anchor, played until it is over or the run stops; calls `started` once both
 * seats hold its first state.
 */
export type PlayMatch = (started: () => void) => Promise<unknown>;

/**
 * Keeps `matches` tables playing (a finished match replaced by a new one), runs the window once
 * every table has started, then sets `control.stopping` and waits (a while) for the tables.
 */
export async function keepTablesPlaying(
  matches: number,
  playMatch: PlayMatch,
  window: LoadWindow,
  control: { stopping: boolean },
): Promise<void> {
  let ready = 0;
  let started = 0;
  const tables: Promise<void>[] = [];
  await new Promise<void>((allReady) => {
    const table = async () => {
      let first = true;
      while (!control.stopping) {
        await playMatch(() => {
          if (!first) return;
          first = false;
          ready++;
          if (ready === matches) allReady();
        });
      }
    };
    const starter = async () => {
      while (started < matches) {
        started++;
        const before = ready;
        tables.push(table());
        while (ready === before && !control.stopping)
          await new Promise((done) => setTimeout(done, 5));
      }
    };
    void Promise.all(Array.from({ length: Math.min(SETUP_CONCURRENCY, matches) }, starter));
  });
  await window.run();
  control.stopping = true;
  await Promise.race([Promise.allSettled(tables), new Promise((done) => setTimeout(done, 5_000))]);
}

/**
 * A setup call (lobby, matchmaking) retried a few times: a request on a kept-alive socket the
 * server has just closed fails ("socket hang up") though nothing is wrong.
 */
export async function retried<T>(call: () => Promise<T>, attempts = 3): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (attempts <= 1) throw error;
    await new Promise((done) => setTimeout(done, 100));
    return retried(call, attempts - 1);
  }
}

/** What an anchor's load generator counts over the window: latencies, moves, finished matches. */
export class AnchorTally {
  readonly latencies = new LatencySamples();
  private accepted = 0;
  private finished = 0;

  constructor(private readonly window: LoadWindow) {}

  readonly measuring = (): boolean => this.window.measuring();

  /**
   * Counts one match's accepted moves from a counter that moves up by one per move, as one seat
   * hears it (so each move counts once, whatever the other seats hear).
   */
  moveCounter(): (value: number) => void {
    let last = -1;
    return (value) => {
      if (last >= 0 && value > last && this.measuring()) this.accepted += value - last;
      last = Math.max(last, value);
    };
  }

  /** A match ended (call once per match: a seat may hear of the end more than once). */
  matchOver(): void {
    if (this.measuring()) this.finished++;
  }

  counts(): WindowCounts {
    const [p50, p95, p99, max] = this.latencies.percentiles([50, 95, 99, 100]);
    return {
      actions: this.accepted,
      latencyMs: { p50: p50 ?? null, p95: p95 ?? null, p99: p99 ?? null, max: max ?? null },
      matchesFinished: this.finished,
      refused: {},
    };
  }
}
