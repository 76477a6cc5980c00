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

  get full(): boolean {
    return this.tokens >= this.capacity;
  }
}

/** Token buckets by key (an IP address), forgetting keys whose bucket has refilled. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly maxKeys = 100_000,
  ) {}

  take(key: string, cost = 1): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.sweep();
      bucket = new TokenBucket(this.capacity, this.perSecond);
      this.buckets.set(key, bucket);
    }
    return bucket.take(cost);
  }

  private sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.full) this.buckets.delete(key);
  }
}

/**
 * Attempts limited per user and per address at once, both buckets charged every time, so
 * neither many guests on one address (guests cost nothing to make) nor one user on many
 * addresses gets more.
 */
export class UserAndAddressLimiter {
  private readonly perUser: KeyedRateLimiter;
  private readonly perAddress: KeyedRateLimiter;

  constructor(userPerMinute: number, addressPerMinute: number) {
    this.perUser = new KeyedRateLimiter(userPerMinute, userPerMinute / 60);
    this.perAddress = new KeyedRateLimiter(addressPerMinute, addressPerMinute / 60);
  }

  take(userId: string, ip: string, cost = 1): boolean {
    const userAllowed = this.perUser.take(userId, cost);
    const addressAllowed = this.perAddress.take(ip, cost);
    return userAllowed && addressAllowed;
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
