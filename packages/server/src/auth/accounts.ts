import type {
  ChangePasswordRequest,
  FieldErrorDetails,
  RegisterRequest,
  ResetPasswordRequest,
} from '@cardtable/sdk/accounts';
import type { AuthResponse } from '@cardtable/sdk/protocol';
import type { Database } from '../store/database.ts';
import { apiError } from '../errors.ts';
import { newId } from '../ids.ts';
import {
  displayNameProblem,
  emailProblem,
  normalEmail,
  usernameProblem,
  type FieldProblem,
} from './account-rules.ts';
import type { EmailLinks } from './email-links.ts';
import { enqueueMail, mayMail } from './mail.ts';
import { checkPassword, hashPassword, passwordProblem } from './passwords.ts';
import type { ClientInfo } from './sessions.ts';
import type { AccountSettings } from './settings.ts';
import type { SignupPolicy } from './signup-policy.ts';
import type { Principal, TokenService } from './tokens.ts';

/** Every refused field at once: one at a time, a new player filled the form in rounds. */
const badFields = (first: FieldProblem, all: readonly FieldProblem[]) => {
  const details: FieldErrorDetails = {
    field: first.field,
    fields: Object.fromEntries(all.map(({ field, message }) => [field, message])),
  };
  return apiError('BAD_REQUEST', first.message, { ...details });
};

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** The same answer for a wrong login, a wrong password and an unknown account. */
const wrongLogin = () => apiError('UNAUTHORIZED', 'Wrong username, email or password.');

/** Accounts sign in by username, by verified email, or by the email waiting for its link. */
const CANDIDATES = `deleted_at IS NULL AND password_hash IS NOT NULL AND
  (lower(username) = lower($1) OR email = $2 OR (email IS NULL AND pending_email = $2))`;

/**
 * Email + password accounts on the users' rows: registration (new, or a guest keeping its id),
 * login with lockout, the email links (verification, reset) and password changes. A given email
 * waits in `pending_email` until its link is followed, so no answer tells whether it is taken.
 */
export class AccountService {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenService,
    private readonly links: EmailLinks,
    private readonly signups: SignupPolicy,
    private readonly settings: AccountSettings,
    private readonly mailSent: () => void,
  ) {}

  /** A new account, signed in. */
  async register(request: RegisterRequest, client: ClientInfo): Promise<AuthResponse> {
    const account = await this.checked(request);
    const id = newId('u');
    await this.db.transaction(async (query) => {
      await this.signups.admit(query, request.inviteCode);
      await this.claimUsername(() =>
        query(
          `INSERT INTO users (id, name, guest, username, pending_email, password_hash, registered_at)
           VALUES ($1, $2, false, $3, $4, $5, now())`,
          [id, account.displayName, account.username, account.email, account.passwordHash],
        ),
      );
      await this.mailVerification(query, id, account.email, account.username);
    });
    this.mailSent();
    return this.tokens.signIn(id, client);
  }

  /** The guest becomes an account with the same id (its matches, drafts and replays stay). */
  async upgrade(principal: Principal, request: RegisterRequest): Promise<AuthResponse> {
    if (!principal.guest) throw apiError('CONFLICT', 'This is already an account.');
    const account = await this.checked(request);
    await this.db.transaction(async (query) => {
      await this.signups.admit(query, request.inviteCode);
      const rows = await this.claimUsername(() =>
        query(
          `UPDATE users SET guest = false, username = $2, pending_email = $3, password_hash = $4,
             registered_at = now(), name = coalesce($5, name)
           WHERE id = $1 AND guest AND deleted_at IS NULL RETURNING id`,
          [
            principal.userId,
            account.username,
            account.email,
            account.passwordHash,
            request.displayName?.trim() ?? null,
          ],
        ),
      );
      if (rows.length === 0) throw apiError('CONFLICT', 'This is already an account.');
      await this.mailVerification(query, principal.userId, account.email, account.username);
    });
    this.mailSent();
    return this.tokens.issue(principal.userId, principal.sessionId);
  }

  /**
   * Signs in by username or email. Each failure counts against every account the login names;
   * past `lockoutAfter` in a row the account is locked, the wait doubling with each failure.
   */
  async login(login: string, password: string, client: ClientInfo): Promise<AuthResponse> {
    const rows = await this.db.query<{
      id: string;
      password_hash: string;
      wait_seconds: number | null;
    }>(
      `SELECT id, password_hash,
         CASE WHEN locked_until > now() THEN ceil(extract(epoch FROM locked_until - now()))::integer
         END AS wait_seconds
       FROM users WHERE ${CANDIDATES} ORDER BY created_at LIMIT 5`,
      [login.trim(), normalEmail(login)],
    );
    const locked = rows.filter((row) => row.wait_seconds !== null);
    if (rows.length > 0 && locked.length === rows.length) {
      const wait = Math.min(...locked.map((row) => row.wait_seconds as number));
      throw apiError('RATE_LIMITED', `Too many failed sign-ins: try again in ${wait} seconds.`, {
        limit: 'login_lockout',
        retryAfterSeconds: wait,
      });
    }
    if (rows.length === 0) await checkPassword(null, password);
    for (const row of rows) {
      if (row.wait_seconds !== null) continue;
      if (await checkPassword(row.password_hash, password)) {
        await this.db.query(
          'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1',
          [row.id],
        );
        return this.tokens.signIn(row.id, client);
      }
    }
    const { lockoutAfter, lockoutBaseSeconds, lockoutMaxSeconds } = this.settings;
    await this.db.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(
           secs => least($4::double precision, $3 * power(2, failed_logins + 1 - $2))) END
       WHERE id = ANY($1::text[])`,
      [rows.map((row) => row.id), lockoutAfter, lockoutBaseSeconds, lockoutMaxSeconds],
    );
    throw wrongLogin();
  }

  /** Follows a verification link: the address becomes the account's verified email. */
  async verifyEmail(token: string): Promise<void> {
    await this.db.transaction(async (query) => {
      const link = await this.links.use(query, token, 'verify');
      if (!link) throw invalidLink();
      try {
        await query(
          `UPDATE users SET email = $2, email_verified_at = now(), pending_email = NULL
           WHERE id = $1 AND pending_email = $2 AND deleted_at IS NULL`,
          [link.userId, link.email],
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw apiError('CONFLICT', 'Another account verified this address first.');
        }
        throw error;
      }
    });
  }

  /** Mails a new verification link to the address waiting for one (nothing when verified). */
  async resendVerification(principal: Principal): Promise<void> {
    const rows = await this.db.query<{ pending_email: string | null; username: string | null }>(
      'SELECT pending_email, username FROM users WHERE id = $1 AND deleted_at IS NULL',
      [principal.userId],
    );
    const row = rows[0];
    if (!row?.pending_email) throw apiError('CONFLICT', 'There is no address waiting for a link.');
    const email = row.pending_email;
    await this.db.transaction((query) =>
      this.mailVerification(query, principal.userId, email, row.username ?? ''),
    );
    this.mailSent();
  }

  /** Mails a reset link to each account with this address; says nothing about whether any has. */
  async forgotPassword(email: string): Promise<void> {
    const address = normalEmail(email);
    if (emailProblem(address)) return;
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM users WHERE deleted_at IS NULL AND password_hash IS NOT NULL
         AND (email = $1 OR (email IS NULL AND pending_email = $1)) LIMIT 3`,
      [address],
    );
    if (rows.length === 0) return;
    await this.db.transaction(async (query) => {
      for (const { id } of rows) {
        await this.links.send(query, id, 'reset', address, (link, hours) => ({
          subject: 'Reset your Cardtable password',
          body:
            `Someone asked to reset the password of your Cardtable account.\n\n` +
            `To choose a new password, open this link within ${hours} hour(s):\n${link}\n\n` +
            `If it was not you, ignore this mail: your password stays as it is.`,
        }));
      }
    });
    this.mailSent();
  }

  /** Sets a new password from a reset link; every session of the account is signed out. */
  async resetPassword(request: ResetPasswordRequest): Promise<void> {
    const link = await this.links.peek(request.token, 'reset');
    if (!link) throw invalidLink();
    const owner = await this.db.query<{ username: string | null }>(
      'SELECT username FROM users WHERE id = $1',
      [link.userId],
    );
    const weak = passwordProblem(request.password, {
      username: owner[0]?.username ?? null,
      email: link.email,
    });
    if (weak) throw apiError('BAD_REQUEST', weak, { field: 'password' });
    const passwordHash = await hashPassword(request.password);
    await this.db.transaction(async (query) => {
      if (!(await this.links.use(query, request.token, 'reset'))) throw invalidLink();
      await query(
        `UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL
         WHERE id = $1 AND deleted_at IS NULL`,
        [link.userId, passwordHash],
      );
    });
    await this.tokens.sessions.revoke({ userId: link.userId }, 'password_reset');
  }

  /** Changes the password (the current one is needed); other sessions are signed out. */
  async changePassword(principal: Principal, request: ChangePasswordRequest): Promise<void> {
    const rows = await this.db.query<{
      password_hash: string | null;
      username: string | null;
      email: string | null;
    }>(
      `SELECT password_hash, username, coalesce(email, pending_email) AS email
       FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [principal.userId],
    );
    const row = rows[0];
    if (!row?.password_hash)
      throw apiError(
        'FORBIDDEN',
        'This account has no password (a guest, or signed up through a provider).',
      );
    if (!(await checkPassword(row.password_hash, request.currentPassword))) {
      throw apiError('FORBIDDEN', 'The current password is wrong.', { field: 'currentPassword' });
    }
    const weak = passwordProblem(request.newPassword, row);
    if (weak) throw apiError('BAD_REQUEST', weak, { field: 'newPassword' });
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
      principal.userId,
      await hashPassword(request.newPassword),
    ]);
    await this.tokens.sessions.revoke(
      { userId: principal.userId, except: principal.sessionId },
      'password_changed',
    );
  }

  /** Checks a password against the account (for deletion); guests have none to check. */
  async confirmPassword(principal: Principal, password: string | undefined): Promise<void> {
    const rows = await this.db.query<{ password_hash: string | null }>(
      'SELECT password_hash FROM users WHERE id = $1 AND deleted_at IS NULL',
      [principal.userId],
    );
    const stored = rows[0]?.password_hash ?? null;
    if (stored === null) return;
    if (password === undefined || !(await checkPassword(stored, password))) {
      throw apiError('FORBIDDEN', 'The password is wrong.', { field: 'password' });
    }
  }

  /** Validates a signup and hashes its password; throws the first problem found. */
  private async checked(request: RegisterRequest) {
    const username = request.username.trim();
    const email = normalEmail(request.email);
    const displayName = (request.displayName ?? username).trim();
    const weak = passwordProblem(request.password, { username, email });
    const problems = [
      usernameProblem(username),
      emailProblem(email),
      displayNameProblem(displayName),
      weak === null ? null : { field: 'password' as const, message: weak },
    ].filter((problem): problem is FieldProblem => problem !== null);
    const [first] = problems;
    if (first) throw badFields(first, problems);
    return { username, email, displayName, passwordHash: await hashPassword(request.password) };
  }

  private async claimUsername<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw apiError('CONFLICT', 'That username is taken.', { field: 'username' });
      }
      throw error;
    }
  }

  /**
   * The verification link, or, when another account already verified this address, a note to
   * that address instead: the answer to the signup is the same either way.
   */
  private async mailVerification(
    query: Database['query'],
    userId: string,
    email: string,
    username: string,
  ): Promise<void> {
    const owner = await query('SELECT id FROM users WHERE email = $1 AND id <> $2', [
      email,
      userId,
    ]);
    if (owner.length > 0) {
      if (!(await mayMail(query, email))) return;
      await enqueueMail(query, {
        to: email,
        subject: 'Someone signed up with your address',
        body:
          `Someone made the Cardtable account "${username}" with this address, which your ` +
          `account already uses. Nothing changed on your account. To sign in, use your ` +
          `username or this address; to recover it, use "Forgot password".`,
      });
      return;
    }
    await this.links.send(query, userId, 'verify', email, (link, hours) => ({
      subject: 'Confirm your email for Cardtable',
      body:
        `Welcome to Cardtable, ${username}!\n\n` +
        `To confirm this address, open this link within ${hours} hour(s):\n${link}\n\n` +
        `If you did not sign up, ignore this mail.`,
    }));
  }
}

const invalidLink = () =>
  apiError('BAD_REQUEST', 'This link is invalid, already used or expired: ask for a new one.', {
    reason: 'link_invalid',
  });
