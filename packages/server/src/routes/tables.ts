import { ErrorBody, JoinMatchResponse, MatchMetadata, ReadyRequest } from '@cardtable/sdk/protocol';
import { OpenTableList, OpenTablesQuery, TableParams } from '@cardtable/sdk/social';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ApiError, apiError } from '../errors.ts';
import type { ContentLibrary } from '../content/library.ts';
import type { MatchRegistry } from '../match/registry.ts';
import { KeyedRateLimiter, type UserAndAddressLimiter } from '../rate-limit.ts';
import type { OpenTables } from '../tables/open-tables.ts';
import type { ViewerOf } from '../auth/roles.ts';
import { requireUser } from './authenticate.ts';
import { withVisibleMatch } from './matches.ts';

const secured = { security: [{ bearer: [] }] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
/** Ready toggles per user: a burst of this many, then one every two seconds. */
const READY_BURST = 10;
const READY_PER_SECOND = 0.5;

interface Deps {
  tables: OpenTables;
  registry: MatchRegistry;
  viewerOf: ViewerOf;
  content: ContentLibrary;
  /** Join attempts, shared with room-code joins. */
  joinAttempts: UserAndAddressLimiter;
}

/** The lobby list of open tables, joining one with a click, and ready checks at the table. */
export function registerTableRoutes(app: FastifyInstance, deps: Deps): void {
  const { tables, registry, joinAttempts, viewerOf } = deps;
  const readies = new KeyedRateLimiter(READY_BURST, READY_PER_SECOND);

  app.get<{ Querystring: Static<typeof OpenTablesQuery> }>(
    '/api/tables',
    {
      schema: {
        tags: ['tables'],
        summary: 'Open tables of a game (and version) waiting for players, newest first',
        ...secured,
        querystring: OpenTablesQuery,
        response: { 200: OpenTableList, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!(await deps.content.hasPublicGame(request.query.game)))
        throw apiError('NOT_FOUND', 'No such game.');
      return tables.page(request.query, user.userId);
    },
  );

  app.post<{ Params: Static<typeof TableParams> }>(
    '/api/tables/:id/join',
    {
      schema: {
        tags: ['tables'],
        summary: 'Take the next free seat of an open table',
        ...secured,
        params: TableParams,
        response: { 200: JoinMatchResponse, ...errors, 429: ErrorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!joinAttempts.take(user.userId, request.addressKey))
        throw apiError('RATE_LIMITED', 'Too many joins: wait a minute.');
      const { id } = request.params;
      if (!(await tables.isOpen(id, user.userId)))
        throw apiError('NOT_FOUND', 'No open table has that id.');
      return registry.use(id, async (actor) => {
        if (!actor) throw apiError('NOT_FOUND', 'No open table has that id.');
        const joined = await actor.join(user);
        if ('code' in joined) throw new ApiError(joined);
        return { matchId: actor.id, seat: joined.seat };
      });
    },
  );

  app.post<{ Params: Static<typeof TableParams>; Body: ReadyRequest }>(
    '/api/matches/:id/ready',
    {
      schema: {
        tags: ['tables'],
        summary:
          'At an open table before the start: the caller is ready (or not); a full table ' +
          'where everyone is ready starts',
        ...secured,
        params: TableParams,
        body: ReadyRequest,
        response: { 200: MatchMetadata, ...errors, 429: ErrorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!readies.take(user.userId))
        throw apiError('RATE_LIMITED', 'Too many ready changes: wait a moment.');
      const viewer = await viewerOf(user);
      return withVisibleMatch(registry, request.params.id, viewer, async (actor) => {
        const done = await actor.setReady(user.userId, request.body.ready);
        if ('code' in done) throw new ApiError(done);
        return actor.metadata(user.userId);
      });
    },
  );
}
