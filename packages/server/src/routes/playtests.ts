import {
  MatchArt,
  MAX_SAVED_POSITIONS,
  PositionDetail,
  PositionList,
  PositionSummary,
  SavePositionRequest,
  Slug,
} from '@cardtable/sdk/content';
import { ErrorBody } from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  POSITION_SAVE_BURST,
  POSITION_SAVES_PER_MINUTE,
  deletedMeanwhile,
  type ContentLibrary,
} from '../content/library.ts';
import { cardArtUrls } from '../content/summaries.ts';
import { apiError } from '../errors.ts';
import type { MatchActor } from '../match/actor.ts';
import type { MatchRegistry } from '../match/registry.ts';
import { requireUser } from './authenticate.ts';
import { contentAccess } from './content-access.ts';
import { maySeeFinished } from '../match/visibility.ts';
import type { Viewer, ViewerOf } from '../auth/roles.ts';
import { withMatchActor, withVisibleMatch } from './matches.ts';
import { perUserRate } from './per-user-rate.ts';

const secured = { security: [{ bearer: [] }] };
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
};
const PositionParams = Type.Object({
  slug: Slug,
  name: Type.String({ minLength: 1, maxLength: 60 }),
});

interface Deps {
  library: ContentLibrary;
  registry: MatchRegistry;
  viewerOf: ViewerOf;
}

/**
 * What a playtest adds to a match: positions its creator saves for the studio's dry runs, and
 * the card art of whatever content a match plays (a playtest's draft is not public).
 */
export function registerPlaytestRoutes(
  app: FastifyInstance,
  { library, registry, viewerOf }: Deps,
) {
  const { store } = library;
  const { ownedGame } = contentAccess(store);
  const positionSave = perUserRate(
    'positionSavesPerMinute',
    POSITION_SAVE_BURST,
    POSITION_SAVES_PER_MINUTE,
    'Too many positions saved: wait a moment.',
  );

  app.post<{ Params: { slug: string }; Body: SavePositionRequest }>(
    '/api/content/games/:slug/positions',
    {
      schema: {
        tags: ['content'],
        summary:
          "Save where a playtest of this draft stands now, by name (the draft's creator, playing " +
          'it against CPUs only: a friend’s hidden cards are never saved)',
        ...secured,
        params: Type.Object({ slug: Slug }),
        body: SavePositionRequest,
        response: { 201: Type.Object({ position: PositionSummary }), ...errors },
      },
      // Counted where the client's request arrives, not again by the match's owner.
      onRequest: async (request) => {
        if (!request.fromNode) positionSave(requireUser(request).userId);
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const game = await ownedGame(request.params.slug, user);
      const name = request.body.name.trim();
      const pinned = await store.matchContent(request.body.matchId);
      if (!pinned || pinned.version !== null || pinned.gameId !== game.id)
        throw apiError('NOT_FOUND', `No playtest of ${game.name} has that id.`);
      const state = await withMatchActor(registry, request.body.matchId, (actor) => {
        const other = actor.matchRecord.seats.find(
          (seat) => seat.kind === 'human' && seat.userId !== user.userId,
        );
        if (other)
          throw apiError(
            'FORBIDDEN',
            `${other.name ?? 'Another player'} plays in this match: their hidden cards are theirs, so ` +
              'only a playtest against CPUs can be saved.',
          );
        const current = actor.unprojectedState();
        if (current === null) throw apiError('CONFLICT', 'The playtest has not started yet.');
        return current;
      });
      const position = { name, matchId: request.body.matchId, contentHash: pinned.contentHash };
      const saved = await store.savePosition(game.id, { ...position, state }, MAX_SAVED_POSITIONS);
      if (saved === 'gone') throw deletedMeanwhile(game);
      if (saved === 'full')
        throw apiError(
          'QUOTA_EXCEEDED',
          `${game.name} keeps at most ${MAX_SAVED_POSITIONS} positions: delete one first.`,
          { limit: 'savedPositions', max: MAX_SAVED_POSITIONS },
        );
      reply.code(201);
      return { position: saved };
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/content/games/:slug/positions',
    {
      schema: {
        tags: ['content'],
        summary:
          'The positions saved from playtests of this draft, newest first (its creator only)',
        ...secured,
        params: Type.Object({ slug: Slug }),
        response: { 200: PositionList, ...errors },
      },
    },
    async (request) => {
      const game = await ownedGame(request.params.slug, requireUser(request));
      return { positions: await store.positions(game.id) };
    },
  );

  app.get<{ Params: { slug: string; name: string } }>(
    '/api/content/games/:slug/positions/:name',
    {
      schema: {
        tags: ['content'],
        summary: 'One saved position with its full engine state (its creator only)',
        ...secured,
        params: PositionParams,
        response: { 200: PositionDetail, ...errors },
      },
    },
    async (request) => {
      const game = await ownedGame(request.params.slug, requireUser(request));
      const position = (await store.positions(game.id)).find((p) => p.name === request.params.name);
      if (!position) throw apiError('NOT_FOUND', `No saved position "${request.params.name}".`);
      return { position, state: await store.positionState(game.id, position.name) };
    },
  );

  app.delete<{ Params: { slug: string; name: string } }>(
    '/api/content/games/:slug/positions/:name',
    {
      schema: {
        tags: ['content'],
        summary: 'Delete a saved position (its creator only)',
        ...secured,
        params: PositionParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const game = await ownedGame(request.params.slug, requireUser(request));
      if (!(await store.deletePosition(game.id, request.params.name)))
        throw apiError('NOT_FOUND', `No saved position "${request.params.name}".`);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: string }; Querystring: { link?: string } }>(
    '/api/matches/:id/art',
    {
      schema: {
        tags: ['matches'],
        summary:
          "The image URL of each card of the match's content that has one. A published " +
          "version's art is public; a playtest's (an unpublished draft's) is for its creator and " +
          'players, whoever is watching it live, and once over whoever may see its replay',
        ...secured,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }),
        querystring: Type.Object({ link: Type.Optional(Type.String({ maxLength: 128 })) }),
        response: { 200: MatchArt, ...errors },
      },
    },
    async (request) => {
      const viewer = await viewerOf(requireUser(request));
      const { link } = request.query;
      // A match the caller may not see (or none) is answered as none, its content included.
      const allowed = await withVisibleMatch(
        registry,
        request.params.id,
        viewer,
        (actor) => maySeePlaytest(actor, viewer, link),
        link,
      );
      const pinned = await store.matchContent(request.params.id);
      if (!pinned) return { art: {} };
      if (pinned.version === null) {
        if (!allowed)
          throw apiError(
            'FORBIDDEN',
            "A playtest's draft is its creator's: its art is for the people in the match " +
              '(watch it to see it).',
          );
      }
      const [loaded, files] = await Promise.all([
        library.loadPinned(pinned),
        store.pinnedFiles(pinned),
      ]);
      return { art: cardArtUrls(loaded.content, files ?? {}) };
    },
  );
}

/**
 * Who may see what a playtest shows of its unpublished draft (its art): its host (the draft's
 * creator: only they start playtests of it) and players; while it runs, whoever has a socket
 * open on it (a spectator, as the match lets anyone watch); once over, whoever may see its replay.
 */
function maySeePlaytest(actor: MatchActor, viewer: Viewer, link?: string): boolean {
  if (actor.status === 'over') return maySeeFinished(actor, viewer, link);
  const { userId } = viewer;
  return (
    actor.seatOf(userId) !== null ||
    actor.matchRecord.hostUserId === userId ||
    actor.isConnected(userId)
  );
}
