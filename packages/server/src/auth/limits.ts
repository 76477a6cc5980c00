import type { AddressKey } from '../address-key.ts';
import type { RateLimitBackend, SharedRateLimiter } from '../rate-limit.ts';
import { apiError } from '../errors.ts';
import type { AccountSettings } from './settings.ts';

/**
 * The abuse limits of auth routes, all token buckets of one backend (in process, or Redis with
 * REDIS_URL): auth requests per address and per account (the login name or email they name), and
 * accounts and guest identities made per address. Lockout after failed logins lives with the
 * account (accounts.ts).
 */
export class AuthLimits {
  private readonly perIp: SharedRateLimiter;
  private readonly perAccount: SharedRateLimiter;
  private readonly signupsPerIp: SharedRateLimiter;
  private readonly guestsPerIp: SharedRateLimiter;
  private readonly refreshesPerSession: SharedRateLimiter;

  constructor(backend: RateLimitBackend, settings: AccountSettings) {
    this.perIp = backend.limiter({
      name: 'auth-ip',
      capacity: settings.authPerIpPerMinute,
      perSecond: settings.authPerIpPerMinute / 60,
    });
    this.perAccount = backend.limiter({
      name: 'auth-account',
      capacity: settings.authPerAccountPerMinute,
      perSecond: settings.authPerAccountPerMinute / 60,
    });
    this.signupsPerIp = backend.limiter({
      name: 'signup-ip',
      capacity: settings.signupsPerIpPerHour,
      perSecond: settings.signupsPerIpPerHour / 3600,
    });
    this.refreshesPerSession = backend.limiter({
      name: 'refresh-session',
      capacity: settings.refreshesPerSessionPerMinute,
      perSecond: settings.refreshesPerSessionPerMinute / 60,
    });
    this.guestsPerIp = backend.limiter({
      name: 'guest-ip',
      capacity: settings.guestsPerIpPerHour,
      perSecond: settings.guestsPerIpPerHour / 3600,
    });
  }

  /** One auth request from `address` naming `account` (a login, an email, a user id), or a refusal. */
  async take(address: AddressKey, account: string | null): Promise<void> {
    if (!(await this.perIp.take(address))) {
      throw apiError(
        'RATE_LIMITED',
        'Too many sign-in requests from your address: wait a minute.',
        {
          limit: 'auth_per_ip',
        },
      );
    }
    if (account !== null && !(await this.perAccount.take(account.trim().toLowerCase()))) {
      throw apiError('RATE_LIMITED', 'Too many requests for this account: wait a minute.', {
        limit: 'auth_per_account',
      });
    }
  }

  /** One token refresh of a session: false when it refreshed too often (its token stays good). */
  takeRefresh(sessionId: string): Promise<boolean> {
    return this.refreshesPerSession.take(sessionId);
  }

  /** One guest identity made from `address`. */
  async takeGuest(address: AddressKey): Promise<void> {
    if (!(await this.guestsPerIp.take(address))) {
      throw apiError('RATE_LIMITED', 'Too many guests made from your address: try later.', {
        limit: 'guests_per_ip',
      });
    }
  }

  /** One account made from `address`. */
  async takeSignup(address: AddressKey): Promise<void> {
    if (!(await this.signupsPerIp.take(address))) {
      throw apiError('RATE_LIMITED', 'Too many accounts made from your address: try later.', {
        limit: 'signups_per_ip',
      });
    }
  }
}
