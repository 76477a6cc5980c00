import type { ChatChannel, ChatReportView } from '@cardtable/sdk/chat';
import { writeUnderCap, type Database } from '../store/database.ts';

/** `gone`: the muter's account was deleted (its session not yet signed out): nothing stored. */
export type MuteOutcome = 'muted' | 'unknown' | 'full' | 'gone';

/** A message as stored: the text as written (readers with the filter on get it masked). */
export interface StoredMessage {
  id: string;
  room: string;
  channel: ChatChannel;
  userId: string;
  name: string;
  seat: number | null;
  body: string;
  at: string;
}

type MessageRow = {
  id: string;
  room: string;
  channel: ChatChannel;
  user_id: string;
  user_name: string;
  seat: number | null;
  body: string;
  created_at: Date;
};

const toMessage = (row: MessageRow): StoredMessage => ({
  id: String(row.id),
  room: row.room,
  channel: row.channel,
  userId: row.user_id,
  name: row.user_name,
  seat: row.seat,
  body: row.body,
  at: row.created_at.toISOString(),
});

type ReportRow = {
  id: string;
  message_id: string;
  room: string;
  channel: string;
  body: string;
  message_at: Date;
  reporter_id: string;
  reporter_name: string;
  reported_user_id: string;
  reported_name: string;
  reported_silenced_until: Date | null;
  reason: string;
  created_at: Date;
  resolved_at: Date | null;
  resolver_name: string | null;
  resolution: 'dismissed' | 'actioned' | null;
  note: string;
};

const toReport = (row: ReportRow): ChatReportView => ({
  id: String(row.id),
  messageId: String(row.message_id),
  room: row.room,
  channel: row.channel,
  text: row.body,
  messageAt: row.message_at.toISOString(),
  reporter: { id: row.reporter_id, name: row.reporter_name },
  reported: {
    id: row.reported_user_id,
    name: row.reported_name,
    silencedUntil: row.reported_silenced_until?.toISOString() ?? null,
  },
  reason: row.reason,
  createdAt: row.created_at.toISOString(),
  resolution:
    row.resolution && row.resolved_at
      ? {
          outcome: row.resolution,
          by: row.resolver_name ?? '',
          at: row.resolved_at.toISOString(),
          note: row.note,
        }
      : null,
});

const REPORT_COLUMNS = `r.id, r.message_id, r.room, r.channel, r.body, r.message_at, r.reporter_id,
  reporter.name AS reporter_name, r.reported_user_id, r.reported_name, r.reason, r.created_at,
  r.resolved_at, resolver.name AS resolver_name, r.resolution, r.note,
  CASE WHEN reported.chat_silenced_until > now() THEN reported.chat_silenced_until END
    AS reported_silenced_until`;
const REPORT_FROM = `chat_reports r JOIN users reporter ON reporter.id = r.reporter_id
  LEFT JOIN users reported ON reported.id = r.reported_user_id
  LEFT JOIN users resolver ON resolver.id = r.resolved_by`;

/** Chat's tables (migration 012): messages, mutes and reports. */
export class ChatStore {
  constructor(
    private readonly db: Database,
    /** Messages kept per channel; older ones are deleted as new ones arrive. */
    private readonly keepPerChannel: number,
  ) {}

  /**
   * Stores a message and drops the channel's messages beyond the newest `keepPerChannel`; null
   * (nothing stored) when the author's account was deleted: a socket stays open a moment after
   * the deletion, until its session is found signed out. The author's row is read `FOR SHARE`,
   * so a deletion still being committed is waited for and seen (it deletes the author's chat,
   * and a message stored meanwhile would outlive it).
   */
  async append(message: Omit<StoredMessage, 'id' | 'at'>): Promise<StoredMessage | null> {
    const [row] = await this.db.query<MessageRow>(
      `INSERT INTO chat_messages (room, channel, user_id, user_name, seat, body)
       SELECT $1, $2, id, $4, $5, $6 FROM users WHERE id = $3 AND deleted_at IS NULL FOR SHARE
       RETURNING *`,
      [message.room, message.channel, message.userId, message.name, message.seat, message.body],
      'chat_append',
    );
    if (!row) return null;
    await this.db.query(
      `DELETE FROM chat_messages WHERE room = $1 AND channel = $2 AND id <= (
         SELECT id FROM chat_messages WHERE room = $1 AND channel = $2
         ORDER BY id DESC OFFSET $3 LIMIT 1)`,
      [message.room, message.channel, this.keepPerChannel],
      'chat_prune',
    );
    return toMessage(row);
  }

  /** A channel's kept messages, oldest first. */
  async history(room: string, channel: ChatChannel): Promise<StoredMessage[]> {
    const rows = await this.db.query<MessageRow>(
      `SELECT * FROM chat_messages WHERE room = $1 AND channel = $2 ORDER BY id DESC LIMIT $3`,
      [room, channel, this.keepPerChannel],
      'chat_history',
    );
    return rows.reverse().map(toMessage);
  }

  async message(id: string): Promise<StoredMessage | null> {
    const rows = await this.db.query<MessageRow>(
      'SELECT * FROM chat_messages WHERE id = $1',
      [id],
      'chat_message',
    );
    return rows[0] ? toMessage(rows[0]) : null;
  }

  async mutedBy(userId: string): Promise<string[]> {
    const rows = await this.db.query<{ muted_user_id: string }>(
      'SELECT muted_user_id FROM chat_mutes WHERE user_id = $1 ORDER BY created_at',
      [userId],
      'chat_mutes',
    );
    return rows.map((row) => row.muted_user_id);
  }

  /**
   * Which of `userIds` name a user (as an account's mute checks: a deleted account's row is still
   * there). A guest's mutes are kept in memory only, and must name someone all the same.
   */
  async knownUsers(userIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ id: string }>(
      'SELECT id FROM users WHERE id = ANY($1::text[])',
      [userIds],
      'chat_known_users',
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Mutes `mutedUserId` for `userId`: `muted` (also when it was already), `unknown` when it names
   * no user, `full` when `userId` mutes `max` people already, `gone` when `userId`'s account was
   * deleted (read `FOR SHARE`, as `append` does). Counted and written under the user's advisory
   * lock, so a burst of mutes (on one node or several) stops exactly at `max`.
   */
  async mute(userId: string, mutedUserId: string, max: number): Promise<MuteOutcome> {
    const muted = await this.db.transaction((query) =>
      writeUnderCap(
        query,
        {
          lock: `mutes:user:${userId}`,
          // A mute already there takes no new place: muting again answers `muted` as before.
          count: `SELECT CASE WHEN bool_or(muted_user_id = $2) THEN 0 ELSE count(*) END::int AS n
                  FROM chat_mutes WHERE user_id = $1`,
          params: [userId, mutedUserId],
          cap: max,
        },
        async (): Promise<MuteOutcome> => {
          const added = await query(
            `INSERT INTO chat_mutes (user_id, muted_user_id)
             SELECT muter.id, muted.id FROM users muter JOIN users muted ON muted.id = $2
              WHERE muter.id = $1 AND muter.deleted_at IS NULL
                FOR SHARE OF muter
             ON CONFLICT DO NOTHING
             RETURNING muted_user_id`,
            [userId, mutedUserId],
          );
          if (added.length > 0) return 'muted';
          // Nothing added: muted already, or one of the two missing (a rare path, read once).
          const [row] = await query(
            `SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL) AS live,
                    EXISTS (SELECT 1 FROM users WHERE id = $2) AS target`,
            [userId, mutedUserId],
          );
          if (row!.live !== true) return 'gone';
          return row!.target === true ? 'muted' : 'unknown';
        },
      ),
    );
    return muted.ok ? muted.value : 'full';
  }

  async unmute(userId: string, mutedUserId: string): Promise<void> {
    await this.db.query('DELETE FROM chat_mutes WHERE user_id = $1 AND muted_user_id = $2', [
      userId,
      mutedUserId,
    ]);
  }

  /** False when this reporter already reported this message. */
  async report(message: StoredMessage, reporterId: string, reason: string): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO chat_reports
         (message_id, room, channel, body, message_at, reporter_id, reported_user_id, reported_name, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (message_id, reporter_id) DO NOTHING RETURNING id`,
      [
        message.id,
        message.room,
        message.channel,
        message.body,
        message.at,
        reporterId,
        message.userId,
        message.name,
        reason,
      ],
    );
    return rows.length > 0;
  }

  /** Open reports oldest first (the queue to work through); resolved ones newest first. */
  async reports(status: 'open' | 'resolved', limit: number): Promise<ChatReportView[]> {
    const rows = await this.db.query<ReportRow>(
      status === 'open'
        ? `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.resolved_at IS NULL
           ORDER BY r.created_at, r.id LIMIT $1`
        : `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.resolved_at IS NOT NULL
           ORDER BY r.resolved_at DESC, r.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toReport);
  }

  /**
   * Resolves an open report, and with `silenceHours` silences its message's author in chat
   * from now for that long (a longer silence already running is kept), in one statement; null
   * when there is no such report, 'resolved' when it was already.
   */
  async resolve(
    id: string,
    by: string,
    outcome: 'dismissed' | 'actioned',
    note: string,
    silenceHours: number | null = null,
  ): Promise<ChatReportView | null | 'resolved'> {
    const updated = await this.db.query<{ id: string }>(
      `WITH resolved AS (
         UPDATE chat_reports SET resolved_at = now(), resolved_by = $2, resolution = $3, note = $4
         WHERE id = $1 AND resolved_at IS NULL RETURNING id, reported_user_id
       ), silenced AS (
         UPDATE users u SET chat_silenced_until = GREATEST(
           COALESCE(u.chat_silenced_until, now()), now() + make_interval(hours => $5::int))
         FROM resolved WHERE $5::int IS NOT NULL AND u.id = resolved.reported_user_id
         RETURNING u.id
       )
       SELECT id FROM resolved`,
      [id, by, outcome, note, silenceHours],
    );
    const rows = await this.db.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.id = $1`,
      [id],
    );
    if (!rows[0]) return null;
    return updated.length > 0 ? toReport(rows[0]) : 'resolved';
  }

  /** Until when a moderator silenced this user in chat; null when they may write. */
  async silencedUntil(userId: string): Promise<Date | null> {
    const rows = await this.db.query<{ until: Date }>(
      `SELECT chat_silenced_until AS until FROM users
       WHERE id = $1 AND chat_silenced_until > now()`,
      [userId],
      'chat_silenced_until',
    );
    return rows[0]?.until ?? null;
  }

  /** Lets a silenced user write again; false when there is no such user. */
  async liftSilence(userId: string): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE users SET chat_silenced_until = NULL WHERE id = $1 RETURNING id',
      [userId],
    );
    return rows.length > 0;
  }

  /** Every kept message of a room, oldest first (a finished match's chat, for its replay). */
  async roomLog(room: string): Promise<StoredMessage[]> {
    const rows = await this.db.query<MessageRow>(
      'SELECT * FROM chat_messages WHERE room = $1 ORDER BY id',
      [room],
    );
    return rows.map(toMessage);
  }
}
