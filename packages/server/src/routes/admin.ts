import {
  CreateInvitesRequest,
  InviteCodes,
  SetRoleRequest,
  SignupSettings,
  UserList,
  UserSummary,
} from '@cardtable/sdk/accounts';
import { ErrorBody } from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RoleGuard } from '../auth/roles.ts';
import type { SignupPolicy } from '../auth/signup-policy.ts';
import { lockForTransaction, type Database } from '../store/database.ts';
import { apiError } from '../errors.ts';
import { requireUser } from './authenticate.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

type UserRow = {
  id: string;
  name: string;
  username: string | null;
  guest: boolean;
  role: UserSummary['role'];
  created_at: Date;
};

const summary = (row: UserRow): UserSummary => ({
  id: row.id,
  displayName: row.name,
  username: row.username,
  guest: row.guest,
  role: row.role,
  createdAt: row.created_at.toISOString(),
});

/** Admin and moderator routes, each behind the one role guard. */
export function registerAdminRoutes(
  app: FastifyInstance,
  deps: { db: Database; signups: SignupPolicy; requireRole: RoleGuard },
): void {
  const { db, signups, requireRole } = deps;
  const admin = { preHandler: requireRole('admin') };
  const secured = { tags: ['admin'], security: [{ bearer: [] }] };

  app.get(
    '/api/admin/signup',
    {
      ...admin,
      schema: {
        ...secured,
        summary: 'Signup mode and daily allowance',
        response: { 200: SignupSettings, ...errors },
      },
    },
    async () => signups.settings(),
  );

  app.put<{ Body: SignupSettings }>(
    '/api/admin/signup',
    {
      ...admin,
      schema: {
        ...secured,
        summary: 'Set the signup mode (open, invite, metered)',
        body: SignupSettings,
        response: { 200: SignupSettings, ...errors },
      },
    },
    async (request) => signups.update(request.body),
  );

  app.post<{ Body: CreateInvitesRequest }>(
    '/api/admin/invites',
    {
      ...admin,
      schema: {
        ...secured,
        summary: 'Make invite codes (shown only now)',
        body: CreateInvitesRequest,
        response: { 200: InviteCodes, ...errors },
      },
    },
    async (request) => {
      const { count, usesEach = 1, expiresInDays = null } = request.body;
      const codes = await signups.createInvites(
        requireUser(request).userId,
        count,
        usesEach,
        expiresInDays,
      );
      return { codes };
    },
  );

  app.put<{ Params: { userId: string }; Body: SetRoleRequest }>(
    '/api/admin/users/:userId/role',
    {
      ...admin,
      schema: {
        ...secured,
        summary: "Set a user's role",
        params: Type.Object({ userId: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: SetRoleRequest,
        response: { 200: UserSummary, ...errors },
      },
    },
    async (request) => {
      const adminId = requireUser(request).userId;
      if (request.params.userId === adminId && request.body.role !== 'admin') {
        throw apiError('CONFLICT', 'An admin cannot demote themselves (another admin can).');
      }
      // Role changes take turns, each made only while its author is still an admin: two admins
      // demoting each other at once both passed the guard, and both lost the role.
      const row = await db.transaction(async (query) => {
        await lockForTransaction(query, 'roles');
        const [author] = await query(
          `SELECT 1 FROM users WHERE id = $1 AND role = 'admin' AND deleted_at IS NULL`,
          [adminId],
        );
        if (!author)
          throw apiError('FORBIDDEN', 'This needs the admin role.', { required: ['admin'] });
        const [changed] = await query<UserRow>(
          `UPDATE users SET role = $2 WHERE id = $1 AND deleted_at IS NULL AND NOT guest
           RETURNING id, name, username, guest, role, created_at`,
          [request.params.userId, request.body.role],
        );
        return changed;
      });
      if (!row) throw apiError('NOT_FOUND', 'No such account (guests have no roles).');
      return summary(row);
    },
  );

  app.get<{ Querystring: { q?: string } }>(
    '/api/moderation/users',
    {
      preHandler: requireRole('moderator'),
      schema: {
        tags: ['admin'],
        security: [{ bearer: [] }],
        summary: 'Find accounts by username or display name (moderators and admins)',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: UserList, ...errors },
      },
    },
    async (request) => {
      const pattern = `%${(request.query.q ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await db.query<UserRow>(
        `SELECT id, name, username, guest, role, created_at FROM users
         WHERE deleted_at IS NULL AND NOT guest AND (username ILIKE $1 OR name ILIKE $1)
         ORDER BY created_at DESC LIMIT 50`,
        [pattern],
      );
      return { users: rows.map(summary) };
    },
  );
}
