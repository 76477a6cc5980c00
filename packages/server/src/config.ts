import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountSettings, trustProxySetting, type AccountSettings } from './auth/settings.ts';

const DAY_MS = 86_400_000;

/** Everything the server reads from its environment, validated and with defaults filled in. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL URL; null runs the embedded PGlite under `dataDir`. */
  databaseUrl: string | null;
  /** A PostgreSQL schema to use (created if missing); for tests sharing one database. */
  databaseSchema: string | null;
  /** Connections to PostgreSQL (the embedded database always uses one). */
  databasePoolSize: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** HMAC key for access tokens; null keeps a generated one in the database. */
  tokenSecret: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  snapshotEvery: number;
  ackTimeoutMs: number;
  cpuThinkMs: { min: number; max: number };
  disconnectGraceMs: number;
  /** How long a table shows a summary (Golf's hole tally) before the next turn clocks start. */
  tallyPauseMs: number;
  heartbeatMs: number;
  maxMessageBytes: number;
  maxBodyBytes: number;
  /** Replays one user may keep imported, and their total size. */
  replayImportsPerUser: number;
  replayBytesPerUser: number;
  /** Card images one creator may upload in all, and their total size (each image counted once). */
  artQuota: { images: number; bytes: number };
  messagesPerSecond: number;
  messageBurst: number;
  /** Messages per second from one IP address, over all its sockets. */
  ipMessagesPerSecond: number;
  httpRequestsPerMinute: number;
  /** HTTP requests one address may have under way at once (`HTTP_IN_FLIGHT_PER_IP`). */
  httpInFlightPerIp: number;
  /** How long one HTTP request (headers and body) may take to arrive (`REQUEST_TIMEOUT_MS`). */
  requestTimeoutMs: number;
  /** Bytes one user, and one address, may send a minute to routes that take large bodies. */
  largeBodyBytesPerMinute: number;
  largeBodyBytesPerIpPerMinute: number;
  /** Room-code join attempts per minute, per user and per address (guessing codes is slow). */
  joinAttemptsPerMinute: number;
  ipJoinAttemptsPerMinute: number;
  maxConnectionsPerMatch: number;
  maxConnectionsPerIp: number;
  /** Match sockets one user may hold open at once, over every match (`MATCH_SOCKETS_PER_USER`). */
  matchSocketsPerUser: number;
  /**
   * Sockets one address may open (match, matchmaking and chat together), as a token bucket:
   * `socketOpenBurst` at once, then `socketOpensPerMinute`. Open ones are capped apart.
   */
  socketOpenBurst: number;
  socketOpensPerMinute: number;
  resumeMaxSteps: number;
  shutdownTimeoutMs: number;
  /** Limits on match creation per user and per address (0: no limit); see `match/quotas.ts`. */
  matchQuotas: MatchQuotaSettings;
  /** Expiry, abandonment and unloading of matches; see `match/lifecycle.ts`. */
  matchLifecycle: MatchLifecycleSettings;
  /** What is purged once nobody can use it, and when; see `store/retention.ts`. */
  retention: RetentionSettings;
  /** Ratings, stats, leaderboards; see `social/`. */
  social: SocialSettings;
  /**
   * Matchmaking: how often tables are formed, status is sent, and the turn time limit of the
   * matches it makes (`MATCHMAKING_TURN_MS`), so nobody can hold a matched opponent by stalling.
   */
  matchmaking: { tickMs: number; statusEveryMs: number; turnTimeLimitMs: number };
  /** Chat limits per user and channel (`CHAT_BURST`, `CHAT_PER_MIN`); see `chat/`. */
  chat: { burst: number; perMinute: number };
  /** Chat sockets one user may hold open at once (`CHAT_SOCKETS_PER_USER`): rooms they sit in. */
  chatSocketsPerUser: number;
  /** The built web app to serve at `/`, or null for none. */
  webRoot: string | null;
  /**
   * Every new match's seed (`MATCH_SEED`), for reproducible end-to-end tests and demos only:
   * a known seed tells anyone every deck's order. Null: a fresh random seed per match.
   */
  matchSeed: string | null;
  /** Bearer token `/metrics` asks for; null serves it to loopback addresses only. */
  metricsToken: string | null;
  /** An S3-compatible bucket for card art (`S3_BUCKET` and friends); null keeps art on disk. */
  s3: S3Config | null;
  /** Which proxies' X-Forwarded-For to believe (`TRUST_PROXY`), so limits see real addresses. */
  trustProxy: boolean | number | string[];
  /**
   * Redis for state shared between nodes (`REDIS_URL`): the auth limits and the matchmaking
   * queue; null keeps both in each process.
   */
  redisUrl: string | null;
  /** Prefix of every Redis key (nodes of one deployment share it). */
  redisKeyPrefix: string;
  /**
   * With Redis: the URL other nodes reach this one at (`NODE_URL`) to pass on the sockets and
   * requests of the matches it owns; null: the address it listens on.
   */
  nodeUrl: string | null;
  /** With Redis: how long a node's hold on a live match lasts unless renewed (`MATCH_LEASE_MS`). */
  matchLeaseMs: number;
  /** Accounts, mail, signups and auth limits. */
  accounts: AccountSettings;
}

/** How long what nobody can use any more is kept before the sweep deletes it (`store/retention.ts`). */
export interface RetentionSettings {
  /** How often the sweep runs. */
  sweepEveryMs: number;
  /**
   * A session signed out (or last seen) this long ago, with no refresh token left, is deleted;
   * so are the refresh tokens of a session signed out this long ago, and guests made this long
   * ago that nothing names any more (no session left, no match, content, chat...).
   */
  sessionRetentionMs: number;
  /** A playtest over this long is deleted (its log, players, chat), then unused snapshots. */
  playtestRetentionMs: number;
  /** Mail delivered this long ago leaves the outbox (and the dev mailbox). */
  mailRetentionMs: number;
}

export interface SocialSettings {
  /** How often the projection looks for newly finished matches. */
  projectionPollMs: number;
  /** Rated games a player needs to appear on a leaderboard. */
  leaderboardMinGames: number;
}

export interface S3Config {
  bucket: string;
  /** For S3-compatible stores (MinIO, R2, ...); null for AWS S3. */
  endpoint: string | null;
  region: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  forcePathStyle: boolean;
  /** Object key prefix for card art. */
  prefix: string;
  /** How long a signed art URL stays valid. */
  urlTtlSeconds: number;
}

export interface MatchQuotaSettings {
  /** The window the `created*` limits count over. */
  windowMs: number;
  createdPerUser: number;
  createdPerIp: number;
  /** Matches not over (waiting or playing) a user or an address created: hosts, at creation. */
  activePerUser: number;
  activePerIp: number;
  /**
   * Matches not over a player sits in (hosted, joined or matched), past which matchmaking
   * refuses them a ticket: it makes matches nobody created, so the limits above never see them.
   */
  queueSeatedPerUser: number;
  /** Open tables (listed in the lobby, waiting for players) one user hosts at once. */
  openTablesPerUser: number;
  /**
   * Tables other people host, still waiting for players, one user may hold a seat at at once
   * (joined by room code or from the open tables): a seat taken is a seat kept from others.
   */
  joinedTablesPerUser: number;
}

export interface MatchLifecycleSettings {
  /** A match still waiting for players this long after its creation expires. */
  waitingTtlMs: number;
  /** A started match nobody has been connected to for this long is ended as abandoned. */
  abandonAfterMs: number;
  /** A loaded match with nothing to do and nobody connected for this long leaves memory. */
  idleUnloadMs: number;
  /** How often expiry, abandonment and unloading are checked. */
  sweepEveryMs: number;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; errors: string[] };

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The web app's build output, when it has been built. */
const defaultWebRoot = (): string | null => {
  const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
  return existsSync(resolve(dist, 'index.html')) ? dist : null;
};

/**
 * Reads the configuration from environment variables. Every bad value is reported by name, all
 * at once, so a misconfigured start fails with one clear message.
 */
export function loadConfig(env: Env = process.env): ConfigResult {
  const errors: string[] = [];
  const int = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      errors.push(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
      return fallback;
    }
    return value;
  };
  const text = (name: string): string | null => {
    const raw = env[name];
    return raw === undefined || raw === '' ? null : raw;
  };

  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    errors.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}".`);
  }
  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push('DATABASE_URL must be a postgres:// or postgresql:// URL.');
  }
  const databaseSchema = text('DATABASE_SCHEMA');
  if (databaseSchema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    errors.push('DATABASE_SCHEMA must be a lower-case SQL identifier.');
  }
  const tokenSecret = text('TOKEN_SECRET');
  if (tokenSecret !== null && tokenSecret.length < 32) {
    errors.push('TOKEN_SECRET must be at least 32 characters.');
  }
  const cpuThinkMs = parseRange(text('CPU_THINK_MS') ?? '400-900');
  if (!cpuThinkMs)
    errors.push('CPU_THINK_MS must be "MS" or "MIN-MAX" (milliseconds, MIN <= MAX).');
  const webRootRaw = text('WEB_ROOT');
  let webRoot = webRootRaw === null ? defaultWebRoot() : resolve(webRootRaw);
  if (webRootRaw === 'none') webRoot = null;
  else if (webRoot !== null && !existsSync(resolve(webRoot, 'index.html'))) {
    errors.push(`WEB_ROOT "${webRootRaw}" has no index.html.`);
  }

  const s3 = s3Config(env, text, int, errors);
  const redisUrl = text('REDIS_URL');
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    errors.push('REDIS_URL must be a redis:// or rediss:// URL.');
  }
  const nodeUrl = text('NODE_URL');
  if (nodeUrl !== null && !/^https?:\/\/[^/?#]+$/.test(nodeUrl)) {
    errors.push(
      'NODE_URL must be an http:// or https:// origin (no path), e.g. http://10.0.0.5:8080.',
    );
  }
  const config: ServerConfig = {
    port: int('PORT', 8080, 0, 65535),
    host: text('HOST') ?? '0.0.0.0',
    dataDir: resolve(text('DATA_DIR') ?? './data'),
    databaseUrl,
    databaseSchema,
    databasePoolSize: int('DATABASE_POOL_SIZE', 32, 1, 1000),
    logLevel: logLevel as ServerConfig['logLevel'],
    tokenSecret,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_S', 900, 2),
    refreshTokenTtlSeconds: int('REFRESH_TOKEN_TTL_S', 30 * 86_400, 60),
    snapshotEvery: int('SNAPSHOT_EVERY', 25, 1),
    ackTimeoutMs: int('ACK_TIMEOUT_MS', 3000, 0, 60_000),
    cpuThinkMs: cpuThinkMs ?? { min: 400, max: 900 },
    disconnectGraceMs: int('DISCONNECT_GRACE_MS', 60_000, 0),
    tallyPauseMs: int('TALLY_PAUSE_MS', 9000, 0, 60_000),
    heartbeatMs: int('HEARTBEAT_MS', 15_000, 100),
    maxMessageBytes: int('MAX_MESSAGE_BYTES', 16 * 1024, 256, 64 * 1024),
    maxBodyBytes: int('MAX_BODY_BYTES', 8 * 1024 * 1024, 1024),
    replayImportsPerUser: int('REPLAY_IMPORTS_PER_USER', 50, 0),
    replayBytesPerUser: int('REPLAY_BYTES_PER_USER', 64 * 1024 * 1024, 0),
    artQuota: {
      images: int('ART_IMAGES_PER_USER', 2000, 0),
      bytes: int('ART_BYTES_PER_USER', 256 * 1024 * 1024, 0),
    },
    messagesPerSecond: int('RATE_MESSAGES_PER_S', 200, 1),
    messageBurst: int('RATE_MESSAGE_BURST', 400, 1),
    ipMessagesPerSecond: int('RATE_IP_MESSAGES_PER_S', 50_000, 1),
    httpRequestsPerMinute: int('RATE_HTTP_PER_MIN', 1200, 1),
    httpInFlightPerIp: int('HTTP_IN_FLIGHT_PER_IP', 100, 1),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 120_000, 1000, 3_600_000),
    // At least the largest body a route takes (a game archive, some 11 MB), so one always fits.
    largeBodyBytesPerMinute: int('LARGE_BODY_BYTES_PER_MIN', 64 * 1024 * 1024, 16 * 1024 * 1024),
    largeBodyBytesPerIpPerMinute: int(
      'LARGE_BODY_BYTES_PER_IP_PER_MIN',
      256 * 1024 * 1024,
      16 * 1024 * 1024,
    ),
    joinAttemptsPerMinute: int('RATE_JOIN_PER_MIN', 20, 1),
    ipJoinAttemptsPerMinute: int('RATE_JOIN_IP_PER_MIN', 120, 1),
    maxConnectionsPerMatch: int('MAX_CONNECTIONS_PER_MATCH', 64, 1),
    maxConnectionsPerIp: int('MAX_CONNECTIONS_PER_IP', 5000, 1),
    matchSocketsPerUser: int('MATCH_SOCKETS_PER_USER', 32, 1, 1_000_000),
    socketOpenBurst: int('SOCKET_OPEN_BURST', 600, 1),
    socketOpensPerMinute: int('SOCKET_OPENS_PER_MIN', 600, 1),
    resumeMaxSteps: int('RESUME_MAX_STEPS', 32, 1),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 0),
    matchQuotas: {
      windowMs: int('MATCH_CREATE_WINDOW_MS', 600_000, 1000),
      createdPerUser: int('MATCH_CREATE_PER_USER', 30, 0),
      createdPerIp: int('MATCH_CREATE_PER_IP', 300, 0),
      activePerUser: int('MATCH_ACTIVE_PER_USER', 10, 0),
      activePerIp: int('MATCH_ACTIVE_PER_IP', 100, 0),
      queueSeatedPerUser: int('QUEUE_SEATED_PER_USER', 10, 0),
      openTablesPerUser: int('OPEN_TABLES_PER_USER', 3, 1, 100),
      joinedTablesPerUser: int('JOINED_TABLES_PER_USER', 5, 0),
    },
    matchLifecycle: {
      waitingTtlMs: int('WAITING_MATCH_TTL_MS', 3_600_000, 1),
      abandonAfterMs: int('ABANDON_AFTER_MS', 600_000, 1),
      idleUnloadMs: int('IDLE_UNLOAD_MS', 30_000, 0),
      sweepEveryMs: int('LIFECYCLE_SWEEP_MS', 15_000, 10),
    },
    retention: {
      sweepEveryMs: int('RETENTION_SWEEP_MS', 3_600_000, 1000),
      sessionRetentionMs: int('SESSION_RETENTION_MS', 30 * DAY_MS, 0),
      playtestRetentionMs: int('PLAYTEST_RETENTION_MS', 30 * DAY_MS, 0),
      mailRetentionMs: int('MAIL_RETENTION_MS', 7 * DAY_MS, 0),
    },
    social: {
      projectionPollMs: int('SOCIAL_PROJECTION_POLL_MS', 1000, 10, 600_000),
      leaderboardMinGames: int('LEADERBOARD_MIN_GAMES', 5, 0, 10_000),
    },
    matchmaking: {
      tickMs: int('MATCHMAKING_TICK_MS', 500, 10, 60_000),
      statusEveryMs: int('QUEUE_STATUS_MS', 1000, 50, 60_000),
      turnTimeLimitMs: int('MATCHMAKING_TURN_MS', 120_000, 1000, 86_400_000),
    },
    chat: {
      burst: int('CHAT_BURST', 5, 1, 1000),
      perMinute: int('CHAT_PER_MIN', 20, 1, 60_000),
    },
    chatSocketsPerUser: int('CHAT_SOCKETS_PER_USER', 20, 1, 10_000),
    webRoot,
    matchSeed: text('MATCH_SEED'),
    metricsToken: text('METRICS_TOKEN') ?? null,
    s3,
    trustProxy: trustProxySetting(text('TRUST_PROXY'), errors),
    redisUrl,
    redisKeyPrefix: text('REDIS_KEY_PREFIX') ?? 'cardtable:',
    nodeUrl,
    matchLeaseMs: int('MATCH_LEASE_MS', 10_000, 300, 600_000),
    accounts: accountSettings(text, int, databaseUrl === null, errors),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

function parseRange(raw: string): { min: number; max: number } | null {
  const match = /^(\d+)(?:-(\d+))?$/.exec(raw.trim());
  if (!match) return null;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  return min <= max ? { min, max } : null;
}

function s3Config(
  env: Env,
  text: (name: string) => string | null,
  int: (name: string, fallback: number, min: number, max?: number) => number,
  errors: string[],
): S3Config | null {
  const bucket = text('S3_BUCKET');
  if (bucket === null) {
    const stray = Object.keys(env).filter((name) => name.startsWith('S3_') && env[name]);
    if (stray.length > 0) errors.push(`${stray.join(', ')} set without S3_BUCKET.`);
    return null;
  }
  const endpoint = text('S3_ENDPOINT');
  if (endpoint !== null && !/^https?:\/\//.test(endpoint))
    errors.push('S3_ENDPOINT must be an http:// or https:// URL.');
  const accessKeyId = text('S3_ACCESS_KEY_ID');
  const secretAccessKey = text('S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === null) !== (secretAccessKey === null))
    errors.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together.');
  const pathStyle = text('S3_FORCE_PATH_STYLE');
  if (pathStyle !== null && pathStyle !== 'true' && pathStyle !== 'false')
    errors.push('S3_FORCE_PATH_STYLE must be true or false.');
  return {
    bucket,
    endpoint,
    region: text('S3_REGION') ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: pathStyle === null ? endpoint !== null : pathStyle === 'true',
    prefix: text('S3_PREFIX') ?? 'art/',
    urlTtlSeconds: int('S3_URL_TTL_S', 300, 10, 7 * 86_400),
  };
}
