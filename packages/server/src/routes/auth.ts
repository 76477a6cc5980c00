import {
  AuthResponse,
  ErrorBody,
  GuestAuthRequest,
  RefreshRequest,
  User,
} from '@cardtable/sdk/protocol';
import type { FastifyInstance } from 'fastify';
import type { TokenService } from '../auth/tokens.ts';
import { apiError } from '../errors.ts';
import { requireUser } from './authenticate.ts';

export function registerAuthRoutes(app: FastifyInstance, tokens: TokenService): void {
  app.post<{ Body: GuestAuthRequest }>(
    '/api/auth/guest',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a guest identity and sign in as it',
        body: GuestAuthRequest,
        response: { 200: AuthResponse, 400: ErrorBody },
      },
    },
    async (request) => {
      const name = request.body.name.trim();
      if (name.length === 0) throw apiError('BAD_REQUEST', 'A name is required.');
      return tokens.createGuest(name);
    },
  );

  app.post<{ Body: RefreshRequest }>(
    '/api/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Trade a refresh token for a new token pair (each refresh token works once)',
        body: RefreshRequest,
        response: { 200: AuthResponse, 401: ErrorBody },
      },
    },
    async (request) => {
      const renewed = await tokens.refresh(request.body.refreshToken);
      if (!renewed)
        throw apiError('UNAUTHORIZED', 'The refresh token is unknown, used or expired.');
      return renewed;
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        security: [{ bearer: [] }],
        response: { 200: User, 401: ErrorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { id: user.userId, name: user.name, guest: user.guest };
    },
  );
}
