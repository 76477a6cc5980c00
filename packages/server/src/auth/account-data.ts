import type { Preferences, Profile, UpdateProfileRequest } from '@cardtable/sdk/accounts';
import type { Database } from '../store/database.ts';
import { apiError } from '../errors.ts';
import { displayNameProblem } from './account-rules.ts';
import type { SessionService } from './sessions.ts';

/** The name a deleted user's seats and rows show. */
export const DELETED_NAME = 'Deleted player';

export const avatarPath = (userId: string) => `/api/users/${encodeURIComponent(userId)}/avatar.svg`;

type UserRow = {
  id: string;
  name: string;
  guest: boolean;
  username: string | null;
  email: string | null;
  pending_email: string | null;
  role: Profile['role'];
  preferences: Preferences;
  created_at: Date;
};

/** Profiles, the export of a user's data, and deletion (anonymising, keeping match history). */
export class AccountData {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
  ) {}

  async profile(userId: string): Promise<Profile> {
    const rows = await this.db.query<UserRow>(
      `SELECT id, name, guest, username, email, pending_email, role, preferences, created_at
       FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [userId],
    );
    const row = rows[0];
    if (!row) throw apiError('UNAUTHORIZED', 'This account no longer exists.');
    return {
      id: row.id,
      displayName: row.name,
      guest: row.guest,
      username: row.username,
      email: row.email ?? row.pending_email,
      emailVerified: row.email !== null,
      role: row.role,
      avatarUrl: avatarPath(row.id),
      preferences: row.preferences,
      createdAt: row.created_at.toISOString(),
    };
  }

  /** Changes the display name (seats taken from now on show it) and preferences. */
  async update(userId: string, change: UpdateProfileRequest): Promise<Profile> {
    const name = change.displayName?.trim() ?? null;
    if (name !== null) {
      const problem = displayNameProblem(name);
      if (problem) throw apiError('BAD_REQUEST', problem.message, { field: problem.field });
    }
    await this.db.query(
      `UPDATE users SET name = coalesce($2, name), preferences = preferences || $3::jsonb
       WHERE id = $1 AND deleted_at IS NULL`,
      [userId, name, JSON.stringify(change.preferences ?? {})],
    );
    return this.profile(userId);
  }

  /** Everything stored about the user, as one JSON document. */
  async export(userId: string): Promise<Record<string, unknown>> {
    const profile = await this.profile(userId);
    const [sessions, matches, games, replays, chatMessages, chatMutes] = await Promise.all([
      this.db.query(
        `SELECT id, user_agent AS "userAgent", ip, created_at AS "createdAt",
                last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt"
         FROM sessions WHERE user_id = $1 ORDER BY created_at`,
        [userId],
      ),
      this.db.query(
        `SELECT m.id, m.game, m.status, p.seat, m.created_at AS "createdAt",
                m.ended_at AS "endedAt", m.result
         FROM match_players p JOIN matches m ON m.id = p.match_id
         WHERE p.user_id = $1 ORDER BY m.created_at`,
        [userId],
      ),
      this.db.query(
        `SELECT slug, name, description, created_at AS "createdAt", draft_updated_at AS "draftUpdatedAt"
         FROM content_games WHERE owner_id = $1 ORDER BY created_at`,
        [userId],
      ),
      this.db.query(
        `SELECT id, verified, created_at AS "createdAt" FROM replays
         WHERE imported_by = $1 ORDER BY created_at`,
        [userId],
      ),
      this.db.query(
        `SELECT id, room, channel, body AS text, created_at AS "createdAt" FROM chat_messages
         WHERE user_id = $1 ORDER BY id`,
        [userId],
      ),
      this.db.query(
        `SELECT muted_user_id AS "userId", created_at AS "createdAt" FROM chat_mutes
         WHERE user_id = $1 ORDER BY created_at`,
        [userId],
      ),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      profile,
      sessions,
      matches,
      games,
      replays,
      chat: { messages: chatMessages, mutes: chatMutes },
    };
  }

  /**
   * Deletes the account by anonymising it: the row stays (matches, replays and games point at
   * it) but its name, login, email, password, preferences and chat messages go, seats show
   * DELETED_NAME, links die and every session is signed out.
   */
  async delete(userId: string): Promise<void> {
    await this.db.transaction(async (query) => {
      await query(
        `UPDATE users SET name = $2, username = NULL, email = NULL, pending_email = NULL,
           password_hash = NULL, email_verified_at = NULL, preferences = '{}', role = 'player',
           deleted_at = now()
         WHERE id = $1 AND deleted_at IS NULL`,
        [userId, DELETED_NAME],
      );
      await query('DELETE FROM email_tokens WHERE user_id = $1', [userId]);
      await query('DELETE FROM user_identities WHERE user_id = $1', [userId]);
      // Their chat goes; reports keep the reported text for the moderators' record, not the name.
      await query('DELETE FROM chat_messages WHERE user_id = $1', [userId]);
      await query('DELETE FROM chat_mutes WHERE user_id = $1 OR muted_user_id = $1', [userId]);
      await query('UPDATE chat_reports SET reported_name = $2 WHERE reported_user_id = $1', [
        userId,
        DELETED_NAME,
      ]);
      await query(
        `UPDATE matches m SET seats = (
           SELECT jsonb_agg(CASE WHEN seat->>'userId' = $1 THEN seat || jsonb_build_object('name', $2::text)
                                 ELSE seat END ORDER BY position)
           FROM jsonb_array_elements(m.seats) WITH ORDINALITY AS s(seat, position))
         WHERE m.id IN (SELECT match_id FROM match_players WHERE user_id = $1)`,
        [userId, DELETED_NAME],
      );
    });
    await this.sessions.revoke({ userId }, 'deleted');
  }
}
