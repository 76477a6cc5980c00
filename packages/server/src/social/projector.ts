import type { Logger } from 'pino';
import { periodicJob, type PeriodicJob } from '../periodic-job.ts';
import type { Database } from '../store/database.ts';
import { extendFeed, readFeed } from './feed.ts';
import { foldMatch } from './fold.ts';
import {
  PROJECTION_TABLES,
  readPlayersBefore,
  SOCIAL_CHECKPOINT as CHECKPOINT,
  writeChanges,
} from './projection-store.ts';

export interface ProjectorSettings {
  /** How often it looks for newly finished matches. */
  pollMs: number;
  /** Matches folded per transaction. */
  batch: number;
  /** Tests: called inside the transaction after the writes, before the checkpoint moves. */
  beforeCommit?: (folded: number) => Promise<void> | void;
}

/**
 * Follows finished matches in feed order and folds them into ratings, stats and achievements.
 * Each batch is one transaction: the checkpoint's row lock (so one projector works at a time,
 * across nodes), the feed's new positions, the writes and the new checkpoint commit together or
 * not at all, so every match is folded exactly once, whatever crashes.
 */
export class SocialProjector {
  /** Every batch, in the order asked for (polls, rebuilds and callers share one line). */
  private running: Promise<unknown> = Promise.resolve();
  private readonly polling: PeriodicJob<number>;
  /** The rebuild under way: a second request joins it rather than queueing another. */
  private rebuilding: Promise<number> | null = null;

  constructor(
    private readonly db: Database,
    private readonly settings: ProjectorSettings,
    log?: Pick<Logger, 'error'>,
  ) {
    this.polling = periodicJob({
      everyMs: settings.pollMs,
      run: () => this.catchUp(),
      onError: (err) => log?.error({ err }, 'social projection failed'),
    });
  }

  /** Folds one batch; resolves with how many matches it folded. */
  step(): Promise<number> {
    const run = this.running.then(() => this.fold());
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Folds until nothing is left; resolves with the total (told to `progress` after each batch). */
  async catchUp(progress?: (folded: number) => void): Promise<number> {
    let total = 0;
    for (;;) {
      const folded = await this.step();
      total += folded;
      if (folded === 0) return total;
      progress?.(total);
    }
  }

  /** Finished matches: what a rebuild folds (at least; more may finish meanwhile). */
  async finishedCount(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM matches WHERE status = 'over'`,
    );
    return row?.n ?? 0;
  }

  /**
   * Empties the projection and folds the whole feed again, in the same order. A rebuild asked
   * for while one is under way joins it (same answer): repeating the request cannot queue up
   * full rebuilds, and whatever finishes meanwhile is folded by the running one's catch-up.
   */
  rebuild(progress?: (folded: number) => void): Promise<number> {
    this.rebuilding ??= this.rebuildOnce(progress).finally(() => (this.rebuilding = null));
    return this.rebuilding;
  }

  private async rebuildOnce(progress?: (folded: number) => void): Promise<number> {
    const run = this.running.then(() =>
      this.db.transaction(async (query) => {
        await query(`SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [
          CHECKPOINT,
        ]);
        for (const table of PROJECTION_TABLES) await query(`DELETE FROM ${table}`);
        await query(`UPDATE projection_checkpoints SET position = 0 WHERE name = $1`, [CHECKPOINT]);
      }),
    );
    this.running = run.catch(() => undefined);
    await run;
    return this.catchUp(progress);
  }

  start(): void {
    this.polling.start();
  }

  /** Stops polling and waits for every batch asked for (a rebuild's too). */
  async stop(): Promise<void> {
    await this.polling.stop();
    await this.running;
  }

  private fold(): Promise<number> {
    return this.db.transaction(async (query) => {
      const [checkpoint] = await query<{ position: number }>(
        `SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`,
        [CHECKPOINT],
      );
      const position = (checkpoint as { position: number }).position;
      await extendFeed(query, this.settings.batch);
      const matches = await readFeed(query, position, this.settings.batch);
      for (const match of matches) {
        await writeChanges(query, match, foldMatch(match, await readPlayersBefore(query, match)));
      }
      const last = matches.at(-1);
      if (!last) return 0;
      await this.settings.beforeCommit?.(matches.length);
      await query(`UPDATE projection_checkpoints SET position = $2 WHERE name = $1`, [
        CHECKPOINT,
        last.position,
      ]);
      return matches.length;
    });
  }
}
