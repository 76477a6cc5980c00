import { gameForContent, type ContentGame } from '@cardtable/games';
import type { ContentPackage, Diagnostic, DraftSave, MatchContent } from '@cardtable/sdk/content';
import type { MatchMetadata } from '@cardtable/sdk/protocol';
import type { Content } from '@cardtable/tcg';
import { CONTENT_LIMITS } from '@cardtable/tcg/limits';
import { apiError } from '../errors.ts';
import type { GameRegistry, HostedGame } from '../games.ts';
import type { MatchRecord } from '../store/event-store.ts';
import { packArchive, unpackArchive } from './archive.ts';
import type { ArtStore } from './art-store.ts';
import {
  breaksLimits,
  contentHashOf,
  decodePackage,
  imageTypeOf,
  storedFileOf,
  toStored,
  type PackageFiles,
  type StoredFiles,
} from './package.ts';
import {
  GamesQuotaReached,
  SlugTaken,
  type ArtQuota,
  type ContentPin,
  type ContentStore,
  type GameRow,
  type MatchContentRow,
  type VersionRow,
} from './store.ts';
import { newId } from '../ids.ts';
import { gameForEmbeddedContent, type ExportedReplay } from './replay-content.ts';
import type { AnyGame } from '@cardtable/engine';
import { validatePackage, type CheckRequester, type PackageReport } from './validate.ts';

/** Pinned content (a published version or a playtest snapshot) loaded and ready to host. */
export interface LoadedContent {
  content: Content;
  hosted: HostedGame & { game: ContentGame };
}

/** Games (drafts and published ones) one user may own: each is a row, a slug and a lobby. */
export const GAMES_PER_USER = 50;

/**
 * Card images one user may upload: a burst (a whole set's art at once), then this many a
 * minute. Uploads are stored by hash and kept, so their rate is what bounds the art store.
 */
export const ART_UPLOAD_BURST = 120;
export const ART_UPLOADS_PER_MINUTE = 10;

/**
 * Versions one creator may publish: a burst, then this many an hour. Each version is kept for
 * good (matches pin it), up to a whole package in size, so their pace bounds what one stores.
 */
export const PUBLISH_BURST = 20;
export const PUBLISHES_PER_HOUR = 60;
/**
 * Versions one game keeps at most when published over HTTP. The rate bounds their pace, not
 * their sum: without a cap a creator publishing at the rate for good grew the store for good.
 * With `GAMES_PER_USER` it bounds what one creator's versions take. A folder the operator hosts
 * from the command line (`publishFiles`) is neither rate-limited nor capped: a version per
 * saved change of a long session is theirs to keep.
 */
export const VERSIONS_PER_GAME = 500;

/**
 * Draft archives (.zip downloads) one user, and one address, may ask for a minute. Packing one
 * deflates up to a whole package (8 MiB of art deflates in about a fifth of a second) on the
 * event loop, so their pace is what keeps one creator from stalling every match on the server.
 */
export const ARCHIVES_PER_MINUTE = 10;
export const ARCHIVES_PER_ADDRESS_PER_MINUTE = 30;

/**
 * Draft saves one user may make: a burst, then this many a minute. Each save is a package (up
 * to 8 MiB) checked on the validator's threads and written whole with a new revision, so their
 * pace bounds what one creator costs the server; the studio autosaves at most once per pause in
 * the editing (and, refused, saves again after `retryAfterMs`), far below this.
 */
export const DRAFT_SAVE_BURST = 30;
export const DRAFT_SAVES_PER_MINUTE = 60;

/**
 * Playtest positions one user may save: a burst (a draft's whole 20 at once, and then some),
 * then this many a minute. Each save reads the match's whole state and writes it (tens of
 * kilobytes for a card game), and saving again under a name replaces it, so the count cap alone
 * left the rate of those writes unbounded.
 */
export const POSITION_SAVE_BURST = 30;
export const POSITION_SAVES_PER_MINUTE = 10;

/** Live playtests one creator may host at once (each holds a Lua VM and a match). */
export const LIVE_PLAYTESTS_PER_USER = 3;

/** Loaded versions kept in memory (each holds a Lua VM); the least recently used go first. */
const CACHED_VERSIONS = 32;

/** The owner of content hosted from local folders. */
const LOCAL_CREATOR = { id: 'u_local_folders', name: 'Local folder' };

/** A hosted folder's slug belongs to a game its publisher may not change (another creator's). */
export class HostedSlugTaken extends Error {
  constructor(
    readonly slug: string,
    readonly ownerName: string,
    readonly publisherName: string,
  ) {
    super(
      `The slug "${slug}" belongs to a game ${ownerName} published on this server, and the ` +
        `folder is hosted as ${publisherName}, who may not change it.`,
    );
  }
}

/** The game kinds a creator's content can be (matches of other games are never pinned). */
const CONTENT_KINDS: ReadonlySet<string> = new Set(['tcg']);

/** A slug another game holds, said as the studio's form names it (its "address name"). */
const slugTaken = (slug: string) =>
  apiError('CONFLICT', `Another game already has the address name "${slug}": choose another.`, {
    field: 'slug',
  });

/**
 * Creators' content on this server: drafts, publishing, and the games that play each published
 * version. Every match is resolved from what it recorded: a pinned content version, else the
 * built-in game of its name.
 */
export class ContentLibrary {
  private readonly loaded = new Map<string, Promise<LoadedContent>>();

  constructor(
    readonly store: ContentStore,
    readonly art: ArtStore,
    readonly builtIn: GameRegistry,
    /** Card images one creator may upload in all (`ART_IMAGES_PER_USER`, `ART_BYTES_PER_USER`). */
    private readonly artQuota: ArtQuota,
  ) {}

  /**
   * Whether `slug` names a game anyone may gather for (a lobby chat room, the open-tables list):
   * a built-in one or a studio game with a published version. A draft nobody else can see has
   * no lobby, so neither its existence nor a room per unpublished slug is anyone's to use.
   */
  async hasPublicGame(slug: string): Promise<boolean> {
    if (this.builtIn.has(slug)) return true;
    const game = await this.store.gameBySlug(slug);
    return game !== null && (await this.store.latest(game.id)) !== null;
  }

  /** The game a match plays, for as long as it lives: its pinned version, or a built-in. */
  async hostedFor(record: Pick<MatchRecord, 'id' | 'game'>): Promise<HostedGame | null> {
    if (CONTENT_KINDS.has(record.game)) {
      const pinned = await this.store.matchContent(record.id);
      if (pinned) return (await this.loadPinned(pinned)).hosted;
    }
    return this.builtIn.get(record.game) ?? null;
  }

  /** The content version a match is pinned to, as clients see it; null for built-in games. */
  async matchContent(matchId: string): Promise<MatchContent | null> {
    const pinned = await this.store.matchContent(matchId);
    return pinned ? toMatchContent(pinned) : null;
  }

  /**
   * The game a replay was played with: its pinned content (a version of this server with that
   * hash, else the content embedded in the file, checked against the hash), or a built-in.
   */
  async gameForReplay(
    replay: ExportedReplay,
    requester: CheckRequester,
  ): Promise<{ ok: true; game: AnyGame; dispose(): void } | { ok: false; message: string }> {
    const pinned = replay.match.content;
    const keep = () => undefined;
    if (!pinned) {
      const hosted = this.builtIn.get(replay.match.game);
      return hosted
        ? { ok: true, game: hosted.game, dispose: keep }
        : { ok: false, message: `Unknown game "${replay.match.game}".` };
    }
    const known =
      (await this.store.versionByHash(pinned.contentHash)) ??
      (await this.store.snapshotByHash(pinned.contentHash));
    if (known) {
      const version = 'version' in known ? known.version : null;
      const { game } = (await this.loadPinned({ ...known, version })).hosted;
      return { ok: true, game, dispose: keep };
    }
    const built = await gameForEmbeddedContent(replay, requester);
    return built.ok ? { ok: true, game: built.game, dispose: () => built.game.dispose() } : built;
  }

  /** A published version loaded for play (cached by game and version). */
  load(gameId: string, version: number): Promise<LoadedContent> {
    return this.loadPinned({ gameId, version, contentHash: '' });
  }

  /** Pinned content loaded for play: a version by its number, a snapshot by its hash. */
  loadPinned(pin: ContentPin): Promise<LoadedContent> {
    const key =
      pin.version === null ? `${pin.gameId}#${pin.contentHash}` : `${pin.gameId}@${pin.version}`;
    const cached = this.loaded.get(key);
    if (cached) {
      this.loaded.delete(key);
      this.loaded.set(key, cached);
      return cached;
    }
    const loading = this.build(pin);
    this.loaded.set(key, loading);
    loading.catch(() => this.loaded.delete(key));
    // Evicted games are only dropped from the cache: a live match may still hold one, and the
    // garbage collector frees its VM once nothing does.
    while (this.loaded.size > CACHED_VERSIONS)
      this.loaded.delete(this.loaded.keys().next().value as string);
    return loading;
  }

  private async build(pin: ContentPin): Promise<LoadedContent> {
    const label =
      pin.version === null
        ? `Playtest ${pin.gameId}#${pin.contentHash}`
        : `${pin.gameId}@${pin.version}`;
    const stored = await this.store.pinnedFiles(pin);
    if (!stored) throw new Error(`No content ${label}.`);
    // Validated in full when it was published (or frozen for a playtest), and neither ever
    // changes: loading parses and checks it as the engine does, without the validator's lint,
    // playability and tests.
    const [{ contentSourceOfFiles }, { loadContent, describeLoadProblem }] = await Promise.all([
      import('@cardtable/tcg/replay'),
      import('@cardtable/tcg'),
    ]);
    const unloadable = (why: string) => new Error(`${label} no longer loads: ${why}`);
    const source = contentSourceOfFiles(stored);
    if (!source.ok) throw unloadable(source.error.message);
    const loaded = loadContent(source.value);
    if (!loaded.ok) throw unloadable(loaded.problems.map(describeLoadProblem).join('; '));
    const game = await gameForContent(loaded.content);
    return { content: loaded.content, hosted: { game, timeoutProfile: 'easy' } };
  }

  /**
   * Freezes the draft for a playtest by its owner: validated as a publish is, stored once per
   * content (a playtest of unchanged content reuses the snapshot), and refused while the owner
   * already hosts `LIVE_PLAYTESTS_PER_USER` playtests that are not over.
   */
  async snapshotDraft(
    game: GameRow,
    requester: CheckRequester,
  ): Promise<ContentPin & LoadedContent> {
    const userId = requester.user;
    if (game.ownerId !== userId)
      throw apiError('FORBIDDEN', `Only the creator of "${game.slug}" may playtest its draft.`);
    if ((await this.store.livePlaytests(userId)) >= LIVE_PLAYTESTS_PER_USER)
      throw apiError(
        'QUOTA_EXCEEDED',
        `You already have ${LIVE_PLAYTESTS_PER_USER} playtests going: finish or resign one (or leave one still waiting for a friend) first.`,
        { limit: 'playtestsLive', max: LIVE_PLAYTESTS_PER_USER },
      );
    const draft = (await this.store.draftDetail(game.id))!;
    const report = await validatePackage(await this.withArt(draft.files), requester);
    if (!report.ok || !report.content) throw contentInvalid(report.errors, report.warnings);
    const snapshot = await this.store.saveSnapshot({
      gameId: game.id,
      contentHash: contentHashOf(draft.files),
      slug: game.slug,
      name: game.name,
      draftRevision: draft.revision,
      files: draft.files,
    });
    const pin = { gameId: game.id, version: null, contentHash: snapshot.contentHash };
    return { ...pin, ...(await this.loadPinned(pin)) };
  }

  /** A stored package with its images' bytes fetched back from the art store. */
  async withArt(stored: StoredFiles): Promise<PackageFiles> {
    const files = new Map<string, string | Uint8Array>();
    await Promise.all(
      Object.entries(stored).map(async ([path, file]) => {
        if (typeof file === 'string') files.set(path, file);
        else {
          const bytes = await this.art.get(file.sha256);
          if (!bytes)
            throw new Error(`Card art ${file.sha256} (${path}) is missing from the art store.`);
          files.set(path, bytes);
        }
      }),
    );
    return files;
  }

  /**
   * Replaces a game's draft. A package that breaks a limit is refused whole (nothing stored);
   * anything else is stored, even with errors, and the validation report is the answer. Art may
   * be named by the hash of an image already uploaded. A save edited from a revision that is no
   * longer the draft's is refused (CONFLICT, with the current revision).
   */
  async putDraft(
    game: GameRow,
    body: DraftSave | ContentPackage,
    uploader: CheckRequester,
  ): Promise<PackageReport & { revision: number }> {
    const files = await this.decodeDraft(body);
    const report = await validatePackage(files, uploader);
    refuseOverLimits(report);
    // Images sent inline are uploads like the art route's, within the same quota.
    const inline = Object.entries(toStored(files)).flatMap(([path, file]) =>
      typeof file !== 'string' &&
      typeof body.files[path] !== 'string' &&
      'base64' in body.files[path]!
        ? [file]
        : [],
    );
    await this.countUploads(uploader.user, inline);
    const expected = 'revision' in body ? body.revision : undefined;
    const saved = await this.store.saveDraft(game.id, await this.storeArt(files), expected);
    if (!saved) {
      const current = await this.store.draftDetail(game.id);
      if (!current) throw deletedMeanwhile(game);
      throw apiError(
        'CONFLICT',
        `The draft changed since revision ${expected} (it is at ${current?.revision}): reload it.`,
        { revision: current?.revision ?? 0 },
      );
    }
    return { ...report, revision: saved.revision };
  }

  /**
   * A draft save's files in hand: base64 decoded, art named by hash fetched from the store. The
   * package's file count and size limits are applied here already, before anything is decoded
   * or read: a save of 100,000 paths naming one uploaded image read it from the art store (disk
   * or S3) 100,000 times and held every copy, only for the validator to refuse the package.
   */
  private async decodeDraft(body: DraftSave | ContentPackage): Promise<PackageFiles> {
    const entries = Object.entries(body.files);
    const { maxFiles, maxTotalBytes } = CONTENT_LIMITS;
    if (entries.length > maxFiles)
      throw overLimit(
        'LIMIT_FILES',
        `the package has ${entries.length} files; at most ${maxFiles} are allowed`,
      );
    const inline: Record<string, string | { base64: string }> = {};
    const byHash: [string, string][] = [];
    for (const [path, file] of entries) {
      if (typeof file !== 'string' && 'sha256' in file) byHash.push([path, file.sha256]);
      else inline[path] = file;
    }
    const files = new Map(decodePackage({ files: inline }));
    const read = new Map<string, Uint8Array>();
    let bytesNamed = 0;
    for (const [path, hash] of byHash) {
      const bytes = read.get(hash) ?? (await this.art.get(hash));
      if (!bytes) throw apiError('BAD_REQUEST', `${path}: no uploaded image has hash ${hash}.`);
      read.set(hash, bytes);
      // Each path counts, as the validator counts it: an image named twice is in the package twice.
      bytesNamed += bytes.length;
      if (bytesNamed > maxTotalBytes)
        throw overLimit(
          'LIMIT_TOTAL_SIZE',
          `the images it names pass ${maxTotalBytes} bytes, the most a package may hold`,
        );
      files.set(path, bytes);
    }
    return files;
  }

  /**
   * Checks a card image `userId` uploads as the validator checks card art, and stores it within
   * their art quota (429 QUOTA_EXCEEDED past it; an image they uploaded before is not counted again).
   */
  async uploadArt(
    bytes: Uint8Array,
    userId: string,
  ): Promise<{ sha256: string; type: string; size: number }> {
    const type = imageTypeOf(bytes);
    const path = `art/upload.${type === 'image/webp' ? 'webp' : 'png'}`;
    const check = (await import('@cardtable/tcg')).checkImage(path, bytes);
    if (!check.ok)
      throw apiError('CONTENT_INVALID', `The image is refused: ${check.message}.`, {
        errors: [{ severity: 'error', code: check.code, message: check.message }],
        warnings: [],
      });
    const stored = storedFileOf(bytes, path) as { sha256: string; type: string; size: number };
    await this.countUploads(userId, [stored]);
    await this.art.put(stored.sha256, bytes, stored.type);
    return stored;
  }

  /**
   * A new game of `owner` whose draft is a zipped content folder. The archive is read within
   * the package's limits and the package validated before anything is created: one that breaks
   * a limit (or is no zip) is refused whole (CONTENT_INVALID) and nothing changes. Content with
   * errors is kept, as a draft save keeps it; its images count as uploads.
   */
  async importGame(
    input: { slug: string; name: string; description: string },
    archive: Uint8Array,
    requester: CheckRequester,
  ): Promise<{ game: GameRow; report: PackageReport; revision: number }> {
    const owner = requester.user;
    // A taken slug is said before the archive is read and checked.
    await this.refuseTakenSlug(input.slug);
    const read = unpackArchive(archive);
    if (!read.ok) throw contentInvalid(read.errors, []);
    const report = await validatePackage(read.files, requester);
    refuseOverLimits(report);
    const stored = toStored(read.files);
    await this.countUploads(
      owner,
      Object.values(stored).flatMap((file) => (typeof file === 'string' ? [] : [file])),
    );
    const game = await this.createGame({ ...input, ownerId: owner });
    const saved = await this.store.saveDraft(game.id, await this.storeArt(read.files));
    return { game, report, revision: saved!.revision };
  }

  /** The draft as a .zip of its files, art included, in a folder named after the game. */
  async draftArchive(game: GameRow): Promise<Uint8Array> {
    return packArchive(await this.withArt(await this.store.draft(game.id)), game.slug);
  }

  /** Creates a game owned by `ownerId`: CONFLICT for a taken slug, QUOTA_EXCEEDED past the quota. */
  async createGame(input: {
    slug: string;
    name: string;
    description: string;
    ownerId: string;
  }): Promise<GameRow> {
    this.refuseBuiltInSlug(input.slug);
    try {
      await this.store.createGame({ id: newId('g'), ...input }, GAMES_PER_USER);
    } catch (error) {
      if (error instanceof SlugTaken) throw slugTaken(input.slug);
      if (error instanceof GamesQuotaReached)
        throw apiError(
          'QUOTA_EXCEEDED',
          `You have ${error.max} games already: delete a draft you no longer need first.`,
          { limit: 'gamesPerUser', max: error.max },
        );
      throw error;
    }
    return (await this.store.gameBySlug(input.slug))!;
  }

  private refuseBuiltInSlug(slug: string): void {
    if (this.builtIn.has(slug))
      throw apiError(
        'CONFLICT',
        `"${slug}" is the address name of a built-in game: choose another.`,
        { field: 'slug' },
      );
  }

  /** Before work worth sparing (an archive read); the store's unique key still says it last. */
  private async refuseTakenSlug(slug: string): Promise<void> {
    this.refuseBuiltInSlug(slug);
    if (await this.store.gameBySlug(slug)) throw slugTaken(slug);
  }

  /** Starts a draft as a copy of a published version (its art is already in the store). */
  async copyIntoDraft(game: GameRow, from: GameRow, version?: number): Promise<void> {
    const row = version
      ? await this.store.version(from.id, version)
      : await this.store.latest(from.id);
    const files = row ? await this.store.files(from.id, row.version) : null;
    if (!row || !files)
      throw apiError(
        'NOT_FOUND',
        version
          ? `${from.name} has no version ${version}.`
          : `${from.name} has no published version.`,
      );
    await this.store.saveDraft(game.id, files);
  }

  async validateDraft(game: GameRow, requester: CheckRequester): Promise<PackageReport> {
    return validatePackage(await this.withArt(await this.store.draft(game.id)), requester);
  }

  /** Publishes the draft as the next version; invalid or unchanged content is refused. */
  async publishDraft(game: GameRow, requester: CheckRequester): Promise<VersionRow> {
    const stored = await this.store.draft(game.id);
    const published = await this.publish(
      game,
      stored,
      await validatePackage(await this.withArt(stored), requester),
      requester.user,
      VERSIONS_PER_GAME,
    );
    if ('unchangedSince' in published)
      throw apiError(
        'CONTENT_UNCHANGED',
        `Nothing changed since version ${published.unchangedSince}: it has the same content.`,
        { version: published.unchangedSince },
      );
    return published.version;
  }

  /**
   * Publishes a package in hand (a local folder): its art is stored first. Answers the new
   * version, or null when the content equals the latest version.
   */
  async publishFiles(
    game: GameRow,
    files: PackageFiles,
    requester: CheckRequester,
  ): Promise<VersionRow | null> {
    const report = await validatePackage(files, requester);
    refuseOverLimits(report);
    const published = await this.publish(game, await this.storeArt(files), report, requester.user);
    return 'version' in published ? published.version : null;
  }

  /**
   * Hosts a local folder's content (`cardtable serve --content DIR`) as a game published by
   * `publisher` (the creator the CLI is signed in as; by default the server's local creator): a
   * new version whenever the files change, none when they do not. The publisher may host its
   * own games and those the local creator hosted before; a game of anyone else's is refused.
   */
  async publishLocal(
    input: { slug: string; name: string; description: string; files: PackageFiles },
    publisher: { id: string; name: string } = LOCAL_CREATOR,
  ): Promise<{ game: GameRow; version: VersionRow | null }> {
    const local = publisher === LOCAL_CREATOR;
    if (local) await this.store.ensureUser(LOCAL_CREATOR.id, LOCAL_CREATOR.name);
    let game = await this.store.gameBySlug(input.slug);
    if (!game) {
      // A creator's hosted games count toward their quota, as games made any other way do.
      await this.store
        .createGame(
          { id: newId('g'), ownerId: publisher.id, ...input },
          local ? undefined : GAMES_PER_USER,
        )
        .catch((error) => {
          if (!(error instanceof SlugTaken)) throw error;
        });
      game = (await this.store.gameBySlug(input.slug))!;
    }
    if (game.ownerId !== publisher.id && game.ownerId !== LOCAL_CREATOR.id)
      throw new HostedSlugTaken(
        input.slug,
        game.ownerName,
        local ? "the server's local creator" : publisher.name,
      );
    // Hosted from the command line, no request: no address to count.
    const requester = { user: publisher.id, address: null };
    return { game, version: await this.publishFiles(game, input.files, requester) };
  }

  /**
   * Publishes validated files (`report` is their validation) as the next version, unless they
   * equal the latest version. Invalid content is refused, and so is a game deleted meanwhile,
   * and with `maxVersions` a game that keeps that many versions already.
   */
  private async publish(
    game: GameRow,
    stored: StoredFiles,
    report: PackageReport,
    userId: string,
    maxVersions?: number,
  ): Promise<{ version: VersionRow } | { unchangedSince: number }> {
    if (!report.ok || !report.content) throw contentInvalid(report.errors, report.warnings);
    const published = await this.store.publish({
      gameId: game.id,
      files: stored,
      contentHash: contentHashOf(stored),
      decks: report.content.decks.map((deck) => ({ id: deck.id, name: deck.name })),
      userId,
      ...(maxVersions !== undefined ? { maxVersions } : {}),
    });
    if ('gone' in published) throw deletedMeanwhile(game);
    if ('full' in published)
      throw apiError(
        'QUOTA_EXCEEDED',
        `${game.name} has ${maxVersions} versions, as many as one game keeps: start a new game from its latest version.`,
        { limit: 'versionsPerGame', max: maxVersions },
      );
    return published;
  }

  /** Counts images `userId` sent against their upload quota (429 QUOTA_EXCEEDED past it). */
  private async countUploads(
    userId: string,
    images: readonly { sha256: string; size: number }[],
  ): Promise<void> {
    const quota = this.artQuota;
    const over = await this.store.recordArtUploads(userId, images, quota);
    if (over)
      throw apiError(
        'QUOTA_EXCEEDED',
        over === 'images'
          ? `You would have uploaded more than ${quota.images} images, as many as one creator may.`
          : `Your uploads would pass ${quota.bytes} bytes, as much as one creator may upload.`,
        { limit: over === 'images' ? 'artImagesPerUser' : 'artBytesPerUser', max: quota[over] },
      );
  }

  private async storeArt(files: PackageFiles): Promise<StoredFiles> {
    const stored = toStored(files);
    await Promise.all(
      Object.entries(stored).map(async ([path, file]) => {
        if (typeof file !== 'string')
          await this.art.put(file.sha256, files.get(path) as Uint8Array, file.type);
      }),
    );
    return stored;
  }
}

/** A package over the limits is refused whole: nothing of it is stored. */
function refuseOverLimits(report: PackageReport): void {
  const over = report.errors.filter(breaksLimits);
  if (over.length > 0) throw contentInvalid(over, []);
}

/** A package refused for a limit it breaks, as the validator's diagnostic of it says. */
const overLimit = (code: 'LIMIT_FILES' | 'LIMIT_TOTAL_SIZE', message: string) =>
  contentInvalid([{ severity: 'error', code, message }], []);

export const contentInvalid = (errors: Diagnostic[], warnings: Diagnostic[]) =>
  apiError(
    'CONTENT_INVALID',
    errors.length === 1
      ? `The content is invalid: ${errors[0]!.message}`
      : `The content has ${errors.length} errors.`,
    { errors, warnings },
  );

export const toMatchContent = (row: MatchContentRow): MatchContent => ({
  slug: row.slug,
  version: row.version,
  contentHash: row.contentHash,
  name: row.name,
  ...(row.draftRevision !== null ? { draftRevision: row.draftRevision } : {}),
});

/** A match's metadata with the content version it plays (null for built-in games). */
export async function withContent(
  library: ContentLibrary,
  metadata: MatchMetadata,
): Promise<MatchMetadata> {
  return { ...metadata, content: await library.matchContent(metadata.matchId) };
}

/**
 * A game its owner deleted while a save, a publish or a position of it was being checked or
 * written: nothing is kept.
 */
export const deletedMeanwhile = (game: GameRow) =>
  apiError('NOT_FOUND', `No game "${game.slug}": it was deleted meanwhile.`);
