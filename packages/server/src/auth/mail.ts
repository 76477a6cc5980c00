import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { periodicJob, type PeriodicJob } from '../periodic-job.ts';
import type { Database } from '../store/database.ts';
import type { MailTransportConfig } from './settings.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
}

export interface DevMail {
  id: number;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
}

/**
 * Mails one address may be sent an hour, whoever asks: every mail a stranger can trigger (a
 * password reset, a verification resent, a sign-up with an address already in use) goes to an
 * address the stranger chooses, and the per-address and per-account auth limits bound only
 * each sender, not what one inbox receives from many of them.
 */
export const MAILS_PER_RECIPIENT_PER_HOUR = 5;

/**
 * Whether `to` may be sent one more mail now (`MAILS_PER_RECIPIENT_PER_HOUR`). Asked before
 * anything the mail is about is changed, so a refused reset or verification leaves the links
 * already sent working. Concurrent requests may pass together (one or two mails over).
 */
export async function mayMail(query: Database['query'], to: string): Promise<boolean> {
  const rows = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM mail_outbox
     WHERE to_address = $1 AND created_at > now() - interval '1 hour'`,
    [to],
  );
  return (rows[0]?.n ?? 0) < MAILS_PER_RECIPIENT_PER_HOUR;
}

/** Mail is written to the outbox in the request; the sender delivers it after. */
export async function enqueueMail(query: Database['query'], mail: OutgoingMail): Promise<void> {
  await query('INSERT INTO mail_outbox (to_address, subject, body) VALUES ($1, $2, $3)', [
    mail.to,
    mail.subject,
    mail.body,
  ]);
}

const BATCH = 20;
const MAX_ATTEMPTS = 8;
/** How often the outbox is looked at (a request that writes mail also asks at once). */
const DELIVER_EVERY_MS = 2000;

/**
 * Delivers the outbox: over SMTP (nodemailer), or into the dev mailbox (the row is marked
 * delivered and /dev/mail shows it). Rows are claimed with SKIP LOCKED, so several nodes share the
 * work; a failed send is retried with backoff, up to MAX_ATTEMPTS times.
 */
export class MailSender {
  private readonly transport: Transporter | null;
  private readonly delivery: PeriodicJob<void>;

  constructor(
    private readonly db: Database,
    private readonly config: MailTransportConfig,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    this.transport = config.kind === 'smtp' ? smtpTransport(config) : null;
    this.delivery = periodicJob({
      everyMs: DELIVER_EVERY_MS,
      run: () => this.deliverDue(),
      onError: (error) => log.error({ err: error }, 'mail delivery failed'),
    });
  }

  get devMailbox(): boolean {
    return this.config.kind === 'dev';
  }

  start(): void {
    if (this.config.kind === 'none') {
      this.log.warn('mail is not configured (SMTP_URL or SMTP_HOST): mail waits in the outbox');
      return;
    }
    this.delivery.start();
  }

  /** Delivers what is due now (and what arrives meanwhile); concurrent calls share one run. */
  async kick(): Promise<void> {
    if (this.config.kind === 'none') return;
    await this.delivery.runNow();
  }

  async stop(): Promise<void> {
    await this.delivery.stop();
    this.transport?.close();
  }

  /** The dev mailbox, newest first. */
  async devMail(limit = 100): Promise<DevMail[]> {
    const rows = await this.db.query<{
      id: string;
      to_address: string;
      subject: string;
      body: string;
      created_at: Date;
    }>(
      `SELECT id, to_address, subject, body, created_at FROM mail_outbox
       WHERE delivered_by = 'dev' ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      to: row.to_address,
      subject: row.subject,
      body: row.body,
      createdAt: row.created_at.toISOString(),
    }));
  }

  private async deliverDue(): Promise<void> {
    for (;;) {
      const sent = await this.db.transaction(async (query) => {
        const due = await query<{ id: string; to_address: string; subject: string; body: string }>(
          `SELECT id, to_address, subject, body FROM mail_outbox
           WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < $1
           ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [MAX_ATTEMPTS, BATCH],
        );
        for (const mail of due) {
          const error = await this.send(mail.to_address, mail.subject, mail.body);
          if (error === null) {
            await query(
              `UPDATE mail_outbox SET sent_at = now(), delivered_by = $2, attempts = attempts + 1
               WHERE id = $1`,
              [mail.id, this.config.kind],
            );
          } else {
            this.log.warn({ mailId: mail.id, problem: error }, 'mail not sent; will retry');
            await query(
              `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2,
                 next_attempt_at = now() + make_interval(secs => power(2, attempts + 1) * 15)
               WHERE id = $1`,
              [mail.id, error.slice(0, 500)],
            );
          }
        }
        return due.length;
      });
      if (sent < BATCH) return;
    }
  }

  private async send(to: string, subject: string, text: string): Promise<string | null> {
    if (!this.transport) return null;
    try {
      await this.transport.sendMail({ from: this.from, to, subject, text });
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }
}

function smtpTransport(config: Extract<MailTransportConfig, { kind: 'smtp' }>): Transporter {
  if (config.url) return nodemailer.createTransport(config.url);
  return nodemailer.createTransport({
    host: config.host ?? 'localhost',
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
  });
}
