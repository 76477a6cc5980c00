import { randomBytes } from 'node:crypto';
import type { SignupSettings } from '@cardtable/sdk/accounts';
import { writeUnderCap, type Database } from '../store/database.ts';
import { apiError } from '../errors.ts';
import { sha256 } from '../sha256.ts';

/** An invite code: 16 readable characters, compared upper-case without dashes. */
const normalCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();
const newCode = () => {
  const raw = randomBytes(10)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'X');
  return raw
    .slice(0, 12)
    .toUpperCase()
    .replace(/(.{4})(?!$)/g, '$1-');
};

/**
 * Who may make an account: anyone (`open`), holders of an invite code (`invite`), or the first
 * `perDay` in any 24 hours (`metered`; an invite code still admits past the meter). The mode is a
 * server setting an admin changes; SIGNUP_MODE and SIGNUPS_PER_DAY are its defaults.
 */
export class SignupPolicy {
  constructor(
    private readonly db: Database,
    private readonly defaults: SignupSettings,
  ) {}

  /** The current settings (`query`: the caller's transaction, if it is in one). */
  async settings(query: Database['query'] = this.db.query): Promise<SignupSettings> {
    const rows = await query<{ value: SignupSettings }>(
      `SELECT value FROM server_settings WHERE name = 'signup'`,
    );
    return rows[0]?.value ?? this.defaults;
  }

  async update(settings: SignupSettings): Promise<SignupSettings> {
    await this.db.query(
      `INSERT INTO server_settings (name, value) VALUES ('signup', $1)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [JSON.stringify(settings)],
    );
    return settings;
  }

  async createInvites(
    createdBy: string,
    count: number,
    usesEach: number,
    expiresInDays: number | null,
  ): Promise<string[]> {
    const codes = Array.from({ length: count }, newCode);
    for (const code of codes) {
      await this.db.query(
        `INSERT INTO invite_codes (code_hash, created_by, uses_left, expires_at)
         VALUES ($1, $2, $3, CASE WHEN $4::integer IS NULL THEN NULL
                                  ELSE now() + make_interval(days => $4::integer) END)`,
        [sha256(normalCode(code)), createdBy, usesEach, expiresInDays],
      );
    }
    return codes;
  }

  /**
   * Admits one signup inside the caller's transaction (an invite's use is taken only if the
   * account is then made), or throws the refusal.
   */
  async admit(query: Database['query'], inviteCode: string | undefined): Promise<void> {
    const { mode, perDay } = await this.settings(query);
    if (inviteCode !== undefined && mode !== 'open') {
      const used = await query(
        `UPDATE invite_codes SET uses_left = uses_left - 1
         WHERE code_hash = $1 AND uses_left > 0 AND (expires_at IS NULL OR expires_at > now())
         RETURNING code_hash`,
        [sha256(normalCode(inviteCode))],
      );
      if (used.length > 0) return;
      throw apiError('FORBIDDEN', 'That invite code is unknown, used up or expired.', {
        field: 'inviteCode',
        reason: 'invite_invalid',
      });
    }
    if (mode === 'invite') {
      throw apiError('FORBIDDEN', 'Signups need an invite code right now.', {
        field: 'inviteCode',
        reason: 'invite_required',
      });
    }
    if (mode === 'metered') {
      // One signup counts at a time, until its transaction ends (with its new row or without):
      // concurrent ones would each count the same rows and all take the day's last place. The
      // caller makes the account after this, in the same transaction, still under the lock.
      const admitted = await writeUnderCap(
        query,
        {
          lock: 'signups:metered',
          count: `SELECT count(*)::int AS n FROM users WHERE registered_at > now() - interval '1 day'`,
          params: [],
          cap: perDay,
        },
        () => Promise.resolve(),
      );
      if (!admitted.ok) {
        throw apiError('QUOTA_EXCEEDED', 'Today’s signups are used up: try again tomorrow.', {
          limit: 'signups_per_day',
        });
      }
    }
  }
}
