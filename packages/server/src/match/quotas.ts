import type { ErrorBody } from '@cardtable/sdk/protocol';
import type { MatchQuotaSettings } from '../config.ts';
import { errorBody } from '../errors.ts';
import type { Metrics } from '../metrics.ts';
import type { EventStore, NewMatch, QuotaUsage } from '../store/event-store.ts';

/** Which limit refused a creation, as `details.limit` of a `QUOTA_EXCEEDED` error. */
export type QuotaLimit = 'createdPerUser' | 'createdPerIp' | 'activePerUser' | 'activePerIp';

const LIMITS: { limit: QuotaLimit; usage: keyof QuotaUsage; what: string }[] = [
  { limit: 'activePerUser', usage: 'openByUser', what: 'You have' },
  { limit: 'activePerIp', usage: 'openByIp', what: 'Your network address has' },
  { limit: 'createdPerUser', usage: 'createdByUser', what: 'You created' },
  { limit: 'createdPerIp', usage: 'createdByIp', what: 'Your network address created' },
];

/**
 * Per-user and per-address limits on matches created (in a sliding window) and open at once
 * (waiting or playing). Counted in the store, so they hold across restarts; every match counts
 * against the user who created it, CPU-only ones included. The store counts and inserts under
 * database locks of the user and the address, so a burst of parallel requests, on one node or
 * many, cannot slip past a limit.
 */
export class MatchQuotas {
  constructor(
    private readonly store: EventStore,
    private readonly settings: MatchQuotaSettings,
    private readonly now: () => number,
    private readonly metrics: Metrics,
  ) {}

  /** Stores `match` if its host and address are within every quota; else the refusal. */
  async admit(
    match: NewMatch & { creatorIp: string },
  ): Promise<{ ok: true } | { ok: false; error: ErrorBody }> {
    const { windowMs, createdPerUser, createdPerIp, activePerUser, activePerIp } = this.settings;
    const refusal = await this.store.createMatchWithinQuota(
      match,
      new Date(this.now() - windowMs).toISOString(),
      {
        createdByUser: createdPerUser,
        openByUser: activePerUser,
        createdByIp: createdPerIp,
        openByIp: activePerIp,
      },
      (usage) => this.refusal(usage),
    );
    return refusal ? { ok: false, error: refusal } : { ok: true };
  }

  private refusal(usage: QuotaUsage): ErrorBody | null {
    const { windowMs, createdPerUser, createdPerIp, activePerUser, activePerIp } = this.settings;
    const max: Record<QuotaLimit, number> = {
      createdPerUser,
      createdPerIp,
      activePerUser,
      activePerIp,
    };
    for (const { limit, usage: key, what } of LIMITS) {
      const cap = max[limit];
      if (cap === 0 || usage[key] < cap) continue;
      this.metrics.quotaRefusals.inc({ limit });
      const open = limit.startsWith('active');
      const minutes = Math.round(windowMs / 60_000);
      const message = open
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
}
