import { ErrorBody } from '@cardtable/sdk/protocol';
import {
  HistoryQuery,
  Leaderboard,
  LeaderboardParams,
  LeaderboardQuery,
  MatchHistory,
  PlayerParams,
  PlayerProfile,
  RatedGameList,
  RatingHistory,
  RatingHistoryParams,
  SocialRebuildResult,
} from '@cardtable/sdk/social';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { apiError } from '../errors.ts';
import type { RoleGuard } from '../auth/roles.ts';
import type { Leaderboards } from '../social/leaderboard.ts';
import type { SocialProjector } from '../social/projector.ts';
import type { Profiles } from '../social/profiles.ts';
import { requireUser } from './authenticate.ts';

const secured = { security: [{ bearer: [] }] };
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

interface Deps {
  leaderboards: Leaderboards;
  profiles: Profiles;
  projector: SocialProjector;
  requireRole: RoleGuard;
}

/**
 * Leaderboards, player profiles, rating history and match history (read side of src/social),
 * and the admins' rebuild of the projection from zero.
 */
export function registerSocialRoutes(app: FastifyInstance, deps: Deps): void {
  const { leaderboards, profiles, projector, requireRole } = deps;
  app.post(
    '/api/admin/social/rebuild',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary:
          'Empty ratings, stats and achievements and fold every finished match again (admins)',
        ...secured,
        response: { 200: SocialRebuildResult, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async () => ({ folded: await projector.rebuild() }),
  );

  app.get(
    '/api/leaderboards',
    {
      schema: {
        tags: ['social'],
        summary: 'The games and versions that have a leaderboard',
        ...secured,
        response: { 200: RatedGameList, 401: ErrorBody },
      },
    },
    async (request) => {
      requireUser(request);
      return leaderboards.boards();
    },
  );

  app.get<{ Params: LeaderboardParams; Querystring: LeaderboardQuery }>(
    '/api/leaderboards/:game/:version',
    {
      schema: {
        tags: ['social'],
        summary: "A leaderboard page (keyset), and the caller's own entry",
        ...secured,
        params: LeaderboardParams,
        querystring: LeaderboardQuery,
        response: { 200: Leaderboard, ...errors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { game, version } = request.params;
      return leaderboards.page(game, version, request.query, user.userId);
    },
  );

  app.get<{ Params: Static<typeof PlayerParams> }>(
    '/api/players/:id',
    {
      schema: {
        tags: ['social'],
        summary: "A player's profile: ratings, stats, achievements",
        ...secured,
        params: PlayerParams,
        response: { 200: PlayerProfile, ...errors },
      },
    },
    async (request) => {
      requireUser(request);
      return found(await profiles.profile(request.params.id));
    },
  );

  app.get<{ Params: Static<typeof RatingHistoryParams> }>(
    '/api/players/:id/ratings/:game/:version',
    {
      schema: {
        tags: ['social'],
        summary: "A player's rating after each rated match (the latest 500)",
        ...secured,
        params: RatingHistoryParams,
        response: { 200: RatingHistory, ...errors },
      },
    },
    async (request) => {
      requireUser(request);
      const { id, game, version } = request.params;
      return found(await profiles.ratingHistory(id, game, version));
    },
  );

  app.get<{ Params: Static<typeof PlayerParams>; Querystring: HistoryQuery }>(
    '/api/players/:id/matches',
    {
      schema: {
        tags: ['social'],
        summary: "A player's finished matches, newest first (keyset pages)",
        ...secured,
        params: PlayerParams,
        querystring: HistoryQuery,
        response: { 200: MatchHistory, ...errors },
      },
    },
    async (request) => {
      requireUser(request);
      return found(await profiles.matches(request.params.id, request.query));
    },
  );
}

/** A player page's answer; null (no user has that id) is NOT_FOUND on every one of them alike. */
function found<T>(page: T | null): T {
  if (page === null) throw apiError('NOT_FOUND', 'No such player.');
  return page;
}
