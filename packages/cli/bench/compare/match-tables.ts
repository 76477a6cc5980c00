import type { LoadWindow } from './window.ts';

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
