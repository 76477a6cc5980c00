import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { AuthResponse, User } from '@cardtable/sdk/protocol';
import type { Database } from '../store/database.ts';
import { newId } from '../ids.ts';

/** Who a verified access token speaks for. */
export interface Principal {
  userId: string;
  name: string;
  guest: boolean;
}

export interface TokenSettings {
  secret: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

const ISSUER = 'cardtable';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Signed, expiring access tokens (HS256 JWT) and single-use refresh tokens (random, stored
 * hashed, rotated on every use). Users are guests today; accounts add email and password
 * columns to the same user row and issue tokens the same way.
 */
export class TokenService {
  private constructor(
    private readonly db: Database,
    private readonly key: Uint8Array,
    private readonly settings: TokenSettings,
  ) {}

  /** Uses TOKEN_SECRET, or a key generated once and kept in the database (shared by nodes). */
  static async create(db: Database, settings: TokenSettings): Promise<TokenService> {
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
    return new TokenService(db, new TextEncoder().encode(secret), settings);
  }

  async createGuest(name: string): Promise<AuthResponse> {
    const user: User = { id: newId('u'), name, guest: true };
    await this.db.query('INSERT INTO users (id, name, guest) VALUES ($1, $2, true)', [
      user.id,
      user.name,
    ]);
    return this.issue(user);
  }

  /** Trades a refresh token for a new pair; null when it is unknown, used or expired. */
  async refresh(refreshToken: string): Promise<AuthResponse | null> {
    const rows = await this.db.query<{ id: string; name: string; guest: boolean }>(
      `UPDATE refresh_tokens r SET used_at = now()
       FROM users u
       WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.id = r.user_id
       RETURNING u.id, u.name, u.guest`,
      [sha256(refreshToken)],
    );
    const user = rows[0];
    return user ? this.issue({ id: user.id, name: user.name, guest: user.guest }) : null;
  }

  /** The principal of a valid access token, or null for a missing, forged or expired one. */
  async verify(token: string | undefined | null): Promise<Principal | null> {
    if (!token || token.length > 4096) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.name !== 'string') return null;
      return { userId: payload.sub, name: payload.name, guest: payload.guest === true };
    } catch {
      return null;
    }
  }

  private async issue(user: User): Promise<AuthResponse> {
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + this.settings.accessTokenTtlSeconds;
    const accessToken = await new SignJWT({ name: user.name, guest: user.guest })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    const refreshToken = randomBytes(32).toString('base64url');
    await this.db.query(
      `INSERT INTO refresh_tokens (token_hash, user_id, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [sha256(refreshToken), user.id, this.settings.refreshTokenTtlSeconds],
    );
    return {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: new Date(expiresAt * 1000).toISOString(),
      user,
    };
  }
}
