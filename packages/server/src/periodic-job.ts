/**
 * The server's background work (database upkeep, retention and match sweeps, mail delivery,
 * lease renewal, matchmaking, the social projection) is one shape: run something every so
 * often, never two runs at once, never let a failure escape a timer, and on shutdown cancel the
 * timer and wait for the run under way, so what it uses (a database, a connection) can close.
 */

/** How one run ended: its value, or its error (already told to `onError`). */
export type JobRun<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface PeriodicJobOptions<T> {
  /** The time from the end of one run to the start of the next. */
  everyMs: number;
  /** The time from `start` to the first run (default `everyMs`). */
  firstAfterMs?: number;
  run: () => Promise<T>;
  /** Told of each failed run, however it was started; the next run is on schedule. */
  onError: (error: unknown) => void;
}

export interface PeriodicJob<T> {
  /** Starts the schedule; while it runs, another call does nothing. */
  start(): void;
  /** Runs at once, or joins the run under way (whoever started it). Never rejects. */
  runNow(): Promise<JobRun<T>>;
  /** Cancels the schedule and waits for the run under way. `start` may start it again. */
  stop(): Promise<void>;
}

/**
 * A job run `firstAfterMs` after `start`, then `everyMs` after each run ends: a slow run pushes
 * the next one back rather than queueing runs behind it. Its timer does not keep the process
 * alive (every user stops it on close; a process ending meanwhile owes it nothing).
 */
export function periodicJob<T>({
  everyMs,
  firstAfterMs = everyMs,
  run,
  onError,
}: PeriodicJobOptions<T>): PeriodicJob<T> {
  let scheduled = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<JobRun<T>> | null = null;

  const runNow = (): Promise<JobRun<T>> => {
    // The promise constructor turns a `run` that throws before its first await into a failure.
    running ??= new Promise<T>((resolve) => resolve(run()))
      .then(
        (value): JobRun<T> => ({ ok: true, value }),
        (error: unknown): JobRun<T> => {
          onError(error);
          return { ok: false, error };
        },
      )
      .finally(() => (running = null));
    return running;
  };

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      timer = null;
      void runNow().then(() => {
        // Unless stopped meanwhile, or stopped and started again (that start set its own timer).
        if (scheduled && timer === null) schedule(everyMs);
      });
    }, delayMs);
    timer.unref();
  };

  return {
    start() {
      if (scheduled) return;
      scheduled = true;
      schedule(firstAfterMs);
    },
    runNow,
    async stop() {
      scheduled = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
