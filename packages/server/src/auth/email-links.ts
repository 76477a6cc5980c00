import type { Database } from '../store/database.ts';
import { enqueueMail, mayMail } from './mail.ts';
import { sha256 } from '../sha256.ts';
import { randomToken } from './tokens.ts';

export type LinkPurpose = 'verify' | 'reset';

const PAGES: Record<LinkPurpose, string> = {
  verify: '/verify-email',
  reset: '/reset-password',
};

export interface EmailLinkSettings {
  /** The web app's origin, for the links. */
  publicUrl: () => string;
  ttlSeconds: Record<LinkPurpose, number>;
}

/**
 * Single-use, expiring links mailed to an address: email verification and password reset. Only
 * the token's hash is stored; using one marks it used, and a newer one of the same purpose
 * replaces the older ones.
 */
export class EmailLinks {
  constructor(
    private readonly db: Database,
    private readonly settings: EmailLinkSettings,
  ) {}

  async send(
    query: Database['query'],
    userId: string,
    purpose: LinkPurpose,
    email: string,
    write: (link: string, hours: number) => { subject: string; body: string },
  ): Promise<void> {
    // Over the recipient's hourly mails: nothing is sent and the links already sent stay good.
    if (!(await mayMail(query, email))) return;
    const token = randomToken();
    const ttl = this.settings.ttlSeconds[purpose];
    await query(
      `UPDATE email_tokens SET used_at = now()
       WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
    await query(
      `INSERT INTO email_tokens (token_hash, user_id, purpose, email, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [sha256(token), userId, purpose, email, ttl],
    );
    const link = `${this.settings.publicUrl()}${PAGES[purpose]}?token=${token}`;
    await enqueueMail(query, { to: email, ...write(link, Math.round(ttl / 3600)) });
  }

  /** The link's user and address while it is valid (not used, not expired), without using it. */
  async peek(
    token: string,
    purpose: LinkPurpose,
  ): Promise<{ userId: string; email: string } | null> {
    const rows = await this.db.query<{ user_id: string; email: string }>(
      `SELECT user_id, email FROM email_tokens
       WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`,
      [sha256(token), purpose],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, email: row.email } : null;
  }

  /** Uses the link (once): its user and address, or null when invalid, used or expired. */
  async use(
    query: Database['query'],
    token: string,
    purpose: LinkPurpose,
  ): Promise<{ userId: string; email: string } | null> {
    const rows = await query<{ user_id: string; email: string }>(
      `UPDATE email_tokens SET used_at = now()
       WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING user_id, email`,
      [sha256(token), purpose],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, email: row.email } : null;
  }
}
