import type { AddressKey } from '../address-key.ts';
import type { ErrorBody } from '@cardtable/sdk/protocol';
import type { MatchQuotaSettings } from '../config.ts';
import { errorBody } from '../errors.ts';
import type { Metrics } from '../metrics.ts';
import type { EventStore, NewMatch, QuotaUsage } from '../store/event-store.ts';

/** Which limit refused a creation, as `details.limit` of a `QUOTA_EXCEEDED` error. */
export type QuotaLimit =
  'createdPerUser' | 'createdPerIp' | 'activePerUser' | 'activePerIp' | 'openTablesPerUser';

/** The limit that refuses a matchmaking ticket (`details.limit`, and the refusals metric's label). */
export const QUEUE_LIMIT = 'queueSeatedPerUser';

/** The limit that refuses a seat at one more table someone else hosts (`details.limit`, metric label). */
export const JOINED_LIMIT = 'joinedTablesPerUser';

/** The refusal of a join past `joinedTablesPerUser` (`cap`), counted in the refusals metric. */
export function joinedTablesRefusal(metrics: Metrics, cap: number): ErrorBody {
  metrics.quotaRefusals.inc({ limit: JOINED_LIMIT });
  return errorBody(
    'QUOTA_EXCEEDED',
    `You already sit at ${cap} tables waiting for players, the most allowed at once: leave one before joining another.`,
    { limit: JOINED_LIMIT, max: cap },
  );
}

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

  /**
   * Stores `match` if its host and address are within every quota (and, for an open table, the
   * host's open tables within theirs); else the refusal.
   */
  async admit(
    match: NewMatch & { creatorIp: AddressKey },
  ): Promise<{ ok: true } | { ok: false; error: ErrorBody }> {
    const max = this.caps(match.listed ?? false);
    const refusal = await this.store.createMatchWithinQuota(
      match,
      new Date(this.now() - this.settings.windowMs).toISOString(),
      {
        createdByUser: max.createdPerUser,
        openByUser: max.activePerUser,
        createdByIp: max.createdPerIp,
        openByIp: max.activePerIp,
        openTablesByUser: max.openTablesPerUser,
      },
      (usage) => this.refusal(usage, max),
    );
    return refusal ? { ok: false, error: refusal } : { ok: true };
  }

  /**
   * Refuses a matchmaking ticket of a user already seated in `queueSeatedPerUser` unfinished
   * matches, whoever made them. Matchmaking makes matches nobody created, so the creation quotas
   * never count them: without this, two accounts queueing again after each match hold any
   * number at once. Seats, not creations: a matched player created nothing.
   */
  async admitQueued(userId: string): Promise<ErrorBody | null> {
    const cap = this.settings.queueSeatedPerUser;
    if (cap === 0 || (await this.store.unfinishedSeatsOf(userId, cap)) < cap) return null;
    this.metrics.quotaRefusals.inc({ limit: QUEUE_LIMIT });
    return errorBody(
      'QUOTA_EXCEEDED',
      `You sit in ${cap} matches waiting or in play, the most allowed at once: finish one before queueing again.`,
      { limit: QUEUE_LIMIT, max: cap },
    );
  }

  /**
   * Refuses a join (before its room code is looked up) of a user already seated at
   * `joinedTablesPerUser` tables others host that wait for players, leaving out `matchId` (the
   * table the code opens, if any: a retried join there answers with the seat held). The join
   * itself counts again, with its write (`EventStore.seatJoiner`); this early check only keeps
   * the room-code route from telling a user at the limit which codes exist (a 429 for every
   * code, open or not).
   */
  async admitJoin(userId: string, matchId: string | null): Promise<ErrorBody | null> {
    const cap = this.settings.joinedTablesPerUser;
    if (cap === 0 || (await this.store.joinedTablesOf(userId, cap, matchId ?? '')) < cap)
      return null;
    return joinedTablesRefusal(this.metrics, cap);
  }

  private caps(listed: boolean): Record<QuotaLimit, number> {
    const { createdPerUser, createdPerIp, activePerUser, activePerIp } = this.settings;
    return {
      createdPerUser,
      createdPerIp,
      activePerUser,
      activePerIp,
      // Only a new open table counts against the open tables a user may list.
      openTablesPerUser: listed ? this.settings.openTablesPerUser : 0,
    };
  }

  private refusal(usage: QuotaUsage, max: Record<QuotaLimit, number>): ErrorBody | null {
    const { windowMs } = this.settings;
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
}
