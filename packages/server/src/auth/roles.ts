import type { AccountRole } from '@cardtable/sdk/accounts';
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Database } from '../store/database.ts';
import { apiError } from '../errors.ts';

export type RoleGuard = (...allowed: AccountRole[]) => preHandlerAsyncHookHandler;

/**
 * The one role check: `preHandler: requireRole('moderator')` lets moderators and admins in (an
 * admin passes every guard). The role is read from the database on each guarded request, so a
 * demotion takes effect at once, not when the access token (which also names a role) expires.
 */
export function roleGuard(db: Database): RoleGuard {
  return (...allowed) =>
    async (request) => {
      const principal = request.principal;
      if (!principal) throw apiError('UNAUTHORIZED', 'A valid access token is required.');
      const rows = await db.query<{ role: AccountRole }>(
        'SELECT role FROM users WHERE id = $1 AND deleted_at IS NULL',
        [principal.userId],
        'user_role',
      );
      const role = rows[0]?.role;
      if (role === undefined || (role !== 'admin' && !allowed.includes(role))) {
        throw apiError('FORBIDDEN', `This needs the ${allowed.join(' or ')} role.`, {
          required: allowed,
        });
      }
    };
}
