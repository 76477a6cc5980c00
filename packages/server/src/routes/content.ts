import {
  ArtUpload,
  ArtUploaded,
  BanlistRequest,
  CreateGameRequest,
  DraftDetail,
  DraftSave,
  DraftSaved,
  EmbeddedContent,
  UpdateGameRequest,
  GameDetail,
  GameList,
  GameResponse,
  ImportedGame,
  ImportGameRequest,
  Slug,
  ValidationReport,
  VersionDetail,
  VersionNumber,
  VersionResponse,
} from '@cardtable/sdk/content';
import { ErrorBody } from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  ART_UPLOAD_BURST,
  ART_UPLOADS_PER_MINUTE,
  contentInvalid,
  ARCHIVES_PER_ADDRESS_PER_MINUTE,
  ARCHIVES_PER_MINUTE,
  DRAFT_SAVE_BURST,
  DRAFT_SAVES_PER_MINUTE,
  PUBLISH_BURST,
  PUBLISHES_PER_HOUR,
  type ContentLibrary,
} from '../content/library.ts';
import { MAX_ARCHIVE_BYTES } from '../content/archive.ts';
import { imageTypeOf, MAX_PACKAGE_BODY_BYTES } from '../content/package.ts';
import type { GameRow } from '../content/store.ts';
import { builtInSummary, cardArtUrls, gameSummary, versionSummary } from '../content/summaries.ts';
import { requesterOf } from '../content/validate.ts';
import { apiError } from '../errors.ts';
import { MAX_MARKS_PER_CHARACTER, unshowableName } from '../printable.ts';
import { KeyedRateLimiter, UserAndAddressLimiter } from '../rate-limit.ts';
import { requireUser } from './authenticate.ts';
import { perUserRate } from './per-user-rate.ts';
import { contentAccess } from './content-access.ts';
import { CONTENT_LIMITS } from '@cardtable/tcg/limits';

const secured = { security: [{ bearer: [] }] };
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  429: ErrorBody,
};
const SlugParams = Type.Object({ slug: Slug });
const VersionParams = Type.Object({ slug: Slug, version: VersionNumber });
type VersionParams = { slug: string; version: number };

interface Deps {
  library: ContentLibrary;
}

/** Creators' games: create, draft, validate, publish, deprecate, banlist; discovery; card art. */
export function registerContentRoutes(app: FastifyInstance, { library }: Deps) {
  const { store } = library;
  const artUploads = new KeyedRateLimiter(ART_UPLOAD_BURST, ART_UPLOADS_PER_MINUTE / 60);
  const publishes = new KeyedRateLimiter(PUBLISH_BURST, PUBLISHES_PER_HOUR / 3600);
  const archives = new UserAndAddressLimiter(ARCHIVES_PER_MINUTE, ARCHIVES_PER_ADDRESS_PER_MINUTE);
  const draftSave = perUserRate(
    'draftSavesPerMinute',
    DRAFT_SAVE_BURST,
    DRAFT_SAVES_PER_MINUTE,
    'Too many draft saves: wait a moment.',
  );

  /** Summaries of games, their play counts taken in one query for the whole list. */
  const summariesOf = async (games: GameRow[]) => {
    const counts = await store.playCounts(games.map((game) => game.id));
    return Promise.all(
      games.map(async (game) => {
        const [latest, playable] = await Promise.all([
          store.latest(game.id),
          store.latestPlayable(game.id),
        ]);
        return gameSummary(game, latest, playable, counts.get(game.id) ?? 0);
      }),
    );
  };
  const summaryOf = async (game: GameRow) => (await summariesOf([game]))[0]!;
  const { findGame, visibleGame, ownedGame } = contentAccess(store);
  const findVersion = async (game: GameRow, version: number) => {
    const row = await store.version(game.id, version);
    if (!row) throw apiError('NOT_FOUND', `${game.name} has no version ${version}.`);
    return row;
  };

  app.get(
    '/api/games',
    {
      schema: {
        tags: ['content'],
        summary:
          'Every game this server lets you play: built-in and published, non-deprecated (public)',
        response: { 200: GameList },
      },
    },
    // Public and read-only, like the published versions it lists: someone deciding whether to
    // sign in may see what there is to play. Bounded by playableGames' limit.
    async () => {
      const builtInCounts = await store.builtInPlayCounts();
      const builtIn = [...library.builtIn.values()].map(({ game }) =>
        builtInSummary(game, builtInCounts.get(game.name) ?? 0),
      );
      const published = await summariesOf(await store.playableGames());
      return { games: [...builtIn, ...published] };
    },
  );

  app.post<{ Body: CreateGameRequest }>(
    '/api/content/games',
    {
      schema: {
        tags: ['content'],
        summary: 'Create a game owned by the caller, with an empty draft',
        ...secured,
        body: CreateGameRequest,
        response: { 201: GameResponse, ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { slug, description, from } = request.body;
      const name = gameName(request.body.name);
      const source = from ? await visibleGame(from.slug, user) : null;
      const game = await library.createGame({
        slug,
        name,
        description: description?.trim() ?? '',
        ownerId: user.userId,
      });
      if (source) await library.copyIntoDraft(game, source, from?.version);
      reply.code(201);
      return { game: await summaryOf(game) };
    },
  );

  app.post<{ Body: ImportGameRequest }>(
    '/api/content/games/import',
    {
      bodyLimit: Math.ceil((MAX_ARCHIVE_BYTES * 4) / 3) + 4096,
      schema: {
        tags: ['content'],
        summary:
          'Create a game whose draft is a zipped content folder (a studio export, `cardtable ' +
          'content pack`); an archive over the limits, or no zip, is refused and nothing is created',
        ...secured,
        body: ImportGameRequest,
        response: { 201: ImportedGame, ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { slug, description, archive } = request.body;
      const name = gameName(request.body.name);
      const imported = await library.importGame(
        { slug, name, description: description?.trim() ?? '' },
        new Uint8Array(Buffer.from(archive.base64, 'base64')),
        requesterOf(request, user.userId),
      );
      const { ok, errors, warnings } = imported.report;
      reply.code(201);
      return {
        game: await summaryOf(imported.game),
        ok,
        errors,
        warnings,
        revision: imported.revision,
      };
    },
  );

  app.get(
    '/api/content/games/mine',
    {
      schema: {
        tags: ['content'],
        summary: "The caller's games, unpublished ones included",
        ...secured,
        response: { 200: GameList, 401: ErrorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { games: await summariesOf(await store.gamesOf(user.userId)) };
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/content/games/:slug',
    {
      schema: {
        tags: ['content'],
        summary: 'A game and its published versions',
        ...secured,
        params: SlugParams,
        response: { 200: GameDetail, ...errors },
      },
    },
    async (request) => {
      const game = await visibleGame(request.params.slug, requireUser(request));
      const versions = await store.versions(game.id);
      return { game: await summaryOf(game), versions: versions.map(versionSummary) };
    },
  );

  app.patch<{ Params: { slug: string }; Body: UpdateGameRequest }>(
    '/api/content/games/:slug',
    {
      schema: {
        tags: ['content'],
        summary: 'Rename a game or change its description (owner only)',
        ...secured,
        params: SlugParams,
        body: UpdateGameRequest,
        response: { 200: GameResponse, ...errors },
      },
    },
    async (request) => {
      const game = await ownedGame(request.params.slug, requireUser(request));
      const { name, description } = request.body;
      await store.updateGame(game.id, {
        ...(name !== undefined ? { name: gameName(name) } : {}),
        ...(description !== undefined ? { description: description.trim() } : {}),
      });
      return { game: await summaryOf(await findGame(game.slug)) };
    },
  );

  app.delete<{ Params: { slug: string } }>(
    '/api/content/games/:slug',
    {
      schema: {
        tags: ['content'],
        summary:
          'Delete a game that was never published, with its draft (owner only); published ' +
          'versions are kept for the matches that play them',
        ...secured,
        params: SlugParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const game = await ownedGame(request.params.slug, requireUser(request));
      if (!(await store.deleteUnpublishedGame(game.id)))
        throw apiError(
          'CONFLICT',
          `${game.name} has published versions; deprecate them instead of deleting the game.`,
        );
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/content/games/:slug/draft',
    {
      schema: {
        tags: ['content'],
        summary: 'The draft (owner only): its files (art by hash) and revision',
        ...secured,
        params: SlugParams,
        response: { 200: DraftDetail, ...errors },
      },
    },
    async (request) => {
      const game = await ownedGame(request.params.slug, requireUser(request));
      const draft = (await store.draftDetail(game.id))!;
      return { game: await summaryOf(game), ...draft };
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/content/games/:slug/draft/archive',
    {
      schema: {
        tags: ['content'],
        summary:
          'The draft as a .zip (owner only): its files, art included, in a folder named after ' +
          'the game, ready for `cardtable content validate` and for import (10 a minute)',
        ...secured,
        params: SlugParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const game = await ownedGame(request.params.slug, user);
      if (!archives.take(user.userId, request.addressKey))
        throw apiError('RATE_LIMITED', 'Too many draft archives asked for: wait a minute.', {
          retryAfterMs: Math.ceil(60_000 / ARCHIVES_PER_MINUTE),
        });
      const archive = await library.draftArchive(game);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${game.slug}.zip"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(archive));
    },
  );

  app.put<{ Params: { slug: string }; Body: DraftSave }>(
    '/api/content/games/:slug/draft',
    {
      bodyLimit: MAX_PACKAGE_BODY_BYTES,
      schema: {
        tags: ['content'],
        summary:
          'Replace the draft (owner only). Stored even with errors; a package over the limits is ' +
          'refused; with `revision`, refused (409) when the draft changed since that revision; ' +
          '30 at once, then 60 a minute (429)',
        ...secured,
        params: SlugParams,
        body: DraftSave,
        response: { 200: DraftSaved, ...errors },
      },
      // Before the body is read: a refused save costs no parse of its megabytes.
      onRequest: async (request) => draftSave(requireUser(request).userId),
    },
    async (request) => {
      const user = requireUser(request);
      const game = await ownedGame(request.params.slug, user);
      const { ok, errors, warnings, revision } = await library.putDraft(
        game,
        request.body,
        requesterOf(request, user.userId),
      );
      return { ok, errors, warnings, revision };
    },
  );

  app.post<{ Params: { slug: string }; Body: ArtUpload }>(
    '/api/content/games/:slug/draft/art',
    {
      bodyLimit: Math.ceil((CONTENT_LIMITS.maxImageBytes * 4) / 3) + 1024,
      schema: {
        tags: ['content'],
        summary:
          'Upload one card image for the draft (owner only; PNG or WebP, checked by its bytes); ' +
          'name it in a draft save as {"sha256": ...}',
        ...secured,
        params: SlugParams,
        body: ArtUpload,
        response: { 201: ArtUploaded, ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await ownedGame(request.params.slug, user);
      if (!artUploads.take(user.userId))
        throw apiError('RATE_LIMITED', 'Too many images uploaded: wait a minute.', {
          retryAfterMs: Math.ceil(60_000 / ART_UPLOADS_PER_MINUTE),
        });
      const bytes = new Uint8Array(Buffer.from(request.body.base64, 'base64'));
      const stored = await library.uploadArt(bytes, user.userId);
      reply.code(201);
      return { ...stored, url: `/api/art/${stored.sha256}` };
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/api/content/games/:slug/validate',
    {
      schema: {
        tags: ['content'],
        summary: 'Validate the draft (owner only)',
        ...secured,
        params: SlugParams,
        response: { 200: ValidationReport, ...errors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { ok, errors, warnings } = await library.validateDraft(
        await ownedGame(request.params.slug, user),
        requesterOf(request, user.userId),
      );
      return { ok, errors, warnings };
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/api/content/games/:slug/publish',
    {
      schema: {
        tags: ['content'],
        summary:
          'Publish the draft as the next immutable version (owner only; 20 at once, then 60 an hour)',
        ...secured,
        params: SlugParams,
        response: { 201: VersionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const game = await ownedGame(request.params.slug, user);
      if (!publishes.take(user.userId))
        throw apiError('RATE_LIMITED', 'Too many versions published: wait a few minutes.', {
          retryAfterMs: Math.ceil(3_600_000 / PUBLISHES_PER_HOUR),
        });
      const version = await library.publishDraft(game, requesterOf(request, user.userId));
      reply.code(201);
      return { version: versionSummary(version) };
    },
  );

  app.get<{ Params: VersionParams }>(
    '/api/content/games/:slug/versions/:version',
    {
      schema: {
        tags: ['content'],
        summary: 'A published version: ruleset, cards with their text, decks and card art URLs',
        ...secured,
        params: VersionParams,
        response: { 200: VersionDetail, ...errors },
      },
    },
    async (request) => {
      const game = await visibleGame(request.params.slug, requireUser(request));
      const row = await findVersion(game, request.params.version);
      const [loaded, files] = await Promise.all([
        library.load(game.id, row.version),
        store.files(game.id, row.version),
      ]);
      const { content } = loaded;
      return {
        version: versionSummary(row),
        content: {
          ruleset: content.ruleset,
          cards: [...content.cards.values()],
          decks: content.decks,
          art: cardArtUrls(content, files ?? {}),
        },
      };
    },
  );

  app.get<{ Params: VersionParams }>(
    '/api/content/games/:slug/versions/:version/files',
    {
      schema: {
        tags: ['content'],
        summary:
          "A published version's package files, as a replay export embeds them (a replay without them folds with these)",
        ...secured,
        params: VersionParams,
        response: { 200: EmbeddedContent, ...errors },
      },
    },
    async (request) => {
      const game = await visibleGame(request.params.slug, requireUser(request));
      const row = await findVersion(game, request.params.version);
      const files = await store.files(game.id, row.version);
      if (!files) throw apiError('NOT_FOUND', `${game.name} version ${row.version} has no files.`);
      return { contentHash: row.contentHash, files };
    },
  );

  const setDeprecated = (method: 'POST' | 'DELETE', deprecated: boolean, summary: string) =>
    app.route<{ Params: VersionParams }>({
      method,
      url: '/api/content/games/:slug/versions/:version/deprecate',
      schema: {
        tags: ['content'],
        summary,
        ...secured,
        params: VersionParams,
        response: { 200: VersionResponse, ...errors },
      },
      handler: async (request) => {
        const user = requireUser(request);
        const game = await ownedGame(request.params.slug, user);
        const row = await findVersion(game, request.params.version);
        await store.setDeprecated(game.id, row.version, deprecated);
        return { version: versionSummary({ ...row, deprecated }) };
      },
    });
  setDeprecated(
    'POST',
    true,
    'Deprecate a version (owner only): new matches take the latest other one; live and ' +
      'finished matches keep theirs',
  );
  setDeprecated(
    'DELETE',
    false,
    'Restore a deprecated version (owner only): new matches may take it again',
  );

  app.put<{ Params: VersionParams; Body: BanlistRequest }>(
    '/api/content/games/:slug/versions/:version/banlist',
    {
      schema: {
        tags: ['content'],
        summary: "Set a version's banlist (owner only): cards refused in new matches' decks",
        ...secured,
        params: VersionParams,
        body: BanlistRequest,
        response: { 200: VersionResponse, ...errors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const game = await ownedGame(request.params.slug, user);
      const row = await findVersion(game, request.params.version);
      const { content } = await library.load(game.id, row.version);
      const cards = [...new Set(request.body.cards)].sort();
      const unknown = cards.filter((id) => !content.cards.get(id) || content.cards.get(id)!.token);
      if (unknown.length > 0)
        throw contentInvalid(
          unknown.map((id) => ({
            severity: 'error' as const,
            code: 'UNKNOWN_CARD',
            message: `"${id}" is not a card of ${game.name} version ${row.version}.`,
          })),
          [],
        );
      await store.setBanlist(game.id, row.version, cards);
      return { version: versionSummary({ ...row, banlist: cards }) };
    },
  );

  app.get<{ Params: { hash: string } }>(
    '/api/art/:hash',
    {
      schema: {
        tags: ['content'],
        summary:
          'Card art by the sha256 of its bytes (public): the image, or a 302 to a short-lived ' +
          'signed URL when art lives in S3',
        params: Type.Object({ hash: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
        response: { 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const delivery = await library.art.deliver(request.params.hash);
      if (!delivery) throw apiError('NOT_FOUND', 'No such image.');
      if (delivery.kind === 'redirect') {
        reply.header('cache-control', 'no-store');
        return reply.redirect(delivery.url, 302);
      }
      const type = imageTypeOf(delivery.bytes) ?? 'application/octet-stream';
      return reply
        .header('content-type', type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(delivery.bytes));
    },
  );
}

/** A game's name as stored: trimmed; one that cannot be shown is refused (it is shown to others). */
function gameName(name: string): string {
  const trimmed = name.trim();
  if (unshowableName(trimmed)) {
    throw apiError(
      'BAD_REQUEST',
      `A game name has 1 to 80 printable characters, something that shows and at most ${MAX_MARKS_PER_CHARACTER} accents on a letter.`,
      { field: 'name' },
    );
  }
  return trimmed;
}
