import { ErrorBody, JoinMatchRequest, JoinMatchResponse } from '@cardtable/sdk/protocol';
import type { FastifyInstance } from 'fastify';
import { ApiError, apiError } from '../errors.ts';
import type { MatchQuotas } from '../match/quotas.ts';
import type { MatchRegistry } from '../match/registry.ts';
import type { UserAndAddressLimiter } from '../rate-limit.ts';
import type { EventStore } from '../store/event-store.ts';
import { requireUser } from './authenticate.ts';

interface Deps {
  store: EventStore;
  registry: MatchRegistry;
  /** The limit on seats at tables others host (`JOINED_TABLES_PER_USER`). */
  quotas: MatchQuotas;
  /** Join attempts, shared with open tables' one-click joins. */
  joinAttempts: UserAndAddressLimiter;
}

/**
 * `POST /api/matches/join`: a room code opens a match only while it waits for players. Every
 * way a code can fail (never issued, its match started or over, no seat left) gives the same
 * 404, after the same single lookup where the code is not open, so an answer tells a guesser
 * nothing about which codes exist. Attempts are limited per user and per address, since guest
 * users cost nothing to make. A user already seated at `JOINED_TABLES_PER_USER` tables gets
 * `429 QUOTA_EXCEEDED` for every code alike (but one whose table they sit at: a retry).
 */
export function registerJoinRoute(app: FastifyInstance, deps: Deps): void {
  const { store, registry, quotas, joinAttempts } = deps;
  const closed = () => apiError('NOT_FOUND', 'No open match has that code.');

  app.post<{ Body: JoinMatchRequest }>(
    '/api/matches/join',
    {
      schema: {
        tags: ['matches'],
        summary: 'Take the next free human seat of the waiting match with this room code',
        security: [{ bearer: [] }],
        body: JoinMatchRequest,
        response: {
          200: JoinMatchResponse,
          400: ErrorBody,
          401: ErrorBody,
          404: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!joinAttempts.take(user.userId, request.addressKey)) {
        throw apiError('RATE_LIMITED', 'Too many join attempts: wait a minute.');
      }
      const id = await store.waitingMatchIdByCode(
        request.body.code.trim().toUpperCase(),
        user.userId,
      );
      const refused = await quotas.admitJoin(user.userId, id);
      if (refused) throw new ApiError(refused);
      if (id === null) throw closed();
      return registry.use(id, async (actor) => {
        const joined = actor ? await actor.join(user) : null;
        // Joins racing past the check above: the limit holds, and says so like the check.
        if (joined && 'code' in joined && joined.code === 'QUOTA_EXCEEDED') {
          throw new ApiError(joined);
        }
        if (!actor || !joined || 'code' in joined) throw closed();
        return { matchId: actor.id, seat: joined.seat };
      });
    },
  );
}
