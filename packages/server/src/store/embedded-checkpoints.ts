/**
 * Checkpoints for the embedded database. PGlite runs PostgreSQL as a single-user backend, which
 * has no checkpointer process: it checkpoints when it opens and when it closes, never while it
 * runs, whatever `max_wal_size` says (measured: 1.4 GB of write-ahead log written, no
 * checkpoint). So a server that runs for days keeps every byte of log it wrote since it started,
 * on disk, and after a crash replays all of it before it can serve (17 s for 1.4 GB here). This
 * asks for a checkpoint whenever the log written since the last one passes `walBytes`: the disk
 * holds about that much log, and a crash replays at most that much.
 *
 * A checkpoint writes the dirty pages of shared buffers (16 MB at most here) and syncs the data
 * files written since the last one; PGlite runs one statement at a time, so the server waits
 * for it (a fraction of a second) in exchange for a bounded restart.
 */

type Query = <R extends Record<string, unknown>>(sql: string) => Promise<R[]>;

export interface CheckpointPolicy {
  /** The log written since the last checkpoint that calls for the next one. */
  walBytes: number;
  /** How often the log's length is looked at. */
  checkEveryMs: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = {
  walBytes: 64 * 1024 * 1024,
  checkEveryMs: 10_000,
};

/** The write-ahead log written since the last checkpoint began, in bytes. */
export async function walSinceCheckpoint(query: Query): Promise<number> {
  const [row] = await query<{ bytes: string }>(
    'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::text AS bytes FROM pg_control_checkpoint()',
  );
  return Number(row?.bytes ?? 0);
}

/**
 * Looks at the log every `checkEveryMs` and checkpoints once it passes `walBytes`. A failed look
 * or checkpoint is tried again at the next tick (the database reports its own errors to the
 * queries that hit them). `stop` waits for a checkpoint under way, so the database can close.
 */
export function scheduleCheckpoints(
  query: Query,
  policy: CheckpointPolicy,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = async () => {
    if ((await walSinceCheckpoint(query)) >= policy.walBytes) await query('CHECKPOINT');
  };
  const timer = setInterval(() => {
    running ??= tick()
      .catch(() => undefined)
      .finally(() => (running = null));
  }, policy.checkEveryMs);
  // The process may end while checkpoints are scheduled (closing checkpoints anyway).
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
