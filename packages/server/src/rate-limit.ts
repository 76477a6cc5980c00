import type { AddressKey } from './address-key.ts';

/**
 * A token bucket: `capacity` tokens, refilled at `perSecond`; each message or request takes one
 * (or `cost`, e.g. the bytes of a body).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  take(cost = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond,
    );
    this.updatedAt = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** How long until `cost` tokens are there (at once: 0; never, past the capacity: Infinity). */
  msUntil(cost = 1): number {
    if (cost > this.capacity) return Infinity;
    const elapsedS = (this.now() - this.updatedAt) / 1000;
    const tokens = Math.min(this.capacity, this.tokens + elapsedS * this.perSecond);
    return tokens >= cost ? 0 : Math.ceil(((cost - tokens) / this.perSecond) * 1000);
  }

  /** Refilled to its capacity by now (it may be forgotten: a new one would be the same). */
  get full(): boolean {
    return this.msUntil(this.capacity) === 0;
  }
}

/**
 * Token buckets by key (a user, an `AddressKey`, ...), forgetting keys whose bucket has
 * refilled. `K` names the kind of key, so a per-address limiter takes only `AddressKey`s.
 */
export class KeyedRateLimiter<K extends string = string> {
  private readonly buckets = new Map<K, TokenBucket>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: K, cost = 1): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.makeRoom();
      bucket = new TokenBucket(this.capacity, this.perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(cost);
  }

  /** Keys held now (at most `maxKeys`). */
  get size(): number {
    return this.buckets.size;
  }

  /**
   * Forgets every refilled bucket and, when that frees less than a tenth of `maxKeys` (a client
   * with many addresses keeps its buckets in use), the oldest keys down to nine tenths: memory
   * stays bounded, and the next sweep is a tenth of `maxKeys` new keys away, so sweeping costs
   * each new key little however many keys a client brings. A forgotten key starts full again,
   * which only the oldest keys of a client with more than `maxKeys` of them can gain from.
   */
  private makeRoom(): void {
    for (const [key, bucket] of this.buckets) if (bucket.full) this.buckets.delete(key);
    const keep = Math.floor(this.maxKeys * 0.9);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= keep) break;
      this.buckets.delete(key);
    }
  }

  /** How long until `key`'s bucket holds `cost` tokens (see `TokenBucket.msUntil`). */
  msUntil(key: K, cost = 1): number {
    return this.buckets.get(key)?.msUntil(cost) ?? 0;
  }
}

export interface LimiterRefusal {
  ok: false;
  refusedBy: 'user' | 'address';
  /** How long until the bucket that refused would allow the same cost. */
  retryAfterMs: number;
}
export type LimiterVerdict = { ok: true } | LimiterRefusal;

/**
 * Attempts limited per user and per address at once, both buckets charged every time, so
 * neither many guests on one address (guests cost nothing to make) nor one user on many
 * addresses gets more.
 */
export class UserAndAddressLimiter {
  private readonly perUser: KeyedRateLimiter;
  private readonly perAddress: KeyedRateLimiter<AddressKey>;

  constructor(userPerMinute: number, addressPerMinute: number) {
    this.perUser = new KeyedRateLimiter(userPerMinute, userPerMinute / 60);
    this.perAddress = new KeyedRateLimiter(addressPerMinute, addressPerMinute / 60);
  }

  take(userId: string, address: AddressKey, cost = 1): boolean {
    return this.check(userId, address, cost).ok;
  }

  /**
   * Like `take`, but a refusal says which bucket refused and how long until it would allow this
   * cost (when both refused, the one that keeps it waiting longer).
   */
  check(userId: string, address: AddressKey, cost = 1): LimiterVerdict {
    const refusals: LimiterRefusal[] = [];
    if (!this.perUser.take(userId, cost)) {
      refusals.push({
        ok: false,
        refusedBy: 'user',
        retryAfterMs: this.perUser.msUntil(userId, cost),
      });
    }
    if (!this.perAddress.take(address, cost)) {
      const retryAfterMs = this.perAddress.msUntil(address, cost);
      refusals.push({ ok: false, refusedBy: 'address', retryAfterMs });
    }
    const longest = refusals.sort((a, b) => b.retryAfterMs - a.retryAfterMs)[0];
    if (longest) return longest;
    return { ok: true };
  }
}

/**
 * A limit that may be shared between nodes: the same token bucket, kept in this process or (with
 * `REDIS_URL`) in Redis. Auth routes use these; per-message socket limits stay in process.
 */
export interface SharedRateLimiter {
  /** Takes one token from `key`'s bucket; false when it is empty. */
  take(key: string): Promise<boolean>;
}

export interface BucketShape {
  /** A short name, part of the shared key (`login-ip`, `signup-ip`, ...). */
  name: string;
  capacity: number;
  perSecond: number;
}

/** Makes the shared limiters of one server: all in process, or all in Redis. */
export interface RateLimitBackend {
  limiter(shape: BucketShape): SharedRateLimiter;
  close(): Promise<void>;
}

export const memoryRateLimits = (): RateLimitBackend => ({
  limiter({ capacity, perSecond }) {
    const keyed = new KeyedRateLimiter(capacity, perSecond);
    return { take: async (key) => keyed.take(key) };
  },
  close: async () => undefined,
});
