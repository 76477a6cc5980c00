import {
  Accepted,
  AuthOptions,
  EmailRequest,
  LoginRequest,
  RegisterRequest,
  ResetPasswordRequest,
  SessionList,
  TokenRequest,
} from '@cardtable/sdk/accounts';
import {
  AuthResponse,
  ErrorBody,
  GuestAuthRequest,
  RefreshRequest,
  User,
} from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { displayNameProblem } from '../auth/account-rules.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { AuthLimits } from '../auth/limits.ts';
import type { ClientInfo } from '../auth/sessions.ts';
import type { SignupPolicy } from '../auth/signup-policy.ts';
import type { TokenService } from '../auth/tokens.ts';
import { apiError } from '../errors.ts';
import { requireUser } from './authenticate.ts';

export interface AuthRouteDeps {
  tokens: TokenService;
  accounts: AccountService;
  limits: AuthLimits;
  signups: SignupPolicy;
  devMailbox: boolean;
  /** The OpenID Connect providers one can sign in with. */
  providers: () => { id: string; label: string }[];
}

export const clientInfo = (request: FastifyRequest): ClientInfo => ({
  userAgent: String(request.headers['user-agent'] ?? ''),
  ip: request.ip,
});

const ACCEPTED_RESET = {
  ok: true,
  message: 'If an account uses that address, a link to reset its password is on its way.',
} as const;

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody };

/** Sign-in: guests, accounts, token refresh, logout, sessions and the email links. */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const { tokens, accounts, limits, signups } = deps;
  const sessions = tokens.sessions;

  app.get(
    '/api/auth/options',
    {
      schema: {
        tags: ['auth'],
        summary: 'How one can sign up here',
        response: { 200: AuthOptions },
      },
    },
    async () => ({
      signup: (await signups.settings()).mode,
      devMailbox: deps.devMailbox,
      providers: deps.providers(),
    }),
  );

  app.post<{ Body: GuestAuthRequest }>(
    '/api/auth/guest',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a guest identity and sign in as it',
        body: GuestAuthRequest,
        response: { 200: AuthResponse, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const name = request.body.name.trim();
      const problem = displayNameProblem(name);
      if (problem) throw apiError('BAD_REQUEST', problem.message, { field: 'name' });
      await limits.takeGuest(request.addressKey);
      return tokens.createGuest(name, clientInfo(request));
    },
  );

  app.post<{ Body: RegisterRequest }>(
    '/api/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Make an account and sign in (a verification link is mailed)',
        body: RegisterRequest,
        response: { 200: AuthResponse, ...errors },
      },
    },
    async (request) => {
      await limits.take(request.addressKey, request.body.username);
      await limits.takeSignup(request.addressKey);
      return accounts.register(request.body, clientInfo(request));
    },
  );

  app.post<{ Body: RegisterRequest }>(
    '/api/auth/upgrade',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turn the signed-in guest into an account with the same id',
        security: [{ bearer: [] }],
        body: RegisterRequest,
        response: { 200: AuthResponse, ...errors },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      await limits.take(request.addressKey, request.body.username);
      await limits.takeSignup(request.addressKey);
      return accounts.upgrade(principal, request.body);
    },
  );

  app.post<{ Body: LoginRequest }>(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a username or email and a password',
        body: LoginRequest,
        response: { 200: AuthResponse, ...errors },
      },
    },
    async (request) => {
      await limits.take(request.addressKey, request.body.login);
      return accounts.login(request.body.login, request.body.password, clientInfo(request));
    },
  );

  app.post<{ Body: RefreshRequest }>(
    '/api/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Trade a refresh token for a new pair (each works once; a reused one signs its session out)',
        body: RefreshRequest,
        response: { 200: AuthResponse, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const renewed = await tokens.refresh(request.body.refreshToken, (sessionId) =>
        limits.takeRefresh(sessionId),
      );
      if (!renewed.ok) throw apiError(renewed.code, renewed.message, renewed.details);
      return renewed.auth;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign this session out',
        security: [{ bearer: [] }],
        response: { 200: Accepted, 401: ErrorBody },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      await sessions.revoke({ sessionId: principal.sessionId }, 'logout');
      return { ok: true, message: 'Signed out.' } as const;
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign every session of this user out, this one included',
        security: [{ bearer: [] }],
        response: { 200: Accepted, 401: ErrorBody },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const revoked = await sessions.revoke({ userId: principal.userId }, 'logout_all');
      return { ok: true, message: `Signed out ${revoked.length} session(s).` } as const;
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'My signed-in sessions (device, last seen)',
        security: [{ bearer: [] }],
        response: { 200: SessionList, 401: ErrorBody },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      return { sessions: await sessions.list(principal.userId, principal.sessionId) };
    },
  );

  app.delete<{ Params: { sessionId: string } }>(
    '/api/auth/sessions/:sessionId',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign one of my sessions out (its sockets close)',
        security: [{ bearer: [] }],
        params: Type.Object({ sessionId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: Accepted, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const revoked = await sessions.revoke(
        { sessionId: request.params.sessionId, userId: principal.userId },
        'revoked',
      );
      if (revoked.length === 0) throw apiError('NOT_FOUND', 'No such session of yours.');
      return { ok: true, message: 'Session signed out.' } as const;
    },
  );

  app.post<{ Body: TokenRequest }>(
    '/api/auth/verify-email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Follow a verification link: the address becomes verified',
        body: TokenRequest,
        response: { 200: Accepted, ...errors },
      },
    },
    async (request) => {
      await limits.take(request.addressKey, null);
      await accounts.verifyEmail(request.body.token);
      return { ok: true, message: 'Your email address is confirmed.' } as const;
    },
  );

  app.post(
    '/api/auth/verify-email/resend',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mail a new verification link',
        security: [{ bearer: [] }],
        response: { 200: Accepted, ...errors },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      await limits.take(request.addressKey, principal.userId);
      await accounts.resendVerification(principal);
      return { ok: true, message: 'A new link is on its way.' } as const;
    },
  );

  app.post<{ Body: EmailRequest }>(
    '/api/auth/password/forgot',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mail a password reset link (the answer never tells whether the address is known)',
        body: EmailRequest,
        response: { 200: Accepted, 429: ErrorBody },
      },
    },
    async (request) => {
      await limits.take(request.addressKey, request.body.email);
      await accounts.forgotPassword(request.body.email);
      return ACCEPTED_RESET;
    },
  );

  app.post<{ Body: ResetPasswordRequest }>(
    '/api/auth/password/reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password from a reset link (every session is signed out)',
        body: ResetPasswordRequest,
        response: { 200: Accepted, ...errors },
      },
    },
    async (request) => {
      await limits.take(request.addressKey, null);
      await accounts.resetPassword(request.body);
      return { ok: true, message: 'Your password is changed: sign in with it.' } as const;
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
      return { id: user.userId, name: user.name, guest: user.guest, role: user.role };
    },
  );
}
