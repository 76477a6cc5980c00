import type { HostedGame } from '../games.ts';
import { OwnedElsewhere, soleOwner, type MatchOwnership } from '../nodes/ownership.ts';
import type { MatchRecord } from '../store/event-store.ts';
import { MatchActor, type ActorContext } from './actor.ts';
import { seatOfUser } from './match-record.ts';

/** What access checks read of a match: its live actor's, or its stored record's. */
export interface MatchFacts {
  readonly status: MatchRecord['status'];
  readonly matchRecord: MatchRecord;
  seatOf(userId: string): number | null;
}

/** A stored record read as facts (another node holds the live match). */
const factsOf = (record: MatchRecord): MatchFacts => ({
  status: record.status,
  matchRecord: record,
  seatOf: (userId) => seatOfUser(record, userId),
});

/** A loaded match's bookkeeping: when it was last watched and last used. */
interface Activity {
  /** When nobody was connected any more (ms); from the store's `seen_at` when loaded. */
  unwatchedSince: number;
  /** When it was last loaded, used by a request or left by a connection (ms). */
  usedAt: number;
}

/** A match taken out of memory, with the time it was last watched (to persist). */
export interface Unloaded {
  id: string;
  unwatchedSince: number;
}

/**
 * The match actors of this process, loaded on demand (snapshot plus tail) and unloaded when
 * idle, so memory follows active play rather than history. One actor per match: concurrent loads
 * of one match share a single promise. A request holds a lease on the match while it uses its
 * actor, so the actor is never unloaded under it (which would let a second actor load).
 * Across nodes, a match is claimed from `ownership` before its actor is built and released when
 * it leaves memory: a match another node owns is never built here (`get` rejects with
 * `OwnedElsewhere`, naming where it lives).
 */
export class MatchRegistry {
  private readonly actors = new Map<string, Promise<MatchActor | null>>();
  /** The actors of `actors` that finished loading. */
  private readonly inMemory = new Map<string, MatchActor>();
  private readonly activity = new Map<string, Activity>();
  private readonly leases = new Map<string, number>();
  /** Loads wait for this while the lifecycle sweep changes unloaded matches in the store. */
  private barrier: Promise<unknown> = Promise.resolve();
  private loadCount = 0;

  constructor(
    /** The game a match plays, from what it recorded (built-in name or pinned content version). */
    private readonly gameOf: (record: MatchRecord) => Promise<HostedGame | null>,
    private readonly ctx: ActorContext,
    private readonly now: () => number = Date.now,
    private readonly ownership: MatchOwnership = soleOwner,
  ) {
    ownership.onLost((matchId) => this.lost(matchId));
  }

  /**
   * The actor of a match, loading it from the store; null when there is no such match. Rejects
   * with `OwnedElsewhere` when another node owns it.
   */
  get(matchId: string): Promise<MatchActor | null> {
    let actor = this.actors.get(matchId);
    if (!actor) {
      actor = this.barrier.then(() => this.claimAndLoad(matchId));
      this.track(matchId, actor);
    }
    return actor;
  }

  /** The actor of a match if it is in memory (nothing is loaded). */
  loaded(matchId: string): Promise<MatchActor | null> | undefined {
    return this.actors.get(matchId);
  }

  /**
   * Runs `work` with the match's actor (null: no such match) under a lease, then unloads the
   * actor again if it is finished and unwatched.
   */
  async use<T>(matchId: string, work: (actor: MatchActor | null) => T | Promise<T>): Promise<T> {
    this.leases.set(matchId, (this.leases.get(matchId) ?? 0) + 1);
    let actor: MatchActor | null = null;
    try {
      actor = await this.get(matchId);
      return await work(actor);
    } finally {
      const left = (this.leases.get(matchId) ?? 1) - 1;
      if (left > 0) this.leases.set(matchId, left);
      else this.leases.delete(matchId);
      if (actor) this.release(actor);
    }
  }

  /**
   * Runs `work` with what access checks need of a match (null: no such match): its actor when
   * this node owns it (loading it if nobody does), else its record in the store, which holds
   * seats, status and privacy as the owner last committed them.
   */
  async facts<T>(matchId: string, work: (facts: MatchFacts | null) => T): Promise<T> {
    try {
      return await this.use(matchId, work);
    } catch (error) {
      if (!(error instanceof OwnedElsewhere)) throw error;
      const record = await this.ctx.store.getMatch(matchId);
      return work(record ? factsOf(record) : null);
    }
  }

  /** Adopts a match created by this process (its actor starts with the record in hand). */
  async adopt(record: MatchRecord): Promise<MatchActor> {
    const hosted = await this.gameOf(record);
    if (!hosted) throw new Error(`Game ${record.game} is not hosted here.`);
    // A new id: no other node can hold it (unless Redis answers nonsense, which must not fork it).
    const claim = await this.ownership.claim(record.id);
    if (!claim.mine) throw new OwnedElsewhere(record.id, claim.ownerUrl);
    const now = this.now();
    this.activity.set(record.id, { unwatchedSince: now, usedAt: now });
    const actor = MatchActor.load(record, hosted, this.ctx);
    actor.catch(() => this.ownership.release(record.id));
    this.track(record.id, actor);
    return actor;
  }

  /** A socket left the match: from now on it may be unwatched. */
  disconnected(actor: MatchActor): void {
    const activity = this.activity.get(actor.id);
    if (activity && actor.connectionCount === 0) {
      activity.unwatchedSince = this.now();
      activity.usedAt = activity.unwatchedSince;
    }
    this.release(actor);
  }

  /** Unloads a finished match nobody watches or uses; it is loaded again when someone asks. */
  release(actor: MatchActor): void {
    const activity = this.activity.get(actor.id);
    if (activity) activity.usedAt = Math.max(activity.usedAt, this.now());
    if (actor.status === 'over' && this.idle(actor)) this.unload(actor);
  }

  /** The loaded actors (not the ones still loading). */
  loadedActors(): MatchActor[] {
    return [...this.inMemory.values()];
  }

  /** Since when nobody has been connected to a loaded match (ms), or null when someone is. */
  unwatchedSince(actor: MatchActor): number | null {
    if (actor.connectionCount > 0) return null;
    return this.activity.get(actor.id)?.unwatchedSince ?? null;
  }

  /**
   * Unloads every loaded match unwatched, unused and with no move pending since `usedBefore`
   * (ms). Returns them with the time they were last watched, for the store.
   */
  unloadIdle(usedBefore: number): Unloaded[] {
    const unloaded: Unloaded[] = [];
    for (const actor of this.loadedActors()) {
      const activity = this.activity.get(actor.id);
      if (!activity || activity.usedAt > usedBefore || !this.idle(actor)) continue;
      if (actor.movesPending) continue;
      unloaded.push({ id: actor.id, unwatchedSince: activity.unwatchedSince });
      this.unload(actor);
    }
    return unloaded;
  }

  /**
   * Runs `work` while no match is being loaded: what it changes in the store for matches not in
   * `inMemoryIds()` cannot race an actor.
   */
  whileNoneLoads<T>(work: () => Promise<T>): Promise<T> {
    const result = this.barrier.then(work);
    this.barrier = result.catch(() => undefined);
    return result;
  }

  /**
   * The ids of every match held by any node (this one's too), or null when that cannot be told:
   * what the store's sweeps must leave alone.
   */
  leasedAnywhere(): Promise<string[] | null> {
    return this.ownership.leased();
  }

  /** The ids of every match in memory or on its way there. */
  inMemoryIds(): string[] {
    return [...this.actors.keys()];
  }

  /** How many matches are in memory, and how many were loaded (rebuilt) from the store. */
  stats(): { inMemory: number; loads: number } {
    return { inMemory: this.actors.size, loads: this.loadCount };
  }

  counts(): Record<'waiting' | 'active' | 'over', number> {
    const counts = { waiting: 0, active: 0, over: 0 };
    for (const actor of this.loadedActors()) counts[actor.status]++;
    return counts;
  }

  /** Lets in-flight actions finish, closes every match socket, then gives up every lease. */
  async drain(): Promise<void> {
    const actors = await Promise.all(
      [...this.actors.values()].map((actor) => actor.catch(() => null)),
    );
    await Promise.all(actors.map((actor) => actor?.drain()));
    await this.ownership.close();
  }

  private idle(actor: MatchActor): boolean {
    return actor.connectionCount === 0 && !actor.busy && !this.leases.has(actor.id);
  }

  private unload(actor: MatchActor): void {
    // Only the actor this registry holds for the match: an old one must not evict a newer one.
    if (this.inMemory.get(actor.id) !== actor) return;
    // drain() leaves the actor inert: no timers, and it refuses anything still sent to it.
    void actor.drain();
    this.forget(actor.id);
    this.ownership.release(actor.id);
    this.ctx.metrics.matchUnloads.inc();
  }

  /**
   * Another node took the match's lease (this one was cut off from Redis longer than a lease):
   * the actor goes, its sockets close (SHUTTING_DOWN, 1012) and reconnect to the new owner.
   */
  private lost(matchId: string): void {
    const actor = this.actors.get(matchId);
    if (!actor) return;
    // Forgotten first, so one still loading is never kept either.
    this.forget(matchId);
    this.ctx.metrics.matchUnloads.inc();
    void actor.then(
      (loaded) => loaded?.drain(),
      () => undefined,
    );
  }

  private track(matchId: string, actor: Promise<MatchActor | null>): void {
    this.actors.set(matchId, actor);
    actor.then(
      (loaded) => {
        if (this.actors.get(matchId) !== actor) return;
        if (loaded) this.inMemory.set(matchId, loaded);
        else this.forget(matchId);
      },
      () => {
        if (this.actors.get(matchId) === actor) this.forget(matchId);
      },
    );
  }

  private forget(matchId: string): void {
    this.actors.delete(matchId);
    this.inMemory.delete(matchId);
    this.activity.delete(matchId);
  }

  private async claimAndLoad(matchId: string): Promise<MatchActor | null> {
    const claim = await this.ownership.claim(matchId);
    if (!claim.mine) throw new OwnedElsewhere(matchId, claim.ownerUrl);
    let actor: MatchActor | null = null;
    try {
      actor = await this.load(matchId);
      return actor;
    } finally {
      if (!actor) this.ownership.release(matchId);
    }
  }

  private async load(matchId: string): Promise<MatchActor | null> {
    const record = await this.ctx.store.getMatch(matchId);
    if (!record) return null;
    const hosted = await this.gameOf(record);
    if (!hosted) {
      this.ctx.log.error({ matchId, game: record.game }, 'match of a game not hosted here');
      return null;
    }
    this.loadCount++;
    this.ctx.metrics.matchLoads.inc();
    const actor = await MatchActor.load(record, hosted, this.ctx);
    // A full table still waiting was cut off between its last seat and its start (the server
    // stopped between the two commits): it starts now instead of leaving its players waiting.
    if (record.status === 'waiting') void actor.startWhenFull();
    const seenAt = Date.parse(record.seenAt);
    this.activity.set(matchId, { unwatchedSince: seenAt, usedAt: this.now() });
    return actor;
  }
}
