import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { periodicJob, type PeriodicJob } from '../periodic-job.ts';

/** Whether this node may build the match's actor, or which node's URL serves it. */
export type Claim = { mine: true } | { mine: false; ownerUrl: string };

/**
 * Who owns each live match (principle 5: one writer per match). The registry claims a match
 * before it builds the actor and releases it when the actor leaves memory; only the owner builds
 * one, and every other node sends the match's sockets and requests there.
 */
export interface MatchOwnership {
  claim(matchId: string): Promise<Claim>;
  release(matchId: string): void;
  /** Called when a match this node held was taken by another node (its actor must go). */
  onLost(handler: (matchId: string) => void): void;
  /** Every match some node holds now (null: cannot tell), so sweeps over the store skip them. */
  leased(): Promise<string[] | null>;
  close(): Promise<void>;
}

/** A single node (no `REDIS_URL`): it owns every match. */
export const soleOwner: MatchOwnership = {
  claim: () => Promise.resolve({ mine: true }),
  release: () => undefined,
  onLost: () => undefined,
  leased: () => Promise.resolve([]),
  close: () => Promise.resolve(),
};

/** Thrown by the registry for a match another node owns; routes and sockets go there instead. */
export class OwnedElsewhere extends Error {
  constructor(
    readonly matchId: string,
    readonly ownerUrl: string,
  ) {
    super(`Match ${matchId} is served by ${ownerUrl}.`);
  }
}

// Takes the lease when it is free, extends it when it is ours; answers who holds it now.
const CLAIM = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return holder
end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ARGV[1]
end
return holder`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type LeaseRedis = Redis & {
  claimLease(key: string, holder: string, ttlMs: number): Promise<string>;
  releaseLease(key: string, holder: string): Promise<number>;
};

/**
 * Match leases in Redis (`REDIS_URL`): `<prefix>owner:<matchId>` holds `<node id> <node URL>`
 * for `leaseMs`, set only while free (SET NX in one script) and renewed every third of it while
 * the actor lives here. A node that dies stops renewing: its leases lapse, and the next node
 * asked for one of its matches takes the lease and loads the match from the store. A renewal
 * that finds another holder (this node was cut off longer than the lease) gives the match up.
 *
 * Nothing here runs per action: only loads, unloads and the renewal timer touch Redis. While
 * Redis is unreachable a claim answers "mine" (as the limits fall back to each node's own): the
 * store's unique (match, version, step) key still refuses a second writer, and the next renewal
 * takes the lease or gives the match up.
 */
export class RedisOwnership implements MatchOwnership {
  private readonly nodeId = randomBytes(8).toString('hex');
  /** This node's holder value: its id, then the URL other nodes reach it at (once listening). */
  private holder: string | null = null;
  private readonly redis: LeaseRedis;
  private readonly held = new Set<string>();
  private readonly lostHandlers: ((matchId: string) => void)[] = [];
  private readonly renewal: PeriodicJob<void>;
  private warned = false;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly leaseMs: number,
    private readonly log: Logger,
  ) {
    redis.defineCommand('claimLease', { numberOfKeys: 1, lua: CLAIM });
    redis.defineCommand('releaseLease', { numberOfKeys: 1, lua: RELEASE });
    this.redis = redis as LeaseRedis;
    this.renewal = periodicJob({
      everyMs: Math.max(1, Math.floor(leaseMs / 3)),
      run: () => this.renewAll(),
      onError: (error) => log.error({ err: error }, 'match lease renewal failed'),
    });
    this.renewal.start();
  }

  /** Where other nodes reach this one (`NODE_URL`, else the address it listens on). */
  listening(nodeUrl: string): void {
    this.holder = `${this.nodeId} ${nodeUrl}`;
  }

  async claim(matchId: string): Promise<Claim> {
    const me = this.holder;
    if (me === null) throw new Error('A match was claimed before the node listened.');
    let holder: string;
    try {
      holder = await this.redis.claimLease(this.key(matchId), me, this.leaseMs);
    } catch (error) {
      this.warn(error);
      holder = me;
    }
    if (holder === me) {
      this.held.add(matchId);
      return { mine: true };
    }
    return { mine: false, ownerUrl: holder.slice(holder.indexOf(' ') + 1) };
  }

  release(matchId: string): void {
    if (!this.held.delete(matchId) || this.holder === null) return;
    this.redis.releaseLease(this.key(matchId), this.holder).catch((error: unknown) => {
      this.warn(error);
    });
  }

  onLost(handler: (matchId: string) => void): void {
    this.lostHandlers.push(handler);
  }

  async leased(): Promise<string[] | null> {
    const owned = `${this.prefix}owner:`;
    const ids: string[] = [];
    try {
      const stream = this.redis.scanStream({ match: `${owned}*`, count: 1000 });
      for await (const keys of stream as AsyncIterable<string[]>) {
        for (const key of keys) ids.push(key.slice(owned.length));
      }
    } catch (error) {
      this.warn(error);
      return null;
    }
    return ids;
  }

  /** Stops renewing and lets every lease go at once, so other nodes need not wait them out. */
  async close(): Promise<void> {
    await this.renewal.stop();
    const [ids, me] = [[...this.held], this.holder];
    this.held.clear();
    if (me === null) return;
    await Promise.all(ids.map((id) => this.redis.releaseLease(this.key(id), me).catch(() => 0)));
  }

  private async renewAll(): Promise<void> {
    const [ids, me] = [[...this.held], this.holder];
    if (ids.length === 0 || me === null) return;
    const pipeline = this.redis.pipeline();
    for (const id of ids) {
      (pipeline as unknown as LeaseRedis).claimLease(this.key(id), me, this.leaseMs);
    }
    const results = await pipeline.exec().catch((error: unknown) => {
      this.warn(error);
      return null;
    });
    if (!results) return;
    this.warned = false;
    ids.forEach((id, index) => {
      const [error, holder] = results[index] ?? [null, null];
      if (error || holder === me || !this.held.has(id)) return;
      this.held.delete(id);
      this.log.warn({ matchId: id, holder }, 'match lease taken by another node: giving it up');
      for (const handler of this.lostHandlers) handler(id);
    });
  }

  private key(matchId: string): string {
    return `${this.prefix}owner:${matchId}`;
  }

  private warn(error: unknown): void {
    if (!this.warned) {
      this.log.warn({ err: error }, 'redis unreachable: match leases are not checked for now');
    }
    this.warned = true;
  }
}
