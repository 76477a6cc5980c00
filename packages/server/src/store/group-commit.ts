import { isUniqueViolation } from './database.ts';

/** At most this many resolutions share one statement. */
const MAX_BATCH = 256;

/** Why a batched append failed for one of its resolutions. */
export type AppendFailure = { kind: 'conflict' } | { kind: 'error'; error: unknown };

/** One match's write: at most one of a match goes in a batch. */
export interface MatchWrite {
  matchId: string;
}

interface Pending<W> {
  write: W;
  done: (failure: AppendFailure | null) => void;
}

/**
 * Group commit: the appends that arrive while a commit is under way (from every match of the
 * process) are written together, in one statement and so one transaction and one WAL flush,
 * as soon as it ends. Each caller's promise settles once that commit is durable, so an action
 * is still never acknowledged before it is stored; only the commit is shared. When a batch
 * fails (another writer stored one of its versions), each of its resolutions is tried again
 * alone, so the one that conflicts gets its conflict and the others are stored.
 */
export class GroupCommit<W extends MatchWrite> {
  private pending: Pending<W>[] = [];
  private flushing = false;
  /** Commits made and resolutions they carried, for metrics and tests. */
  commits = 0;
  appended = 0;

  /** `writeAll` stores its writes in one statement (all or none). */
  constructor(private readonly writeAll: (writes: readonly W[]) => Promise<void>) {}

  append(write: W): Promise<AppendFailure | null> {
    return new Promise((done) => {
      this.pending.push({ write, done });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    // Whatever else this turn of the event loop appends joins the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.takeBatch();
      try {
        await this.writeAll(batch.map((p) => p.write));
        this.commits++;
        this.appended += batch.length;
        for (const p of batch) p.done(null);
      } catch (error) {
        if (batch.length === 1) (batch[0] as Pending<W>).done(failureOf(error));
        else await this.appendEachAlone(batch);
      }
    }
    this.flushing = false;
  }

  /** The next batch: at most one resolution per match (a later one waits for the next batch). */
  private takeBatch(): Pending<W>[] {
    const batch: Pending<W>[] = [];
    const rest: Pending<W>[] = [];
    const matches = new Set<string>();
    for (const p of this.pending) {
      if (batch.length < MAX_BATCH && !matches.has(p.write.matchId)) {
        matches.add(p.write.matchId);
        batch.push(p);
      } else rest.push(p);
    }
    this.pending = rest;
    return batch;
  }

  private async appendEachAlone(batch: Pending<W>[]): Promise<void> {
    for (const p of batch) {
      try {
        await this.writeAll([p.write]);
        this.commits++;
        this.appended++;
        p.done(null);
      } catch (error) {
        p.done(failureOf(error));
      }
    }
  }
}

const failureOf = (error: unknown): AppendFailure =>
  isUniqueViolation(error) ? { kind: 'conflict' } : { kind: 'error', error };
