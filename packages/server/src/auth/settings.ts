import { SIGNUP_MODES, type SignupMode } from '@cardtable/sdk/accounts';
import { oidcProviders, type OidcProviderConfig } from './oidc-settings.ts';

/** How the server sends mail: SMTP, the dev mailbox at /dev/mail, or not at all (kept in the outbox). */
export type MailTransportConfig =
  | {
      kind: 'smtp';
      url: string | null;
      host: string | null;
      port: number;
      secure: boolean;
      user: string | null;
      password: string | null;
    }
  | { kind: 'dev' }
  | { kind: 'none' };

export interface BootstrapAdmin {
  username: string | null;
  email: string | null;
  password: string | null;
}

/** Accounts, mail and the abuse limits of auth routes (issue 12); see packages/server/README.md. */
export interface AccountSettings {
  /** Where links in mail point (the web app's origin); null: the address the server listens on. */
  publicUrl: string | null;
  mail: MailTransportConfig;
  mailFrom: string;
  /** Signup mode and daily allowance until an admin changes them (server_settings). */
  signupMode: SignupMode;
  signupsPerDay: number;
  verifyTokenTtlSeconds: number;
  resetTokenTtlSeconds: number;
  /** How often sessions are re-checked for revocation (HTTP cache, other nodes' sockets). */
  sessionCheckMs: number;
  /** Live sessions one user keeps; a sign-in beyond signs the least recently seen one out. */
  sessionsPerUser: number;
  authPerIpPerMinute: number;
  authPerAccountPerMinute: number;
  /** Token refreshes per minute per session: each one stores a refresh token for its life. */
  refreshesPerSessionPerMinute: number;
  signupsPerIpPerHour: number;
  /** Guest identities made per hour per address: each is a user row, so they are counted too. */
  guestsPerIpPerHour: number;
  lockoutAfter: number;
  lockoutBaseSeconds: number;
  lockoutMaxSeconds: number;
  admin: BootstrapAdmin;
  /** Sign-in with OpenID Connect providers (`OIDC_PROVIDERS`). */
  oidc: OidcProviderConfig[];
}

type Text = (name: string) => string | null;
type Int = (name: string, fallback: number, min: number, max?: number) => number;

/** `TRUST_PROXY`: false, true, a hop count, or addresses/CIDRs of the proxies (comma-separated). */
export function trustProxySetting(
  raw: string | null,
  errors: string[],
): boolean | number | string[] {
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const list = raw.split(',').map((part) => part.trim());
  if (
    list.some(
      (part) => !/^[0-9a-fA-F.:/]+$/.test(part) && !/^(loopback|linklocal|uniquelocal)$/.test(part),
    )
  ) {
    errors.push(
      'TRUST_PROXY must be true, false, a hop count, or comma-separated addresses/CIDRs.',
    );
    return false;
  }
  return list;
}

export function accountSettings(
  text: Text,
  int: Int,
  embedded: boolean,
  errors: string[],
): AccountSettings {
  const publicUrl = text('PUBLIC_URL');
  if (publicUrl !== null && !/^https?:\/\/[^/]+$/.test(publicUrl.replace(/\/$/, ''))) {
    errors.push('PUBLIC_URL must be an origin such as https://cards.example.com.');
  }
  const signupMode = (text('SIGNUP_MODE') ?? 'open') as SignupMode;
  if (!SIGNUP_MODES.includes(signupMode)) {
    errors.push(`SIGNUP_MODE must be one of ${SIGNUP_MODES.join(', ')}.`);
  }
  const admin: BootstrapAdmin = {
    username: text('ADMIN_USERNAME'),
    email: text('ADMIN_EMAIL')?.toLowerCase() ?? null,
    password: text('ADMIN_PASSWORD'),
  };
  if (admin.password !== null && admin.username === null) {
    errors.push('ADMIN_PASSWORD needs ADMIN_USERNAME (the account to create).');
  }
  return {
    publicUrl: publicUrl?.replace(/\/$/, '') ?? null,
    mail: mailTransport(text, int, embedded, errors),
    mailFrom: text('MAIL_FROM') ?? 'Cardtable <no-reply@cardtable.local>',
    signupMode: SIGNUP_MODES.includes(signupMode) ? signupMode : 'open',
    signupsPerDay: int('SIGNUPS_PER_DAY', 100, 0),
    verifyTokenTtlSeconds: int('VERIFY_TOKEN_TTL_S', 2 * 86_400, 60),
    resetTokenTtlSeconds: int('RESET_TOKEN_TTL_S', 3600, 60),
    sessionCheckMs: int('SESSION_CHECK_MS', 5000, 100, 600_000),
    sessionsPerUser: int('SESSIONS_PER_USER', 50, 1, 10_000),
    authPerIpPerMinute: int('RATE_AUTH_IP_PER_MIN', 30, 1),
    authPerAccountPerMinute: int('RATE_AUTH_ACCOUNT_PER_MIN', 10, 1),
    refreshesPerSessionPerMinute: int('RATE_REFRESH_PER_SESSION_PER_MIN', 10, 1),
    signupsPerIpPerHour: int('SIGNUPS_PER_IP_PER_HOUR', 10, 1),
    guestsPerIpPerHour: int('GUESTS_PER_IP_PER_HOUR', 120, 1),
    lockoutAfter: int('LOGIN_LOCKOUT_AFTER', 5, 1),
    lockoutBaseSeconds: int('LOGIN_LOCKOUT_BASE_S', 30, 1),
    lockoutMaxSeconds: int('LOGIN_LOCKOUT_MAX_S', 3600, 1),
    admin,
    oidc: oidcProviders(text, errors),
  };
}

/**
 * SMTP when `SMTP_URL` or `SMTP_HOST` is set. Otherwise the dev mailbox when `DEV_MAILBOX=true`,
 * or by default on the embedded database (a developer's machine); else mail waits in the outbox.
 */
function mailTransport(
  text: Text,
  int: Int,
  embedded: boolean,
  errors: string[],
): MailTransportConfig {
  const url = text('SMTP_URL');
  const host = text('SMTP_HOST');
  const devMailbox = text('DEV_MAILBOX');
  if (devMailbox !== null && devMailbox !== 'true' && devMailbox !== 'false') {
    errors.push('DEV_MAILBOX must be true or false.');
  }
  if (url !== null || host !== null) {
    if (url !== null && !/^smtps?:\/\//.test(url))
      errors.push('SMTP_URL must be an smtp:// or smtps:// URL.');
    if (devMailbox === 'true') errors.push('DEV_MAILBOX=true cannot be used with SMTP configured.');
    const secure = text('SMTP_SECURE');
    return {
      kind: 'smtp',
      url,
      host,
      port: int('SMTP_PORT', 587, 1, 65535),
      secure: secure === 'true',
      user: text('SMTP_USER'),
      password: text('SMTP_PASSWORD'),
    };
  }
  if (devMailbox === 'true' || (devMailbox === null && embedded)) return { kind: 'dev' };
  return { kind: 'none' };
}
