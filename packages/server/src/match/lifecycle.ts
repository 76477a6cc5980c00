import type { Logger } from 'pino';
import type { MatchLifecycleSettings } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { EventStore } from '../store/event-store.ts';
import { OwnedElsewhere } from '../nodes/ownership.ts';
import { periodicJob, type PeriodicJob } from '../periodic-job.ts';
import type { MatchActor } from './actor.ts';
import { endedResult, type EndReason } from './no-contest.ts';
import type { MatchRegistry } from './registry.ts';

/**
 * How far before the last sweep's look each sweep looks again for deleted accounts. A deletion
 * is stamped with its transaction's start (the database's clock, as the sweep's look: the
 * nodes' clocks play no part) but seen only once it commits, maybe after a sweep looked; looking
 * back this far finds it as long as its transaction took less. Accounts found twice cost
 * nothing: their seats already show the new name.
 */
export const DELETIONS_LOOK_BACK_MS = 10 * 60_000;

/** The endings the sweep decides on its own (a host closes a table through its actor). */
type SweptReason = Exclude<EndReason, 'closed'>;

export interface SweepReport {
  expired: number;
  abandoned: number;
  unloaded: number;
}

/**
 * Keeps the set of live matches bounded by play, not history. Each sweep (every
 * `sweepEveryMs`, and at start-up before anything is loaded):
 * - a match still waiting `waitingTtlMs` after its creation expires (its join code dies);
 * - a started match nobody has been connected to for `abandonAfterMs` is ended as abandoned
 *   (CPU-only matches with no watcher too);
 * - a seat a deleted account holds at a table still waiting is given up as its leave would:
 *   at someone else's table it opens again, and the deleted host's own table closes (everyone
 *   waiting there is told), so nobody waits for a host who is gone;
 * - a seat a deleted account holds at a started (or finished) match loaded here takes the name
 *   the deletion gave it, and everyone watching is told (the store has it already);
 * - a loaded match with nothing to do, unwatched and unused for `idleUnloadMs`, leaves memory.
 * Matches in memory are ended through their actor (connections are told); the others by one
 * statement each over the store, while no load can race it. Who is watching is written to the
 * store each sweep, so abandonment holds across unloads and restarts (to within a sweep).
 */
export class MatchLifecycle {
  private readonly job: PeriodicJob<SweepReport>;
  /** The database's time of the last sweep's look for deleted accounts (null: none yet). */
  private deletionsCheckedAt: string | null = null;

  constructor(
    private readonly registry: MatchRegistry,
    private readonly store: EventStore,
    private readonly settings: MatchLifecycleSettings,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {
    this.job = periodicJob({
      everyMs: settings.sweepEveryMs,
      run: () => this.sweepOnce(),
      onError: (error) => log.error({ err: error }, 'match lifecycle sweep failed'),
    });
  }

  /**
   * At start: ends what expired or was abandoned while the server was down, then loads only
   * the started matches (their clocks and CPU moves must run); the rest load on demand.
   */
  async recover(): Promise<{ ended: number; loaded: number }> {
    const swept = await this.sweep();
    const active = await this.store.activeMatchIds();
    let loaded = 0;
    for (const id of active) {
      // Another node's live matches stay there (several nodes share one store).
      const actor = await this.registry.get(id).catch((error: unknown) => {
        if (error instanceof OwnedElsewhere) return null;
        throw error;
      });
      if (actor) loaded++;
    }
    return { ended: swept.expired + swept.abandoned, loaded };
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One sweep; a call while one runs shares it. A failure is logged, and thrown here. */
  async sweep(): Promise<SweepReport> {
    const ran = await this.job.runNow();
    if (!ran.ok) throw ran.error;
    return ran.value;
  }

  private async sweepOnce(): Promise<SweepReport> {
    const now = this.now();
    const { waitingTtlMs, abandonAfterMs, idleUnloadMs } = this.settings;
    const report: SweepReport = { expired: 0, abandoned: 0, unloaded: 0 };
    const watched: string[] = [];
    const ending: Promise<void>[] = [];
    for (const actor of this.registry.loadedActors()) {
      const unwatchedSince = this.registry.unwatchedSince(actor);
      if (unwatchedSince === null) watched.push(actor.id);
      if (
        actor.status === 'waiting' &&
        Date.parse(actor.matchRecord.createdAt) <= now - waitingTtlMs
      ) {
        ending.push(this.end(actor, 'expired', () => actor.status === 'waiting', report));
      } else if (
        actor.status === 'active' &&
        unwatchedSince !== null &&
        unwatchedSince <= now - abandonAfterMs
      ) {
        ending.push(this.end(actor, 'abandoned', () => actor.connectionCount === 0, report));
      }
    }
    await Promise.all(ending);
    await this.releaseDeletedSeats();
    await this.renameDeletedSeats();

    const nowIso = new Date(now).toISOString();
    await this.registry.whileNoneLoads(async () => {
      const unloaded = this.registry.unloadIdle(now - idleUnloadMs);
      report.unloaded = unloaded.length;
      await this.store.markSeen([
        ...watched.map((id) => ({ id, at: nowIso })),
        ...unloaded.map(({ id, unwatchedSince }) => ({
          id,
          at: new Date(unwatchedSince).toISOString(),
        })),
      ]);
      // Read the ids in memory only now, after the unloads above. Other nodes' live matches are
      // theirs to end; when they cannot be told apart, the store is left alone this time.
      const leased = await this.registry.leasedAnywhere();
      if (leased === null) return;
      const inMemory = [...this.registry.inMemoryIds(), ...leased];
      const expired = await this.store.endStale({
        status: 'waiting',
        since: 'created_at',
        before: new Date(now - waitingTtlMs).toISOString(),
        skip: inMemory,
        result: endedResult('expired'),
        endedAt: nowIso,
      });
      const abandoned = await this.store.endStale({
        status: 'active',
        since: 'seen_at',
        before: new Date(now - abandonAfterMs).toISOString(),
        skip: inMemory,
        result: endedResult('abandoned'),
        endedAt: nowIso,
      });
      this.count('expired', expired, report);
      this.count('abandoned', abandoned, report);
    });
    return report;
  }

  /**
   * Gives up the seats deleted accounts hold at waiting tables, through each table's actor (so
   * connections are told): loaded here, or loaded now when no node has it. A table another node
   * holds is that node's to change, in its own sweep.
   */
  private async releaseDeletedSeats(): Promise<void> {
    const seats = await this.store.waitingSeatsOfDeleted();
    for (const { matchId, userId, name } of seats) {
      try {
        await this.registry.use(matchId, (actor) => actor?.accountDeleted(userId, name));
      } catch (error) {
        if (!(error instanceof OwnedElsewhere)) throw error;
      }
    }
    if (seats.length > 0) {
      this.log.info(
        { seats: seats.length },
        'seats of deleted accounts at waiting tables given up',
      );
    }
  }

  /**
   * Renames, in the started and finished matches this node holds, the seats of accounts deleted
   * since they were loaded (a match loaded later reads the stored, anonymised names; another
   * node's matches are its own to rename, in its sweep). Seat writes never store the old name
   * meanwhile (`EventStore.updateSeats`): this is for who watches now. Asks only for the
   * accounts deleted since the last sweep (see `DELETIONS_LOOK_BACK_MS`), not for every seated
   * one: the work is the deletions', whatever the number of live matches.
   */
  private async renameDeletedSeats(): Promise<void> {
    const { deleted, checkedAt } = await this.store.deletedSince(
      this.deletionsCheckedAt,
      DELETIONS_LOOK_BACK_MS,
    );
    const names = new Map(deleted.map(({ userId, name }) => [userId, name]));
    let renamed = 0;
    if (names.size > 0) {
      for (const actor of this.registry.loadedActors()) {
        if (actor.status === 'waiting') continue;
        for (const { userId, name: shown } of actor.matchRecord.seats) {
          const name = userId === undefined ? undefined : names.get(userId);
          if (name === undefined || shown === name) continue;
          await actor.accountDeleted(userId as string, name);
          renamed++;
        }
      }
    }
    // Only once every seat is renamed: a sweep that failed asks for the same deletions again.
    this.deletionsCheckedAt = checkedAt;
    if (renamed > 0) this.log.info({ seats: renamed }, 'seats of deleted accounts renamed');
  }

  private async end(
    actor: MatchActor,
    reason: SweptReason,
    stillDue: () => boolean,
    report: SweepReport,
  ): Promise<void> {
    if (await actor.conclude(endedResult(reason), stillDue)) {
      this.count(reason, [actor.id], report);
      this.registry.release(actor);
    }
  }

  private count(reason: SweptReason, ids: string[], report: SweepReport): void {
    if (ids.length === 0) return;
    report[reason] += ids.length;
    this.metrics.matchesEnded.inc({ reason }, ids.length);
    this.log.info({ reason, matches: ids.length, matchIds: ids.slice(0, 20) }, `matches ${reason}`);
  }
}
