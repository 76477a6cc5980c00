import { Accepted, HandoffRequest, LinkedIdentities, RedirectUrl } from '@cardtable/sdk/accounts';
import { AuthResponse, ErrorBody } from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AuthLimits } from '../auth/limits.ts';
import type { OidcService } from '../auth/oidc.ts';
import type { TokenService } from '../auth/tokens.ts';
import { apiError } from '../errors.ts';
import { clientInfo } from './auth.ts';
import { requireUser } from './authenticate.ts';

const Provider = Type.Object({ provider: Type.String({ minLength: 1, maxLength: 32 }) });

/**
 * OpenID Connect sign-in: `start` sends the browser to the provider, the provider sends it back
 * to `callback`, which sends it on to the web app (`/auth/complete?code=`, `/account?linked=`, or
 * `/login?error=`); the app trades the one-time code for tokens at `complete`.
 */
export function registerOidcRoutes(
  app: FastifyInstance,
  deps: { oidc: OidcService; tokens: TokenService; limits: AuthLimits; publicUrl: () => string },
): void {
  const { oidc, tokens, limits, publicUrl } = deps;

  app.get<{ Params: { provider: string } }>(
    '/api/auth/oidc/:provider/start',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a provider (redirects there)',
        params: Provider,
      },
    },
    async (request, reply) => {
      await limits.take(request.addressKey, null);
      return reply.redirect(await oidc.start(request.params.provider, null));
    },
  );

  app.post<{ Params: { provider: string } }>(
    '/api/auth/oidc/:provider/link',
    {
      schema: {
        tags: ['account'],
        summary: 'Start linking a provider to my account: open the returned URL',
        security: [{ bearer: [] }],
        params: Provider,
        response: {
          200: RedirectUrl,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      if (principal.guest)
        throw apiError('FORBIDDEN', 'Make an account first, then link providers to it.');
      // Each start stores a flow until it is used or expires: counted like the other auth requests.
      await limits.take(request.addressKey, principal.userId);
      return { url: await oidc.start(request.params.provider, principal.userId) };
    },
  );

  app.get<{ Params: { provider: string } }>(
    '/api/auth/oidc/:provider/callback',
    { schema: { hide: true, params: Provider } },
    async (request, reply) => {
      const base = publicUrl();
      const outcome = await oidc.callback(request.params.provider, new URL(request.url, base));
      const to =
        outcome.kind === 'signed-in'
          ? `/auth/complete?code=${encodeURIComponent(outcome.handoffCode)}`
          : outcome.kind === 'linked'
            ? `/account?linked=${encodeURIComponent(outcome.provider)}`
            : `/login?error=${encodeURIComponent(outcome.message)}`;
      return reply.redirect(`${base}${to}`);
    },
  );

  app.post<{ Body: HandoffRequest }>(
    '/api/auth/oidc/complete',
    {
      schema: {
        tags: ['auth'],
        summary: "Trade the one-time code of a provider's sign-in for tokens",
        body: HandoffRequest,
        response: { 200: AuthResponse, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      await limits.take(request.addressKey, null);
      const userId = await oidc.redeem(request.body.code);
      if (!userId) throw apiError('UNAUTHORIZED', 'This sign-in code is invalid, used or expired.');
      return tokens.signIn(userId, clientInfo(request));
    },
  );

  app.get(
    '/api/account/identities',
    {
      schema: {
        tags: ['account'],
        summary: 'Providers linked to my account',
        security: [{ bearer: [] }],
        response: { 200: LinkedIdentities, 401: ErrorBody },
      },
    },
    async (request) => ({ identities: await oidc.identities(requireUser(request).userId) }),
  );

  app.delete<{ Params: { provider: string } }>(
    '/api/account/identities/:provider',
    {
      schema: {
        tags: ['account'],
        summary: 'Unlink a provider (while another way to sign in remains)',
        security: [{ bearer: [] }],
        params: Provider,
        response: { 200: Accepted, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      await oidc.unlink(requireUser(request).userId, request.params.provider);
      return { ok: true, message: 'Unlinked.' } as const;
    },
  );
}
