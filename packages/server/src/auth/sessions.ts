import type { SessionInfo } from '@cardtable/sdk/accounts';
import type { Database } from '../store/database.ts';
import { newId } from '../ids.ts';
import { deviceName } from './device.ts';

/** Who is on the other end of a request that signs in. */
export interface ClientInfo {
  userAgent: string;
  ip: string;
}

export type RevokeReason =
  | 'logout'
  | 'logout_all'
  | 'revoked'
  | 'refresh_reuse'
  | 'password_changed'
  | 'password_reset'
  | 'deleted'
  | 'session_limit';

export type RevokeTarget =
  { sessionId: string; userId?: string } | { userId: string; except?: string | null };

type RevokeListener = (sessionIds: string[], reason: RevokeReason) => void;

const CACHE_LIMIT = 50_000;

/**
 * Sessions: one sign-in on one device, the family of every refresh token it was given. Access
 * tokens name their session; a revoked session's tokens stop working at once on this node and
 * within `checkMs` on the others (liveness is cached that long, and each check is a "last seen").
 */
export class SessionService {
  private readonly liveness = new Map<string, { live: boolean; at: number }>();
  private readonly listeners = new Set<RevokeListener>();

  constructor(
    private readonly db: Database,
    private readonly checkMs: number,
    /** Live sessions one user keeps (`SESSIONS_PER_USER`): each sign-in beyond ends the stalest. */
    private readonly perUser: number,
  ) {}

  async create(userId: string, client: ClientInfo): Promise<string> {
    const id = newId('s');
    await this.db.query(
      'INSERT INTO sessions (id, user_id, user_agent, ip) VALUES ($1, $2, $3, $4)',
      [id, userId, client.userAgent.slice(0, 512), client.ip.slice(0, 64)],
    );
    this.liveness.set(id, { live: true, at: Date.now() });
    await this.revokeBeyondLimit(userId);
    return id;
  }

  /**
   * Signs out the user's least recently seen sessions beyond `perUser`: without it every sign-in
   * (a login loop) kept one more live session, listed, checked and exported for good.
   */
  private async revokeBeyondLimit(userId: string): Promise<void> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE sessions SET revoked_at = now(), revoke_reason = 'session_limit'
       WHERE id IN (SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL
                    ORDER BY last_seen_at DESC, created_at DESC, id OFFSET $2)
       RETURNING id`,
      [userId, this.perUser],
    );
    this.revoked(
      rows.map((row) => row.id),
      'session_limit',
    );
  }

  /** True while the session is not revoked; notes the use as "last seen". */
  async isLive(sessionId: string): Promise<boolean> {
    const cached = this.liveness.get(sessionId);
    if (cached && (!cached.live || Date.now() - cached.at < this.checkMs)) return cached.live;
    const rows = await this.db.query(
      `UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [sessionId],
      'session_touch',
    );
    if (this.liveness.size >= CACHE_LIMIT) this.liveness.clear();
    this.liveness.set(sessionId, { live: rows.length > 0, at: Date.now() });
    return rows.length > 0;
  }

  /** Revokes sessions (one, or a user's all but `except`); returns the ids it revoked. */
  async revoke(target: RevokeTarget, reason: RevokeReason): Promise<string[]> {
    const rows =
      'sessionId' in target
        ? await this.db.query<{ id: string }>(
            `UPDATE sessions SET revoked_at = now(), revoke_reason = $2
             WHERE id = $1 AND revoked_at IS NULL AND ($3::text IS NULL OR user_id = $3)
             RETURNING id`,
            [target.sessionId, reason, target.userId ?? null],
          )
        : await this.db.query<{ id: string }>(
            `UPDATE sessions SET revoked_at = now(), revoke_reason = $2
             WHERE user_id = $1 AND revoked_at IS NULL AND ($3::text IS NULL OR id <> $3)
             RETURNING id`,
            [target.userId, reason, target.except ?? null],
          );
    const ids = rows.map((row) => row.id);
    this.revoked(ids, reason);
    return ids;
  }

  /** Notes sessions as revoked here and tells the listeners (their sockets close at once). */
  private revoked(ids: string[], reason: RevokeReason): void {
    for (const id of ids) this.liveness.set(id, { live: false, at: Date.now() });
    if (ids.length > 0) for (const listener of this.listeners) listener(ids, reason);
  }

  /** Of these sessions, the ones revoked (by any node): for sockets held open on this one. */
  async revokedAmong(sessionIds: string[]): Promise<string[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.db.query<{ id: string }>(
      'SELECT id FROM sessions WHERE id = ANY($1::text[]) AND revoked_at IS NOT NULL',
      [sessionIds],
    );
    for (const { id } of rows) this.liveness.set(id, { live: false, at: Date.now() });
    return rows.map((row) => row.id);
  }

  /** The user's live sessions, most recently seen first. */
  async list(userId: string, currentSessionId: string): Promise<SessionInfo[]> {
    const rows = await this.db.query<{
      id: string;
      user_agent: string;
      ip: string;
      created_at: Date;
      last_seen_at: Date;
    }>(
      `SELECT id, user_agent, ip, created_at, last_seen_at FROM sessions
       WHERE user_id = $1 AND revoked_at IS NULL ORDER BY last_seen_at DESC LIMIT 200`,
      [userId],
    );
    return rows.map((row) => ({
      id: row.id,
      device: deviceName(row.user_agent),
      ip: row.ip,
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      current: row.id === currentSessionId,
    }));
  }

  /** Told about every revocation made on this node (sockets close at once). */
  onRevoke(listener: RevokeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
