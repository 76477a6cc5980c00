import { createHmac, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { ACCOUNT_ROLES, type AccountRole } from '@cardtable/sdk/accounts';
import type { AuthResponse, User } from '@cardtable/sdk/protocol';
import type { Database } from '../store/database.ts';
import { newId } from '../ids.ts';
import { sha256 } from '../sha256.ts';
import type { ClientInfo, SessionService } from './sessions.ts';

/** Who a verified access token speaks for. */
export interface Principal {
  userId: string;
  name: string;
  guest: boolean;
  role: AccountRole;
  sessionId: string;
  /** When the access token expires (ms since the epoch): sockets holding it close then. */
  expiresAt: number;
}

export interface TokenSettings {
  secret: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** A refresh that failed: unknown, used or expired token (UNAUTHORIZED), or a revoked session. */
export type RefreshOutcome =
  | { ok: true; auth: AuthResponse }
  | {
      ok: false;
      code: 'UNAUTHORIZED' | 'SESSION_REVOKED' | 'RATE_LIMITED';
      message: string;
      details?: Record<string, unknown>;
    };

const ISSUER = 'cardtable';
export const randomToken = () => randomBytes(32).toString('base64url');

/**
 * Signed, expiring access tokens (HS256 JWT naming user and session) and single-use refresh
 * tokens (random, stored hashed, rotated on every use). A refresh token used twice means it was
 * copied: its whole session (every token of the family) is revoked.
 */
export class TokenService {
  private constructor(
    private readonly db: Database,
    private readonly key: Uint8Array,
    private readonly settings: TokenSettings,
    readonly sessions: SessionService,
  ) {}

  /** Uses TOKEN_SECRET, or a key generated once and kept in the database (shared by nodes). */
  static async create(
    db: Database,
    settings: TokenSettings,
    sessions: SessionService,
  ): Promise<TokenService> {
    let secret = settings.secret;
    if (secret === null) {
      await db.query(
        `INSERT INTO server_keys (name, value) VALUES ('access_token', $1)
         ON CONFLICT (name) DO NOTHING`,
        [randomBytes(32).toString('base64url')],
      );
      const rows = await db.query<{ value: string }>(
        `SELECT value FROM server_keys WHERE name = 'access_token'`,
      );
      secret = (rows[0] as { value: string }).value;
    }
    return new TokenService(db, new TextEncoder().encode(secret), settings, sessions);
  }

  /**
   * A key derived from the token secret (shared by every node of a deployment) for nodes to
   * vouch to each other for what they forward; never the signing key itself.
   */
  nodeKey(): Uint8Array {
    return createHmac('sha256', this.key).update('cardtable node forwarding').digest();
  }

  async createGuest(name: string, client: ClientInfo): Promise<AuthResponse> {
    const id = newId('u');
    await this.db.query('INSERT INTO users (id, name, guest) VALUES ($1, $2, true)', [id, name]);
    return this.signIn(id, client);
  }

  /** A new session for the user, and its first token pair. */
  async signIn(userId: string, client: ClientInfo): Promise<AuthResponse> {
    const sessionId = await this.sessions.create(userId, client);
    return this.issue(userId, sessionId);
  }

  /**
   * Trades a refresh token for a new pair of the same session. `admit` is asked, once the token
   * is known good and before it is used up, whether its session may refresh now.
   */
  async refresh(
    refreshToken: string,
    admit: (sessionId: string) => Promise<boolean> = async () => true,
  ): Promise<RefreshOutcome> {
    const hash = sha256(refreshToken);
    const rows = await this.db.query<{
      session_id: string;
      user_id: string;
      used: boolean;
      expired: boolean;
      revoked: boolean;
    }>(
      `SELECT r.session_id, s.user_id, r.used_at IS NOT NULL AS used,
              r.expires_at <= now() AS expired, s.revoked_at IS NOT NULL AS revoked
       FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id
       WHERE r.token_hash = $1`,
      [hash],
    );
    const found = rows[0];
    const unknown = {
      ok: false,
      code: 'UNAUTHORIZED',
      message: 'The refresh token is unknown or expired.',
    } as const;
    if (!found || found.expired) return unknown;
    const revoked = {
      ok: false,
      code: 'SESSION_REVOKED',
      message: 'This session was signed out: sign in again.',
    } as const;
    if (found.revoked) return revoked;
    // Refused before the token is used up, so the client may try it again later.
    if (!found.used && !(await admit(found.session_id))) {
      return {
        ok: false,
        code: 'RATE_LIMITED',
        message: 'This session refreshes its tokens too often: wait a minute.',
        details: { limit: 'refresh_per_session' },
      };
    }
    const claimed = found.used
      ? []
      : await this.db.query(
          `UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL
           RETURNING token_hash`,
          [hash],
        );
    if (claimed.length === 0) {
      // Used before: someone else holds a copy. Nothing of this family may be trusted.
      await this.sessions.revoke({ sessionId: found.session_id }, 'refresh_reuse');
      return revoked;
    }
    if (!(await this.sessions.isLive(found.session_id))) return revoked;
    return { ok: true, auth: await this.issue(found.user_id, found.session_id) };
  }

  /** The principal of a valid access token of a live session, or null. */
  async verify(token: string | undefined | null): Promise<Principal | null> {
    if (!token || token.length > 4096) return null;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] }));
    } catch {
      return null;
    }
    const { sub, sid, name, role, exp } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || typeof name !== 'string') return null;
    if (typeof exp !== 'number' || !ACCOUNT_ROLES.includes(role as AccountRole)) return null;
    if (!(await this.sessions.isLive(sid))) return null;
    return {
      userId: sub,
      name,
      guest: payload.guest === true,
      role: role as AccountRole,
      sessionId: sid,
      expiresAt: exp * 1000,
    };
  }

  /** A fresh pair for the session, with the user as stored now (name, role). */
  async issue(userId: string, sessionId: string): Promise<AuthResponse> {
    const rows = await this.db.query<{
      id: string;
      name: string;
      guest: boolean;
      role: AccountRole;
    }>('SELECT id, name, guest, role FROM users WHERE id = $1 AND deleted_at IS NULL', [userId]);
    const row = rows[0];
    if (!row) throw new Error(`no user ${userId}`);
    const user: User = { id: row.id, name: row.name, guest: row.guest, role: row.role };
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + this.settings.accessTokenTtlSeconds;
    const accessToken = await new SignJWT({
      name: user.name,
      guest: user.guest,
      role: row.role,
      sid: sessionId,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    const refreshToken = randomToken();
    await this.db.query(
      `INSERT INTO refresh_tokens (token_hash, user_id, session_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [sha256(refreshToken), user.id, sessionId, this.settings.refreshTokenTtlSeconds],
    );
    return {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: new Date(expiresAt * 1000).toISOString(),
      user,
    };
  }
}
