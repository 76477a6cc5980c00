import type { ErrorBody } from '@cardtable/sdk/protocol';
import type { MatchQuotaSettings } from '../config.ts';
import { errorBody } from '../errors.ts';
import type { Metrics } from '../metrics.ts';
import type { EventStore, QuotaUsage } from '../store/event-store.ts';

/** Which limit refused a creation, as `details.limit` of a `QUOTA_EXCEEDED` error. */
export type QuotaLimit =
  'createdPerUser' | 'createdPerIp' | 'activePerUser' | 'activePerIp' | 'openTablesPerUser';

const LIMITS: { limit: QuotaLimit; usage: keyof QuotaUsage; what: string }[] = [
  { limit: 'openTablesPerUser', usage: 'openTablesByUser', what: 'You have' },
  { limit: 'activePerUser', usage: 'openByUser', what: 'You have' },
  { limit: 'activePerIp', usage: 'openByIp', what: 'Your network address has' },
  { limit: 'createdPerUser', usage: 'createdByUser', what: 'You created' },
  { limit: 'createdPerIp', usage: 'createdByIp', what: 'Your network address created' },
];

/**
 * Per-user and per-address limits on matches created (in a sliding window) and open at once
 * (waiting or playing). Counted in the store, so they hold across restarts; every match counts
 * against the user who created it, CPU-only ones included. The check and the insert of one user
 * and one address run one at a time, so a burst of parallel requests cannot slip past a limit.
 */
export class MatchQuotas {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly settings: MatchQuotaSettings,
    private readonly now: () => number,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Runs `create` if the user and the address are within every quota (and, for an open table,
   * the user's open tables within theirs); else the refusal.
   */
  async admit<T>(
    userId: string,
    ip: string,
    create: () => Promise<T>,
    listed = false,
  ): Promise<{ ok: true; value: T } | { ok: false; error: ErrorBody }> {
    return this.exclusive(`user:${userId}`, () =>
      this.exclusive(`ip:${ip}`, async () => {
        const refusal = await this.check(userId, ip, listed);
        return refusal
          ? { ok: false as const, error: refusal }
          : { ok: true as const, value: await create() };
      }),
    );
  }

  private async check(userId: string, ip: string, listed: boolean): Promise<ErrorBody | null> {
    const { windowMs, createdPerUser, createdPerIp, activePerUser, activePerIp } = this.settings;
    const max: Record<QuotaLimit, number> = {
      createdPerUser,
      createdPerIp,
      activePerUser,
      activePerIp,
      // Only a new open table counts against the open tables a user may list.
      openTablesPerUser: listed ? this.settings.openTablesPerUser : 0,
    };
    const usage = await this.store.quotaUsage(
      userId,
      ip,
      new Date(this.now() - windowMs).toISOString(),
      {
        createdByUser: createdPerUser,
        openByUser: activePerUser,
        createdByIp: createdPerIp,
        openByIp: activePerIp,
        openTablesByUser: max.openTablesPerUser,
      },
    );
    for (const { limit, usage: key, what } of LIMITS) {
      const cap = max[limit];
      if (cap === 0 || usage[key] < cap) continue;
      this.metrics.quotaRefusals.inc({ limit });
      const open = limit.startsWith('active') || limit === 'openTablesPerUser';
      const minutes = Math.round(windowMs / 60_000);
      const message =
        limit === 'openTablesPerUser'
          ? `${what} ${cap} open tables waiting for players, the most allowed at once: start or leave one first.`
          : open
            ? `${what} ${cap} matches waiting or in play, the most allowed at once: finish one first (matches that never start expire).`
            : `${what} ${cap} matches in the last ${minutes} minutes, the most allowed: try again later.`;
      return errorBody('QUOTA_EXCEEDED', message, {
        limit,
        max: cap,
        ...(open ? {} : { windowMs }),
      });
    }
    return null;
  }

  /** Runs `task` after every earlier task of `key` has settled. */
  private async exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.locks.get(key) ?? Promise.resolve();
    const result = before.then(task, task);
    const settled = result.catch(() => undefined);
    this.locks.set(key, settled);
    try {
      return await result;
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }
}
