import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal, TokenService } from '../auth/tokens.ts';
import { apiError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Reads the bearer token of every request; routes that need a user call `requireUser`. */
export function registerAuthentication(app: FastifyInstance, tokens: TokenService): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      request.principal = await tokens.verify(header.slice('Bearer '.length).trim());
    }
  });
}

export function requireUser(request: FastifyRequest): Principal {
  if (!request.principal) throw apiError('UNAUTHORIZED', 'A valid access token is required.');
  return request.principal;
}
