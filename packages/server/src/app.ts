import { registerAddressKey, type AddressKey } from './address-key.ts';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import { PROTOCOL_VERSION, type ErrorBody } from '@cardtable/sdk/protocol';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import pino from 'pino';
import { startAccounts } from './auth/start.ts';
import { viewerLookup } from './auth/roles.ts';
import { openArtStore } from './content/open-art-store.ts';
import { ContentLibrary } from './content/library.ts';
import { ContentStore } from './content/store.ts';
import type { ServerConfig } from './config.ts';
import { ApiError, errorBody } from './errors.ts';
import type { GameRegistry } from './games.ts';
import { MatchLifecycle } from './match/lifecycle.ts';
import { describeUpkeep } from './store/embedded-maintenance.ts';
import { RetentionSweeper } from './store/retention.ts';
import { MatchQuotas } from './match/quotas.ts';
import { MatchRegistry } from './match/registry.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { KeyedRateLimiter, UserAndAddressLimiter } from './rate-limit.ts';
import { registerAuthentication } from './routes/authenticate.ts';
import { registerJoinRoute } from './routes/join.ts';
import { registerContentRoutes } from './routes/content.ts';
import { registerPlaytestRoutes } from './routes/playtests.ts';
import { registerMatchRoutes } from './routes/matches.ts';
import { registerOperationRoutes } from './routes/operations.ts';
import { registerReplayRoutes } from './routes/replays.ts';
import { registerSocialRoutes } from './routes/social.ts';
import { registerTableRoutes } from './routes/tables.ts';
import { lazySharedSerializers } from './response-serializers.ts';
import { OpenTables } from './tables/open-tables.ts';
import { Leaderboards } from './social/leaderboard.ts';
import { Profiles } from './social/profiles.ts';
import { SocialProjector } from './social/projector.ts';
import { Matchmaker } from './matchmaking/matchmaker.ts';
import { MemoryQueue } from './matchmaking/memory-queue.ts';
import { DEFAULT_WINDOW } from './matchmaking/pool.ts';
import { RedisQueue } from './matchmaking/redis-queue.ts';
import { closeRedis, openRedis } from './redis.ts';
import { NodeForwarding } from './nodes/forwarding.ts';
import { defaultNodeUrl } from './nodes/node-url.ts';
import { OwnedElsewhere, RedisOwnership, soleOwner } from './nodes/ownership.ts';
import { registerMatchmakingSocket } from './matchmaking/socket.ts';
import { ChatService } from './chat/chat-service.ts';
import { ChatStore } from './chat/chat-store.ts';
import { registerChatSocket } from './chat/socket.ts';
import { WordFilter } from './chat/word-filter.ts';
import { redisRelay, singleNode, type ChatRelay } from './chat/relay.ts';
import { registerChatRoutes } from './routes/chat.ts';
import { CHAT_HISTORY_LIMIT } from '@cardtable/sdk/chat';
import { registerMatchSocket, SOCKET_FRAME_LIMIT, socketErrorHandler } from './socket.ts';
import { registerJsonGuard } from './json-guard.ts';
import {
  DEFAULT_BODY_LIMIT,
  registerInFlightLimit,
  registerLargeBodyBudget,
  requestTimeoutOptions,
} from './http-limits.ts';
import { isServerPath, NO_WEB_APP, registerStaticWeb } from './static-web.ts';
import { openDatabase, type Database } from './store/database.ts';
import { typeboxValidator } from './validation.ts';
import { EventStore } from './store/event-store.ts';
import { migrate } from './store/migrate.ts';

export interface RunningServer {
  app: FastifyInstance;
  /** The base URL it listens on, e.g. `http://127.0.0.1:8080`. */
  url: string;
  db: Database;
  store: EventStore;
  metrics: Metrics;
  registry: MatchRegistry;
  lifecycle: MatchLifecycle;
  /** Creators' content: drafts, published versions, and the games that play them. */
  content: ContentLibrary;
  /** Casual and rated queues (in Redis with REDIS_URL). */
  matchmaker: Matchmaker;
  /** Folds finished matches into ratings, stats and achievements. */
  projector: SocialProjector;
  /** Chat rooms of this node. */
  chat: ChatService;
  /** Drains in-flight actions, closes sockets, the listener and the database. */
  close(): Promise<void>;
}

/**
 * Starts the server: opens the database (embedded PGlite or PostgreSQL), runs migrations,
 * rebuilds every unfinished match, then listens for HTTP and WebSocket traffic.
 */
export interface ServerOptions {
  /** The clock of quotas, expiry and abandonment (ms since the epoch); tests move it. */
  now?: () => number;
  /** Where logs go (default stdout); tests read them. */
  logStream?: pino.DestinationStream;
}

export async function startServer(
  config: ServerConfig,
  games: GameRegistry,
  { now = Date.now, logStream }: ServerOptions = {},
): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel, base: { service: 'cardtable' } }, logStream);
  const db = await openDatabase(config, (report) =>
    'error' in report
      ? logger.warn({ err: report.error }, 'embedded database upkeep failed')
      : logger.info(report, `embedded database upkeep: ${describeUpkeep(report)}`),
  );
  const redis = config.redisUrl ? openRedis(config.redisUrl, logger) : null;
  // With Redis, nodes share matches by leases there (one owner each); without, this node owns all.
  const ownership = redis
    ? new RedisOwnership(redis, config.redisKeyPrefix, config.matchLeaseMs, logger)
    : null;
  let chatRelay: ChatRelay = singleNode;
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const store = new EventStore(db);
    let publicUrl = config.accounts.publicUrl ?? '';
    const accounts = await startAccounts(db, config, logger, () => publicUrl, redis);
    const tokens = accounts.tokens;
    const metrics = createMetrics();
    const content = new ContentLibrary(
      new ContentStore(db),
      await openArtStore(config),
      games,
      config.artQuota,
    );
    const chatStore = new ChatStore(db, CHAT_HISTORY_LIMIT);
    const wordFilter = WordFilter.shipped();
    if (redis) {
      chatRelay = await redisRelay(redis, config.redisKeyPrefix, logger);
    }
    const chat = new ChatService(chatStore, wordFilter, config.chat, chatRelay);
    const registry = new MatchRegistry(
      (record) => content.hostedFor(record),
      {
        store,
        metrics,
        log: logger,
        barred: (matchId, userId) => chat.expel(`match:${matchId}`, userId),
        settings: {
          snapshotEvery: config.snapshotEvery,
          ackTimeoutMs: config.ackTimeoutMs,
          cpuThinkMs: config.cpuThinkMs,
          disconnectGraceMs: config.disconnectGraceMs,
          tallyPauseMs: config.tallyPauseMs,
          resumeMaxSteps: config.resumeMaxSteps,
          maxConnectionsPerMatch: config.maxConnectionsPerMatch,
          joinedTablesPerUser: config.matchQuotas.joinedTablesPerUser,
        },
      },
      now,
      ownership ?? soleOwner,
    );
    const lifecycle = new MatchLifecycle(
      registry,
      store,
      config.matchLifecycle,
      now,
      logger,
      metrics,
    );
    const retention = new RetentionSweeper(db, config.retention, now, logger);
    const projector = new SocialProjector(
      db,
      { pollMs: config.social.projectionPollMs, batch: 50 },
      logger,
    );
    const quotas = new MatchQuotas(store, config.matchQuotas, now, metrics);
    const matchmaker = new Matchmaker(
      {
        queue: redis ? new RedisQueue(redis, `${config.redisKeyPrefix}mm:`) : new MemoryQueue(now),
        db,
        store,
        registry,
        content,
        quotas,
        matchSeed: config.matchSeed,
        log: logger,
      },
      {
        tickMs: config.matchmaking.tickMs,
        window: DEFAULT_WINDOW,
        turnTimeLimitMs: config.matchmaking.turnTimeLimitMs,
      },
      now,
    );

    const app = Fastify({
      // Request logs stay at the configured level: client errors are logged at info through them.
      loggerInstance: logger as unknown as FastifyBaseLogger,
      // Per-request lines would drown the per-resolution logs that matter.
      logController: new LogController({ disableRequestLogging: true }),
      bodyLimit: DEFAULT_BODY_LIMIT,
      schemaController: { compilersFactory: { buildSerializer: lazySharedSerializers } },
      ...requestTimeoutOptions(config.requestTimeoutMs),
      // A malformed or overlong path fails before routing: it gets a typed body like any bad input.
      frameworkErrors: (error, request, reply) => {
        const message =
          error.code === 'FST_ERR_MAX_PARAM_LENGTH'
            ? 'A part of the path is too long.'
            : 'The path is not a valid address.';
        request.log.info({ code: 'BAD_REQUEST', problem: message }, 'client error');
        // Fastify types this reply for no route's schema in particular.
        void (reply as unknown as FastifyReply).code(400).send(errorBody('BAD_REQUEST', message));
      },
      // A hop count trusts that many proxies in front of us (Fastify types take it as a function).
      trustProxy:
        typeof config.trustProxy === 'number'
          ? (
              (hops: number) => (_address: string, hop: number) =>
                hop < hops
            )(config.trustProxy)
          : config.trustProxy,
    });
    app.setValidatorCompiler(typeboxValidator);
    // First of the hooks: a request another node passed on counts as its client's everywhere.
    const forwarding = redis ? new NodeForwarding(tokens.nodeKey(), metrics) : null;
    forwarding?.register(app);
    registerAddressKey(app);
    registerErrorHandling(app, config, forwarding);
    registerHttpRateLimit(app, config);
    registerInFlightLimit(app, config);
    registerJsonGuard(app);
    registerAuthentication(app, tokens);
    registerLargeBodyBudget(app, config);

    await app.register(fastifySwagger, {
      openapi: {
        info: {
          title: 'Cardtable API',
          version: `${PROTOCOL_VERSION}`,
          description:
            'HTTP half of match protocol v1. The match socket is GET /ws/matches/{matchId}; ' +
            'its messages are described by /api/docs/socket.json.',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    await app.register(fastifyWebsocket, {
      options: { maxPayload: SOCKET_FRAME_LIMIT },
      errorHandler: socketErrorHandler(metrics),
    });

    accounts.register(app);
    // Who asks, as the match routes and sockets judge what they may see (moderators see more).
    const viewerOf = viewerLookup(db);
    registerMatchRoutes(app, {
      content,
      store,
      registry,
      quotas,
      matchSeed: config.matchSeed,
      viewerOf,
    });
    // One budget for joins by room code and at open tables, per user and per address.
    const joinAttempts = new UserAndAddressLimiter(
      config.joinAttemptsPerMinute,
      config.ipJoinAttemptsPerMinute,
    );
    registerJoinRoute(app, { store, registry, quotas, joinAttempts });
    registerTableRoutes(app, {
      tables: new OpenTables(db, config.matchLifecycle.waitingTtlMs, now),
      registry,
      content,
      joinAttempts,
      viewerOf,
    });
    registerReplayRoutes(app, {
      content,
      store,
      registry,
      viewerOf,
      maxBodyBytes: config.maxBodyBytes,
      quota: { count: config.replayImportsPerUser, bytes: config.replayBytesPerUser },
    });
    registerContentRoutes(app, { library: content });
    registerPlaytestRoutes(app, { library: content, registry, viewerOf });
    registerSocialRoutes(app, {
      leaderboards: new Leaderboards(db, config.social.leaderboardMinGames, now),
      profiles: new Profiles(db, now),
      projector,
      requireRole: accounts.requireRole,
    });
    registerOperationRoutes(app, { db, metrics, registry, metricsToken: config.metricsToken });
    // How fast one address may open sockets, over all three kinds (open ones are capped apart).
    const socketOpenings = new KeyedRateLimiter<AddressKey>(
      config.socketOpenBurst,
      config.socketOpensPerMinute / 60,
    );
    registerMatchSocket(app, {
      config,
      tokens,
      registry,
      metrics,
      socketOpenings,
      forwarding,
      viewerOf,
    });
    registerMatchmakingSocket(app, {
      tokens,
      socketOpenings,
      matchmaker,
      statusEveryMs: config.matchmaking.statusEveryMs,
      maxConnectionsPerIp: config.maxConnectionsPerIp,
      heartbeatMs: config.heartbeatMs,
    });
    registerChatSocket(app, {
      tokens,
      socketOpenings,
      sessionCheckMs: config.accounts.sessionCheckMs,
      maxConnectionsPerIp: config.maxConnectionsPerIp,
      maxConnectionsPerUser: config.chatSocketsPerUser,
      heartbeatMs: config.heartbeatMs,
      chat,
      registry,
      content,
      viewerOf,
    });
    registerChatRoutes(app, {
      store: chatStore,
      filter: wordFilter,
      registry,
      viewerOf,
      requireRole: accounts.requireRole,
      matches: store,
      content: content.store,
    });
    if (config.webRoot) {
      await registerStaticWeb(app, config.webRoot, {
        imageOrigins: await content.art.imageOrigins(),
      });
    }

    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    // Leases name this node's URL, known once it listens (PORT=0): matches load only after.
    ownership?.listening(config.nodeUrl ?? defaultNodeUrl(config.host, port));
    const recovered = await lifecycle.recover();
    if (recovered.ended + recovered.loaded > 0) {
      logger.info(recovered, 'unfinished matches ended or rebuilt');
    }
    lifecycle.start();
    retention.start();
    accounts.mail.start();
    projector.start();
    matchmaker.start();
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    publicUrl ||= `http://${shownHost}:${port}`;
    let closing: Promise<void> | null = null;
    return {
      app,
      url: `http://${shownHost}:${port}`,
      db,
      store,
      metrics,
      registry,
      lifecycle,
      content,
      projector,
      matchmaker,
      chat,
      close() {
        closing ??= (async () => {
          await matchmaker.stop();
          await projector.stop();
          await lifecycle.stop();
          await retention.stop();
          await registry.drain();
          await app.close();
          await chatRelay.close();
          await accounts.close();
          if (redis) await closeRedis(redis);
          await db.close();
          content.art.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await ownership?.close();
    await chatRelay.close();
    if (redis) await closeRedis(redis);
    await db.close().catch(() => undefined);
    throw error;
  }
}

function registerErrorHandling(
  app: FastifyInstance,
  config: ServerConfig,
  forwarding: NodeForwarding | null,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(error.body);
    // A request about a match another node owns (found wherever the route met the registry).
    if (error instanceof OwnedElsewhere && forwarding) {
      return forwarding.forward(request, reply, error.ownerUrl);
    }
    // Malformed input is the client's error: logged as such, without a stack.
    const refuse = (status: number, body: ErrorBody) => {
      request.log.info({ code: body.code, status, problem: body.message }, 'client error');
      return reply.code(status).send(body);
    };
    if (error.validation) {
      const first = error.validation[0];
      const where = first?.instancePath || error.validationContext || 'request';
      return refuse(
        400,
        errorBody('BAD_REQUEST', `Invalid ${where}: ${first?.message ?? error.message}`),
      );
    }
    if (error.statusCode === 413) {
      return refuse(413, errorBody('TOO_LARGE', 'The request body is too large.'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return refuse(error.statusCode, errorBody('BAD_REQUEST', error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('INTERNAL', 'Something went wrong on the server.'));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url;
    if (config.webRoot && request.method === 'GET' && !isServerPath(path)) {
      return reply.sendFile('index.html');
    }
    const page = request.method === 'GET' && !isServerPath(path);
    const body: ErrorBody = errorBody(
      'NOT_FOUND',
      `No route ${request.method} ${path.split('?')[0]}.${page ? ` ${NO_WEB_APP}` : ''}`,
    );
    return reply.code(404).send(body);
  });
}

function registerHttpRateLimit(app: FastifyInstance, config: ServerConfig): void {
  const perIp = new KeyedRateLimiter<AddressKey>(
    config.httpRequestsPerMinute,
    config.httpRequestsPerMinute / 60,
  );
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/ws/')) return;
    if (!perIp.take(request.addressKey)) {
      return reply.code(429).send(errorBody('RATE_LIMITED', 'Too many requests: slow down.'));
    }
  });
}
