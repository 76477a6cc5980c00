import {
  Accepted,
  ChangePasswordRequest,
  DeleteAccountRequest,
  Profile,
  UpdateProfileRequest,
} from '@cardtable/sdk/accounts';
import { ErrorBody } from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccountData } from '../auth/account-data.ts';
import type { AccountService } from '../auth/accounts.ts';
import { avatarSvg } from '../auth/avatar.ts';
import type { AuthLimits } from '../auth/limits.ts';
import { requireUser } from './authenticate.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

/** The signed-in user's own account: profile, password, export and deletion; avatars. */
export function registerAccountRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountService; data: AccountData; limits: AuthLimits },
): void {
  const { accounts, data, limits } = deps;
  const secured = { tags: ['account'], security: [{ bearer: [] }] };

  app.get(
    '/api/account',
    { schema: { ...secured, summary: 'My profile', response: { 200: Profile, 401: ErrorBody } } },
    async (request) => data.profile(requireUser(request).userId),
  );

  app.put<{ Body: UpdateProfileRequest }>(
    '/api/account',
    {
      schema: {
        ...secured,
        summary: 'Change my display name or preferences',
        body: UpdateProfileRequest,
        response: { 200: Profile, ...errors },
      },
    },
    async (request) => data.update(requireUser(request).userId, request.body),
  );

  app.post<{ Body: ChangePasswordRequest }>(
    '/api/account/password',
    {
      schema: {
        ...secured,
        summary: 'Change my password (needs the current one; other sessions are signed out)',
        body: ChangePasswordRequest,
        response: { 200: Accepted, ...errors },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      await limits.take(request.addressKey, principal.userId);
      await accounts.changePassword(principal, request.body);
      return {
        ok: true,
        message: 'Password changed; your other sessions are signed out.',
      } as const;
    },
  );

  app.get(
    '/api/account/export',
    {
      schema: {
        ...secured,
        summary: 'Everything stored about me, as JSON',
        response: {
          200: Type.Record(Type.String(), Type.Unknown()),
          401: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      // Everything about the user, as much as they stored: counted like the other account requests.
      await limits.take(request.addressKey, principal.userId);
      void reply.header('content-disposition', 'attachment; filename="cardtable-account.json"');
      return data.export(principal.userId);
    },
  );

  app.post<{ Body: DeleteAccountRequest }>(
    '/api/account/delete',
    {
      schema: {
        ...secured,
        summary: 'Delete my account (password needed): I am anonymised, match history stays',
        body: DeleteAccountRequest,
        response: { 200: Accepted, ...errors },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      await limits.take(request.addressKey, principal.userId);
      await accounts.confirmPassword(principal, request.body.password);
      await data.delete(principal.userId);
      return { ok: true, message: 'Your account is deleted.' } as const;
    },
  );

  app.get<{ Params: { userId: string } }>(
    '/api/users/:userId/avatar.svg',
    {
      schema: {
        tags: ['account'],
        summary: "A user's generated avatar (SVG, the same for the same id)",
        params: Type.Object({ userId: Type.String({ minLength: 1, maxLength: 64 }) }),
      },
    },
    async (request, reply) =>
      reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=86400, immutable')
        .send(avatarSvg(request.params.userId)),
  );
}
