import type { AddressKey } from '../address-key.ts';
import {
  CreateMatchRequest,
  CreateMatchResponse,
  ErrorBody,
  MatchList,
  MatchMetadata,
  MatchStateResponse,
  RematchResponse,
  ReplayFileSchema,
  SetStopsRequest,
} from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Viewer, ViewerOf } from '../auth/roles.ts';
import { ApiError, apiError, fromRuleError } from '../errors.ts';
import { withContent } from '../content/library.ts';
import { setupMatch } from '../content/match-setup.ts';
import { requesterOf } from '../content/validate.ts';
import { createMatch, type MatchCreationDeps, type MatchPlan } from '../match/create-match.ts';
import { metadataOf, type MatchActor } from '../match/actor.ts';
import { publicSeatsOf } from '../match/match-record.ts';
import { unshowableName } from '../printable.ts';
import type { MatchRegistry } from '../match/registry.ts';
import { maySeeMatch, noSuchMatch } from '../match/visibility.ts';
import type { SeatRecord } from '../store/event-store.ts';
import { tableChoiceRefusal } from '../tables/table-choices.ts';
import { exportMatch } from './export.ts';
import { requireUser } from './authenticate.ts';

const MatchParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });
const SeatParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 128 }),
  seat: Type.Integer({ minimum: 0, maximum: 15 }),
});
const secured = { security: [{ bearer: [] }] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

type Deps = MatchCreationDeps & { viewerOf: ViewerOf };

/** Runs `use` with the match's actor, then unloads it again if it is finished and unwatched. */
export const withMatchActor = <T>(
  registry: MatchRegistry,
  id: string,
  use: (actor: MatchActor) => T | Promise<T>,
): Promise<T> =>
  registry.use(id, (actor) => {
    if (!actor) throw noSuchMatch();
    return use(actor);
  });

/**
 * `withMatchActor` for a match `viewer` may see (`maySeeMatch`); one they may not is answered
 * as an unknown id, whatever they asked of it.
 */
export const withVisibleMatch = <T>(
  registry: MatchRegistry,
  id: string,
  viewer: Viewer,
  use: (actor: MatchActor) => T | Promise<T>,
  link?: string,
): Promise<T> =>
  registry.use(id, (actor) => {
    if (!actor || !maySeeMatch(actor, viewer, link)) throw noSuchMatch();
    return use(actor);
  });

const LinkQuery = Type.Object({ link: Type.Optional(Type.String({ maxLength: 128 })) });

export function registerMatchRoutes(app: FastifyInstance, deps: Deps): void {
  const { content, store, registry, viewerOf } = deps;
  /** The caller's view of match `id` (see `withVisibleMatch`). */
  const withActor = async <T>(
    request: FastifyRequest,
    id: string,
    use: (actor: MatchActor, userId: string) => T | Promise<T>,
    link?: string,
  ): Promise<T> => {
    const viewer = await viewerOf(requireUser(request));
    return withVisibleMatch(registry, id, viewer, (actor) => use(actor, viewer.userId), link);
  };
  const unwrap = <T extends object>(result: T | ErrorBody): T => {
    if ('code' in result && 'message' in result) throw new ApiError(result as ErrorBody);
    return result as T;
  };

  app.post<{ Body: CreateMatchRequest }>(
    '/api/matches',
    {
      schema: {
        tags: ['matches'],
        summary: 'Create a match; the caller takes the first human seat',
        ...secured,
        body: CreateMatchRequest,
        response: { 200: CreateMatchResponse, ...errors, 429: ErrorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { body } = request;
      const {
        hosted,
        options: requested,
        pin,
      } = await setupMatch(content, body, requesterOf(request, user.userId));
      const { game } = hosted;
      if (body.seats.length < game.seats.min || body.seats.length > game.seats.max) {
        throw apiError(
          'BAD_REQUEST',
          `${game.name} is played by ${game.seats.min} to ${game.seats.max} seats.`,
        );
      }
      for (const [index, seat] of body.seats.entries()) {
        if (seat.kind === 'cpu' && !game.cpu?.profiles.includes(seat.profile)) {
          throw apiError('BAD_REQUEST', `Unknown CPU profile "${seat.profile}".`, {
            profiles: game.cpu?.profiles ?? [],
          });
        }
        // A CPU's name is shown to everyone at the table, like a person's (an empty one means
        // the profile's own name).
        if (seat.kind === 'cpu' && seat.name && unshowableName(seat.name)) {
          throw apiError('BAD_REQUEST', 'A CPU name has printable characters that show only.', {
            field: `seats/${index}/name`,
          });
        }
      }
      const options = game.parseOptions(requested, body.seats.length);
      if (!options.ok) {
        const error = fromRuleError(options.error, 'BAD_REQUEST');
        throw apiError('BAD_REQUEST', error.message, error.details);
      }
      const refusal = tableChoiceRefusal(user, game.name, options.value, body);
      if (refusal) throw new ApiError(refusal);
      const creatorSeat = body.seats.findIndex((seat) => seat.kind === 'human');
      const seats = body.seats.map((seat, index): SeatRecord =>
        seat.kind === 'cpu'
          ? { kind: 'cpu', profile: seat.profile, ...(seat.name ? { name: seat.name } : {}) }
          : index === creatorSeat
            ? { kind: 'human', userId: user.userId, name: user.name }
            : { kind: 'human' },
      );
      const created = await createMatch(deps, {
        game,
        options: options.value,
        seats,
        hostUserId: user.userId,
        turnTimeLimitMs: body.turnTimeLimitMs ?? null,
        ip: request.addressKey,
        pin,
        replayPrivacy: body.replayPrivacy ?? 'private',
        approveJoins: body.approveJoins ?? false,
        rated: body.rated ?? false,
        listed: body.listed ?? false,
      });
      return { ...created, seat: creatorSeat === -1 ? null : creatorSeat };
    },
  );

  app.get(
    '/api/me/matches',
    {
      schema: {
        tags: ['matches'],
        summary: 'The matches the caller holds a seat in, newest first',
        ...secured,
        response: { 200: MatchList, 401: ErrorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const records = await store.matchesOf(user.userId);
      const matches = await Promise.all(
        records.map(async (record) => {
          const seat = record.seats.findIndex((s) => s.userId === user.userId);
          // Only a match already in memory answers live: listing never loads one.
          const live = await registry.loaded(record.id);
          return withContent(
            content,
            live
              ? live.metadata(user.userId)
              : metadataOf(record, publicSeatsOf(record.seats), seat === -1 ? null : seat),
          );
        }),
      );
      return { matches };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { link?: string } }>(
    '/api/matches/:id',
    {
      schema: {
        tags: ['matches'],
        summary:
          'Match metadata: seats, status and, once over, the result (a finished match: for ' +
          'whoever may see its replay, else 404 as for no match)',
        ...secured,
        params: MatchParams,
        querystring: LinkQuery,
        response: { 200: MatchMetadata, ...errors },
      },
    },
    async (request) =>
      withContent(
        content,
        await withActor(
          request,
          request.params.id,
          (actor, userId) => actor.metadata(userId),
          request.query.link,
        ),
      ),
  );

  app.get<{ Params: { id: string }; Querystring: { link?: string } }>(
    '/api/matches/:id/state',
    {
      schema: {
        tags: ['matches'],
        summary: "The caller's current view (as player or spectator) and legal actions",
        ...secured,
        params: MatchParams,
        querystring: LinkQuery,
        response: { 200: MatchStateResponse, ...errors },
      },
    },
    async (request) =>
      withActor(
        request,
        request.params.id,
        (actor, userId) => actor.stateFor(userId),
        request.query.link,
      ),
  );

  /**
   * A seat change outside the rules (`POST /api/matches/:id/<path>`, with `/seats/:seat/` when
   * it names a seat), answered with the match's metadata as the caller now sees it.
   */
  const lobbyRoute = (
    path: string,
    summary: string,
    change: (actor: MatchActor, userId: string, seat: number) => Promise<object>,
  ) => {
    const seatRoute = path.startsWith('seats/');
    app.post<{ Params: { id: string; seat?: number } }>(
      `/api/matches/:id/${path}`,
      {
        schema: {
          tags: ['matches'],
          summary,
          ...secured,
          params: seatRoute ? SeatParams : MatchParams,
          response: { 200: MatchMetadata, ...errors },
        },
      },
      async (request) =>
        withActor(request, request.params.id, async (actor, userId) => {
          unwrap(await change(actor, userId, request.params.seat ?? -1));
          return actor.metadata(userId);
        }),
    );
  };
  lobbyRoute('start', 'Start now (host only); free human seats are filled by CPUs', (a, u) =>
    a.start(u),
  );
  lobbyRoute(
    'leave',
    'Leave: frees the seat before the start (the host closes the table); afterwards the ' +
      'timeout rule plays it',
    (a, u) => a.leave(u),
  );
  lobbyRoute(
    'close',
    'Close the table before the start (host only): it ends as a no-contest, its room code ' +
      'stops working and everyone seated is told',
    (a, u) => a.close(u),
  );
  lobbyRoute(
    'surrender',
    "Concede the caller's seat: the others play on when they can, else the match ends",
    (a, u) => a.surrender(u),
  );
  lobbyRoute(
    'seats/:seat/approve',
    'Approve who joined this seat (host only, before the start; approveJoins)',
    (a, u, seat) => a.approve(u, seat),
  );
  lobbyRoute(
    'seats/:seat/remove',
    'Remove who holds this seat (host only, before the start); they cannot rejoin',
    (a, u, seat) => a.remove(u, seat),
  );

  app.post<{ Params: { id: string }; Body: SetStopsRequest }>(
    '/api/matches/:id/stops',
    {
      schema: {
        tags: ['matches'],
        summary:
          "Set the caller's stops: kinds of moment they are asked at even with nothing to answer with",
        ...secured,
        params: MatchParams,
        body: SetStopsRequest,
        response: { 200: MatchMetadata, ...errors },
      },
    },
    async (request) =>
      withActor(request, request.params.id, async (actor, userId) => {
        unwrap(await actor.setStops(userId, request.body.stops));
        return actor.metadata(userId);
      }),
  );

  app.post<{ Params: { id: string } }>(
    '/api/matches/:id/rematch',
    {
      schema: {
        tags: ['matches'],
        summary:
          'Offer or accept a rematch of a finished match; once every player agreed, a new match ' +
          'with the same seats, game, version and options starts and everyone is moved to it',
        ...secured,
        params: MatchParams,
        response: { 200: RematchResponse, ...errors, 429: ErrorBody },
      },
    },
    async (request) =>
      withActor(request, request.params.id, async (actor, userId) => {
        const agree = async (): Promise<string | null> => {
          const offer = unwrap(await actor.offerRematch(userId));
          if ('rematchId' in offer) return offer.rematchId;
          // Another player's agreement completed it and they are making it: answer its id once
          // made (never a null "not yet"); if making it failed, this agreement tries again.
          if ('creating' in offer) return (await offer.creating) ?? agree();
          if (!offer.start) return null;
          let rematchId: string | null = null;
          try {
            rematchId = (await createMatch(deps, await rematchPlan(actor, request.addressKey)))
              .matchId;
          } finally {
            await actor.rematchCreated(rematchId);
          }
          return rematchId;
        };
        const rematchId = await agree();
        return { rematchId, seats: actor.publicSeats() };
      }),
  );

  /** The same seats (people and CPUs), game, version, options and clock as `actor`'s match. */
  const rematchPlan = async (actor: MatchActor, ip: AddressKey): Promise<MatchPlan> => {
    const record = actor.matchRecord;
    const pinned = await content.store.matchContent(record.id);
    return {
      game: actor.game,
      options: record.options,
      seats: record.seats.map(({ kind, profile, name, userId, stops }): SeatRecord => ({
        kind,
        ...(profile ? { profile } : {}),
        ...(name ? { name } : {}),
        ...(userId ? { userId } : {}),
        ...(stops ? { stops } : {}),
      })),
      hostUserId: record.hostUserId,
      turnTimeLimitMs: record.turnTimeLimitMs,
      ip,
      replayPrivacy: record.replayPrivacy,
      rated: record.rated,
      // The seats are the same people: nobody is left to approve.
      approveJoins: false,
      pin: pinned
        ? { gameId: pinned.gameId, version: pinned.version, contentHash: pinned.contentHash }
        : null,
    };
  };

  app.get<{ Params: { id: string }; Querystring: { link?: string } }>(
    '/api/matches/:id/export',
    {
      schema: {
        tags: ['replays'],
        summary:
          'The match log as a cardtable-replay: full and unprojected (with seed) once over, for ' +
          'its players (and anyone with `?link=` when the host shared it); before that, ' +
          'participants only, in their own projection and without the seed',
        ...secured,
        params: MatchParams,
        querystring: LinkQuery,
        response: { 200: ReplayFileSchema, ...errors },
      },
    },
    async (request) => {
      const viewer = await viewerOf(requireUser(request));
      const { link } = request.query;
      return withVisibleMatch(
        registry,
        request.params.id,
        viewer,
        (actor) => exportMatch(actor, content, store, viewer, link),
        link,
      );
    },
  );
}
