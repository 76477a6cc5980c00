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
 * Group commit: the appends that arrive while commits are under way (from every match of the
 * process) are written together, in one statement and so one transaction and one WAL flush.
 * Each caller's promise settles once its commit is durable, so an action is still never
 * acknowledged before it is stored; only the commit is shared. When a batch fails (another
 * writer stored one of its versions), each of its resolutions is tried again alone, so the one
 * that conflicts gets its conflict and the others are stored.
 *
 * Up to `maxInFlight` batches commit at once (PostgreSQL overlaps their flushes on its
 * connections; an embedded database runs one statement at a time, so 1): an append then waits
 * for its own commit, not for the one before it to end first. A match's writes still commit in
 * order: one whose match has a batch in flight waits for that batch.
 */
export class GroupCommit<W extends MatchWrite> {
  private pending: Pending<W>[] = [];
  private inFlight = 0;
  /** Matches with a batch in flight. */
  private committing = new Set<string>();
  private scheduled = false;
  /** Commits made and resolutions they carried, for metrics and tests. */
  commits = 0;
  appended = 0;

  /** `writeAll` stores its writes in one statement (all or none). */
  constructor(
    private readonly writeAll: (writes: readonly W[]) => Promise<void>,
    private readonly maxInFlight = 1,
  ) {}

  append(write: W): Promise<AppendFailure | null> {
    return new Promise((done) => {
      this.pending.push({ write, done });
      this.schedule();
    });
  }

  /**
   * Starts a batch when a commit may start: at the end of this turn of the event loop, so
   * whatever else it appends joins (or at once, `now`: what waited through a commit).
   */
  private schedule(now = false): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.pending.length === 0) return;
    if (now) {
      void this.commitNext();
      return;
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.commitNext();
    });
  }

  private async commitNext(): Promise<void> {
    if (this.inFlight >= this.maxInFlight) return;
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    this.inFlight++;
    for (const p of batch) this.committing.add(p.write.matchId);
    try {
      await this.commit(batch);
    } finally {
      for (const p of batch) this.committing.delete(p.write.matchId);
      this.inFlight--;
      this.schedule(true);
    }
  }

  private async commit(batch: Pending<W>[]): Promise<void> {
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

  /**
   * The next batch: at most one resolution per match, none of a match with a batch in flight
   * (a later one waits for the next batch).
   */
  private takeBatch(): Pending<W>[] {
    const batch: Pending<W>[] = [];
    const rest: Pending<W>[] = [];
    const matches = new Set<string>();
    for (const p of this.pending) {
      const { matchId } = p.write;
      if (batch.length < MAX_BATCH && !matches.has(matchId) && !this.committing.has(matchId)) {
        matches.add(matchId);
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
