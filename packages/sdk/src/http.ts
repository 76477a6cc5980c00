import type {
  AuthResponse,
  CreateMatchRequest,
  CreateMatchResponse,
  ErrorCode,
  ImportReplayResponse,
  JoinMatchResponse,
  MatchList,
  MatchMetadata,
  MatchStateResponse,
  RematchResponse,
  ReplayFileBody,
  User,
} from './protocol.ts';
import type {
  ArtUploaded,
  BanlistRequest,
  ContentPackage,
  DraftDetail,
  DraftSave,
  ImportedGame,
  ImportGameRequest,
  DraftSaved,
  EmbeddedContent,
  UpdateGameRequest,
  CreateGameRequest,
  GameDetail,
  GameList,
  GameSummary,
  MatchArt,
  PositionDetail,
  PositionList,
  PositionSummary,
  SavePositionRequest,
  ValidationReport,
  VersionDetail,
  VersionSummary,
} from './content.ts';

import type {
  HistoryQuery,
  Leaderboard,
  LeaderboardQuery,
  MatchHistory,
  OpenTableList,
  OpenTablesQuery,
  PlayerProfile,
  RatedGameList,
  RatingHistory,
} from './social.ts';

/** No session to sign in with (never was one, or the server refused it and it was forgotten). */
export class SignedOut extends Error {}

/** A failed request: the server's error, or a client-side code when no usable answer came. */
export interface ApiError {
  code: ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  details?: Record<string, unknown>;
}

/**
 * No answer came (the server is down, or the network is): said in words a player can act on, the
 * browser's own message ("Failed to fetch") kept in `details.cause` for whoever debugs it.
 */
export function networkError(cause: unknown): ApiError {
  return {
    code: 'NETWORK_ERROR',
    message: 'Could not reach the server. Check your connection, then try again.',
    details: { cause: cause instanceof Error ? cause.message : String(cause) },
  };
}

/** A shared replay's link token as a query string, or nothing. */
const linkQuery = (link: string | undefined) => (link ? `?link=${encodeURIComponent(link)}` : '');

/** Errors are values: look at `ok` before touching `value`. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiOptions {
  /** The server's base URL, e.g. `http://localhost:8080`. */
  baseUrl: string;
  /** A session saved earlier (e.g. from localStorage). */
  session?: AuthResponse | null;
  /**
   * An access token to send as it is, never refreshed, instead of a session (one a person gave a
   * command line, e.g. `cardtable content publish --token`).
   */
  accessToken?: string;
  /** Told about every new session (sign-in, refresh) and about sign-out (null), to persist it. */
  onSession?: (session: AuthResponse | null) => void;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Refresh this long before the access token expires, so a request never carries a stale one. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * The HTTP half of the protocol: guest sign-in, token refresh, matches, state, export and
 * import. Requests carry the access token, refresh it shortly before it expires, and retry once
 * after a 401 with a fresh one.
 */
export class CardtableApi {
  private currentSession: AuthResponse | null;
  private refreshing: Promise<ApiResult<AuthResponse>> | null = null;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: ApiOptions) {
    this.currentSession = options.session ?? null;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  get session(): AuthResponse | null {
    return this.currentSession;
  }

  /** Creates a guest identity and signs in as it. */
  async guest(name: string): Promise<ApiResult<AuthResponse>> {
    const result = await this.request<AuthResponse>('POST', '/api/auth/guest', { name }, false);
    if (result.ok) this.setSession(result.value);
    return result;
  }

  /** Who the server says the caller is (the session's user, or whom `accessToken` speaks for). */
  me(): Promise<ApiResult<User>> {
    return this.request('GET', '/api/me');
  }

  /** Trades the refresh token for a new access token (concurrent callers share one request). */
  refresh(): Promise<ApiResult<AuthResponse>> {
    const refreshToken = this.currentSession?.refreshToken;
    if (!refreshToken) return Promise.resolve(notSignedIn());
    this.refreshing ??= this.request<AuthResponse>(
      'POST',
      '/api/auth/refresh',
      { refreshToken },
      false,
    ).then((result) => {
      this.refreshing = null;
      if (result.ok) this.setSession(result.value);
      else if (result.error.status === 401) this.setSession(null);
      return result;
    });
    return this.refreshing;
  }

  signOut(): void {
    this.setSession(null);
  }

  /**
   * A valid access token, refreshed first when it is about to expire; for sockets. With
   * `refused` (the server refused the token it was given: a session signed out elsewhere, a
   * clock that is off) the saved token is not trusted: it is refreshed once, and a refresh the
   * server refuses forgets the session (`onSession(null)`). Throws SignedOut when there is none.
   */
  async accessToken(refused = false): Promise<string> {
    if (this.options.accessToken) return this.options.accessToken;
    const session = this.currentSession;
    if (!session) throw new SignedOut('Not signed in: sign in again.');
    if (!refused && Date.parse(session.accessTokenExpiresAt) - this.now() > REFRESH_MARGIN_MS) {
      return session.accessToken;
    }
    const refreshed = await this.refresh();
    if (refreshed.ok) return refreshed.value.accessToken;
    if (!this.currentSession) throw new SignedOut(`Signed out: ${refreshed.error.message}`);
    throw new Error(refreshed.error.message);
  }

  /** Creates a match; the caller takes the first human seat. */
  createMatch(body: CreateMatchRequest): Promise<ApiResult<CreateMatchResponse>> {
    return this.request('POST', '/api/matches', body);
  }

  /** Takes the next free human seat of the match with this room code. */
  joinMatch(code: string): Promise<ApiResult<JoinMatchResponse>> {
    return this.request('POST', '/api/matches/join', { code });
  }

  /** The host lets in who waits for approval in this seat (before the start). */
  approveSeat(matchId: string, seat: number): Promise<ApiResult<MatchMetadata>> {
    return this.request(
      'POST',
      `/api/matches/${encodeURIComponent(matchId)}/seats/${seat}/approve`,
    );
  }

  /** The host frees this seat before the start; who held it cannot join again. */
  removeSeat(matchId: string, seat: number): Promise<ApiResult<MatchMetadata>> {
    return this.request('POST', `/api/matches/${encodeURIComponent(matchId)}/seats/${seat}/remove`);
  }

  /**
   * Leaves the match: frees the seat before the start (the host's leave closes the table);
   * afterwards the timeout rule plays it.
   */
  leaveMatch(matchId: string): Promise<ApiResult<MatchMetadata>> {
    return this.request('POST', `/api/matches/${encodeURIComponent(matchId)}/leave`);
  }

  /**
   * The host closes the table before the start: it ends as a no-contest (`result.reason`
   * `closed`), its room code stops working and everyone seated is told.
   */
  closeMatch(matchId: string): Promise<ApiResult<MatchMetadata>> {
    return this.request('POST', `/api/matches/${encodeURIComponent(matchId)}/close`);
  }

  /** Concedes: the match ends and every other seat shares first place. */
  surrenderMatch(matchId: string): Promise<ApiResult<MatchMetadata>> {
    return this.request('POST', `/api/matches/${encodeURIComponent(matchId)}/surrender`);
  }

  /** Sets the moments the caller is asked at even with nothing to answer with (auto-pass). */
  setStops(matchId: string, stops: string[]): Promise<ApiResult<MatchMetadata>> {
    return this.request('POST', `/api/matches/${encodeURIComponent(matchId)}/stops`, { stops });
  }

  /** Offers (or accepts) a rematch of a finished match; it starts once every player agreed. */
  rematch(matchId: string): Promise<ApiResult<RematchResponse>> {
    return this.request('POST', `/api/matches/${encodeURIComponent(matchId)}/rematch`);
  }

  /** The match's metadata; `link` as for `exportMatch` (a finished match is its players' only). */
  getMatch(matchId: string, link?: string): Promise<ApiResult<MatchMetadata>> {
    return this.request('GET', `/api/matches/${encodeURIComponent(matchId)}${linkQuery(link)}`);
  }

  /** The caller's matches, newest first. */
  myMatches(): Promise<ApiResult<MatchList>> {
    return this.request('GET', '/api/me/matches');
  }

  /** The caller's current view of the match (player or spectator), with its version. */
  getState(matchId: string): Promise<ApiResult<MatchStateResponse>> {
    return this.request('GET', `/api/matches/${encodeURIComponent(matchId)}/state`);
  }

  /**
   * The match's log: full and unprojected once it is over, the caller's projection before. A
   * finished match is its players' only, unless its host shared it: then `link` (its replay
   * link's token) opens it to anyone.
   */
  exportMatch(matchId: string, link?: string): Promise<ApiResult<ReplayFileBody>> {
    return this.request(
      'GET',
      `/api/matches/${encodeURIComponent(matchId)}/export${linkQuery(link)}`,
    );
  }

  /** Open tables of a game (and version) waiting for players, newest first. */
  openTables(query: OpenTablesQuery): Promise<ApiResult<OpenTableList>> {
    const params = new URLSearchParams({ game: query.game });
    if (query.version !== undefined) params.set('version', query.version);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.after !== undefined) params.set('after', query.after);
    return this.request('GET', `/api/tables?${params.toString()}`);
  }

  /** Takes the next free seat of an open table. */
  joinTable(matchId: string): Promise<ApiResult<JoinMatchResponse>> {
    return this.request('POST', `/api/tables/${encodeURIComponent(matchId)}/join`);
  }

  /** The host starts now; CPUs take the free seats (at an open table, once everyone is ready). */
  startMatch(matchId: string): Promise<ApiResult<MatchMetadata>> {
    return this.request('POST', `/api/matches/${encodeURIComponent(matchId)}/start`);
  }

  /** At an open table before the start: ready (or not any more). */
  setReady(matchId: string, ready: boolean): Promise<ApiResult<MatchMetadata>> {
    return this.request('POST', `/api/matches/${encodeURIComponent(matchId)}/ready`, { ready });
  }

  /** The games and versions that have a leaderboard. */
  leaderboards(): Promise<ApiResult<RatedGameList>> {
    return this.request('GET', '/api/leaderboards');
  }

  /** A page of a leaderboard (pass the previous page's `next` as `after`), with the caller's entry. */
  leaderboard(
    game: string,
    version: string,
    page: LeaderboardQuery = {},
  ): Promise<ApiResult<Leaderboard>> {
    return this.request(
      'GET',
      `/api/leaderboards/${encodeURIComponent(game)}/${encodeURIComponent(version)}${pageQuery(page)}`,
    );
  }

  /** A player's ratings, stats and achievements. */
  playerProfile(userId: string): Promise<ApiResult<PlayerProfile>> {
    return this.request('GET', `/api/players/${encodeURIComponent(userId)}`);
  }

  /** A player's rating after each rated match of a game and version. */
  ratingHistory(userId: string, game: string, version: string): Promise<ApiResult<RatingHistory>> {
    return this.request(
      'GET',
      `/api/players/${encodeURIComponent(userId)}/ratings/${encodeURIComponent(game)}/${encodeURIComponent(version)}`,
    );
  }

  /** A player's finished matches, newest first. */
  playerMatches(userId: string, page: HistoryQuery = {}): Promise<ApiResult<MatchHistory>> {
    return this.request(
      'GET',
      `/api/players/${encodeURIComponent(userId)}/matches${pageQuery(page)}`,
    );
  }

  /** Every game the server lets the caller play: built-in and published, non-deprecated ones. */
  listGames(): Promise<ApiResult<GameList>> {
    return this.request('GET', '/api/games');
  }

  /** Creates a game the caller owns (no version yet: upload a draft, then publish it). */
  createGame(body: CreateGameRequest): Promise<ApiResult<{ game: GameSummary }>> {
    return this.request('POST', '/api/content/games', body);
  }

  /** The caller's own games, drafts included. */
  myGames(): Promise<ApiResult<GameList>> {
    return this.request('GET', '/api/content/games/mine');
  }

  /** A game with its published versions. */
  getGame(slug: string): Promise<ApiResult<GameDetail>> {
    return this.request('GET', gamePath(slug));
  }

  /** Replaces the game's draft (stored even when invalid) and says what validation found. */
  putDraft(slug: string, content: ContentPackage): Promise<ApiResult<ValidationReport>> {
    return this.request('PUT', `${gamePath(slug)}/draft`, content);
  }

  /** The draft as stored (art by hash) with its revision: its creator only. */
  getDraft(slug: string): Promise<ApiResult<DraftDetail>> {
    return this.request('GET', `${gamePath(slug)}/draft`);
  }

  /**
   * Saves the draft edited from `save.revision` (refused with `CONFLICT` and the current
   * revision in `details.revision` when another save came first); answers the new revision.
   */
  saveDraft(slug: string, save: DraftSave): Promise<ApiResult<DraftSaved>> {
    return this.request('PUT', `${gamePath(slug)}/draft`, save);
  }

  /** A new game whose draft is a zipped content folder (nothing is made when it is refused). */
  importGame(body: ImportGameRequest): Promise<ApiResult<ImportedGame>> {
    return this.request('POST', '/api/content/games/import', body);
  }

  /** The draft as a .zip: its files, art included, in a folder named after the game. */
  draftArchive(slug: string): Promise<ApiResult<Uint8Array<ArrayBuffer>>> {
    return this.request('GET', `${gamePath(slug)}/draft/archive`, undefined, true, 'bytes');
  }

  /** Uploads one card image for the draft; name it in a save as `{sha256}`. */
  uploadArt(slug: string, base64: string): Promise<ApiResult<ArtUploaded>> {
    return this.request('POST', `${gamePath(slug)}/draft/art`, { base64 });
  }

  /** Renames a game or changes its description. */
  updateGame(slug: string, change: UpdateGameRequest): Promise<ApiResult<{ game: GameSummary }>> {
    return this.request('PATCH', gamePath(slug), change);
  }

  /** Deletes a game that was never published. */
  deleteGame(slug: string): Promise<ApiResult<null>> {
    return this.request('DELETE', gamePath(slug));
  }

  validateDraft(slug: string): Promise<ApiResult<ValidationReport>> {
    return this.request('POST', `${gamePath(slug)}/validate`);
  }

  /** Publishes the draft as the next immutable version (`CONTENT_INVALID` with its errors). */
  publish(slug: string): Promise<ApiResult<{ version: VersionSummary }>> {
    return this.request('POST', `${gamePath(slug)}/publish`);
  }

  /** A published version: its rules, cards, decks and the image URL of each card that has one. */
  getVersion(slug: string, version: number): Promise<ApiResult<VersionDetail>> {
    return this.request('GET', `${gamePath(slug)}/versions/${version}`);
  }

  /** A published version's package files and hash, as a replay export embeds them. */
  versionFiles(slug: string, version: number): Promise<ApiResult<EmbeddedContent>> {
    return this.request('GET', `${gamePath(slug)}/versions/${version}/files`);
  }

  /** New matches stop taking this version; live and finished ones keep it. */
  deprecate(slug: string, version: number): Promise<ApiResult<{ version: VersionSummary }>> {
    return this.request('POST', `${gamePath(slug)}/versions/${version}/deprecate`);
  }

  /** Undoes `deprecate`: new matches may take this version again. */
  undeprecate(slug: string, version: number): Promise<ApiResult<{ version: VersionSummary }>> {
    return this.request('DELETE', `${gamePath(slug)}/versions/${version}/deprecate`);
  }

  /** The cards new matches of this version may not put in a deck. */
  setBanlist(
    slug: string,
    version: number,
    body: BanlistRequest,
  ): Promise<ApiResult<{ version: VersionSummary }>> {
    return this.request('PUT', `${gamePath(slug)}/versions/${version}/banlist`, body);
  }

  /** Saves where a playtest of this draft stands now, by name, for the studio's dry runs. */
  savePosition(
    slug: string,
    body: SavePositionRequest,
  ): Promise<ApiResult<{ position: PositionSummary }>> {
    return this.request('POST', `${gamePath(slug)}/positions`, body);
  }

  /** The positions saved from playtests of this draft, newest first. */
  listPositions(slug: string): Promise<ApiResult<PositionList>> {
    return this.request('GET', `${gamePath(slug)}/positions`);
  }

  /** One saved position with its full engine state. */
  getPosition(slug: string, name: string): Promise<ApiResult<PositionDetail>> {
    return this.request('GET', `${gamePath(slug)}/positions/${encodeURIComponent(name)}`);
  }

  deletePosition(slug: string, name: string): Promise<ApiResult<null>> {
    return this.request('DELETE', `${gamePath(slug)}/positions/${encodeURIComponent(name)}`);
  }

  /**
   * The card art of a match's content. A playtest's is for its players and creator, whoever
   * watches it live, and once over whoever may see its replay (`link`: its replay link's token).
   */
  matchArt(matchId: string, link?: string): Promise<ApiResult<MatchArt>> {
    const query = link ? `?link=${encodeURIComponent(link)}` : '';
    return this.request('GET', `/api/matches/${encodeURIComponent(matchId)}/art${query}`);
  }

  importReplay(replay: ReplayFileBody): Promise<ApiResult<ImportReplayResponse>> {
    return this.request('POST', '/api/replays/import', replay);
  }

  /** Makes this the signed-in session (after a login or signup made elsewhere, e.g. `AccountApi`). */
  adopt(session: AuthResponse): void {
    this.setSession(session);
  }

  /**
   * One request to the server: signed in unless `authenticated` is false (refreshing the token
   * first when it is about to expire, and once more after a 401).
   */
  async request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    authenticated = true,
    /** `bytes`: a successful answer's body as bytes (a download), not JSON. */
    answer: 'json' | 'bytes' = 'json',
  ): Promise<ApiResult<T>> {
    let token: string | undefined;
    if (authenticated) {
      try {
        token = await this.accessToken();
      } catch (error) {
        return { ok: false, error: { code: 'UNAUTHORIZED', message: (error as Error).message } };
      }
    }
    const first = await this.send<T>(method, path, body, token, answer);
    if (first.ok || !authenticated || first.error.status !== 401) return first;
    // The token was revoked or the clock is off: one fresh token, one retry.
    const refreshed = await this.refresh();
    if (!refreshed.ok) return first;
    return this.send<T>(method, path, body, refreshed.value.accessToken, answer);
  }

  private async send<T>(
    method: string,
    path: string,
    body: unknown,
    token: string | undefined,
    answer: 'json' | 'bytes',
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {
      accept: answer === 'bytes' ? '*/*' : 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(path, this.options.baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      return { ok: false, error: networkError(error) };
    }
    if (response.status === 204) return { ok: true, value: null as T };
    if (response.ok && answer === 'bytes')
      return { ok: true, value: new Uint8Array(await response.arrayBuffer()) as T };
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      return {
        ok: false,
        error: {
          code: 'BAD_RESPONSE',
          message: `The server answered ${response.status} without JSON.`,
          status: response.status,
        },
      };
    }
    if (response.ok) return { ok: true, value: parsed as T };
    return { ok: false, error: toApiError(parsed, response.status) };
  }

  private setSession(session: AuthResponse | null): void {
    this.currentSession = session;
    this.options.onSession?.(session);
  }
}

/** The server's error body, `{code, message, details}`, possibly wrapped as `{error: {...}}`. */
function toApiError(body: unknown, status: number): ApiError {
  const record = (body ?? {}) as Record<string, unknown>;
  const inner = (
    typeof record.error === 'object' && record.error !== null ? record.error : record
  ) as Record<string, unknown>;
  if (typeof inner.code !== 'string' || typeof inner.message !== 'string') {
    return { code: 'BAD_RESPONSE', message: `The server answered ${status}.`, status };
  }
  return {
    code: inner.code as ErrorCode,
    message: inner.message,
    status,
    ...(typeof inner.details === 'object' && inner.details !== null
      ? { details: inner.details as Record<string, unknown> }
      : {}),
  };
}

const gamePath = (slug: string) => `/api/content/games/${encodeURIComponent(slug)}`;

const notSignedIn = (): ApiResult<never> => ({
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'Not signed in: call guest() first.' },
});

/** `?limit=..&after=..` for the keyset pages of leaderboards and histories. */
function pageQuery({ limit, after }: { limit?: number; after?: string }): string {
  const params = new URLSearchParams();
  if (limit !== undefined) params.set('limit', String(limit));
  if (after !== undefined) params.set('after', after);
  const text = params.toString();
  return text ? `?${text}` : '';
}
