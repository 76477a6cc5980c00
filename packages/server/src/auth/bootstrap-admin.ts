import type { Logger } from 'pino';
import type { Database } from '../store/database.ts';
import { newId } from '../ids.ts';
import { hashPassword } from './passwords.ts';
import type { BootstrapAdmin } from './settings.ts';

/**
 * The admin named by the environment: with ADMIN_PASSWORD, the account ADMIN_USERNAME is made
 * (email ADMIN_EMAIL, verified) when missing; otherwise an existing account with that username
 * or verified email is made admin. An existing account's password is never changed here.
 */
export async function bootstrapAdmin(
  db: Database,
  admin: BootstrapAdmin,
  log: Logger,
): Promise<void> {
  if (admin.username === null && admin.email === null) return;
  const promoted = await db.query<{ id: string }>(
    `UPDATE users SET role = 'admin'
     WHERE deleted_at IS NULL AND (lower(username) = lower($1) OR email = $2) RETURNING id`,
    [admin.username, admin.email],
  );
  if (promoted.length > 0 || admin.password === null || admin.username === null) {
    if (promoted.length === 0) log.warn('ADMIN_USERNAME/ADMIN_EMAIL names no account yet');
    return;
  }
  await db.query(
    `INSERT INTO users (id, name, guest, username, email, email_verified_at, password_hash,
                        role, registered_at)
     VALUES ($1, $2, false, $2, $3, CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, $4,
             'admin', now())
     ON CONFLICT DO NOTHING`,
    [newId('u'), admin.username, admin.email, await hashPassword(admin.password)],
  );
  log.info({ username: admin.username }, 'admin account created from the environment');
}
