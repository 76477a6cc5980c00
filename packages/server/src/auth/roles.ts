import type { AccountRole } from '@cardtable/sdk/accounts';
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Database } from '../store/database.ts';
import { apiError } from '../errors.ts';
import type { Principal } from './tokens.ts';

export type RoleGuard = (...allowed: AccountRole[]) => preHandlerAsyncHookHandler;

/** The user's role now, from the database (undefined for a deleted account). */
async function currentRole(db: Database, userId: string): Promise<AccountRole | undefined> {
  const rows = await db.query<{ role: AccountRole }>(
    'SELECT role FROM users WHERE id = $1 AND deleted_at IS NULL',
    [userId],
    'user_role',
  );
  return rows[0]?.role;
}

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
      const role = await currentRole(db, principal.userId);
      if (role === undefined || (role !== 'admin' && !allowed.includes(role))) {
        throw apiError('FORBIDDEN', `This needs the ${allowed.join(' or ')} role.`, {
          required: allowed,
        });
      }
    };
}

/** Who asks to see something: a user, and whether they moderate (a moderator or an admin). */
export interface Viewer {
  userId: string;
  staff: boolean;
}

export type ViewerOf = (principal: Principal) => Promise<Viewer>;

const STAFF: readonly AccountRole[] = ['moderator', 'admin'];

/**
 * The viewer a principal is. A token naming a role below moderator settles it without a query
 * (a promotion takes effect with the next token, minutes later); one naming a moderator or an
 * admin is checked against the database, as `roleGuard` does, so a demotion counts at once.
 */
export function viewerLookup(db: Database): ViewerOf {
  return async (principal) => ({
    userId: principal.userId,
    staff:
      STAFF.includes(principal.role) &&
      STAFF.includes((await currentRole(db, principal.userId)) ?? 'player'),
  });
}
