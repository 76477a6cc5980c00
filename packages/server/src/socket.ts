import type { AddressKey } from './address-key.ts';
import {
  ClientMessage,
  type ErrorCode,
  type ServerMessage,
  CLOSE_CODES,
} from '@cardtable/sdk/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { SocketSessions } from './auth/socket-sessions.ts';
import { Heartbeat } from './heartbeat.ts';
import type { Principal, TokenService } from './auth/tokens.ts';
import type { ViewerOf } from './auth/roles.ts';
import { maySeeMatch } from './match/visibility.ts';
import { repeatedParameter } from './repeated-parameter.ts';
import { OpenSockets, TOO_MANY_OPENINGS } from './open-sockets.ts';
import { unsafeJsonProblem } from './json-guard.ts';
import { MessageCheck } from './message-check.ts';
import { sendUnlessStalled } from './socket-send.ts';
import type { ServerConfig } from './config.ts';
import type { MatchActor } from './match/actor.ts';
import type { Connection, Framing } from './match/connection.ts';
import type { MatchRegistry } from './match/registry.ts';
import type { Metrics } from './metrics.ts';
import type { NodeForwarding } from './nodes/forwarding.ts';
import { OwnedElsewhere } from './nodes/ownership.ts';
import { SocketProxy } from './nodes/socket-proxy.ts';
import { KeyedRateLimiter, TokenBucket } from './rate-limit.ts';

const clientMessage = new MessageCheck(ClientMessage);

/** How long a socket opened without `?token=` may take to send its HELLO. */
const HELLO_TIMEOUT_MS = 10_000;
/**
 * Refused messages a client may earn at once before it counts as flooding and is disconnected;
 * beyond them, as many a second as it is allowed messages (see `refusals` below).
 */
const FLOOD_STRIKES = 500;
/**
 * Actions one user may have waiting for their ACTION_RESULT in one match, over all their sockets
 * to it (counted per socket, one user with many sockets queued this many times each). The rate
 * limits bound how fast frames come, not how many pile up in the match's one queue while it is
 * slow (a long Lua check, a slow commit): beyond this many an action is refused at once, so a
 * flood from one player's sockets can neither grow the queue without bound nor hold the other
 * players' moves behind it. A client waits for each result (the SDK does); pipelining a few is
 * fine.
 */
export const MAX_PENDING_ACTIONS = 32;
/**
 * Sockets one user may hold open to one match: a few tabs and devices, and a reconnect or two
 * while the server has yet to see the old socket gone (the heartbeat drops it). Without it one
 * user took up to `MATCH_SOCKETS_PER_USER` of the match's places, crowding out spectators.
 */
export const MATCH_SOCKETS_PER_USER_PER_MATCH = 8;
/** Frames above this are not read at all: `ws` closes the socket (1009). */
const HARD_FRAME_LIMIT = 1024 * 1024;

interface SocketDeps {
  config: ServerConfig;
  tokens: TokenService;
  registry: MatchRegistry;
  metrics: Metrics;
  /** Sockets each address may open, one token each (shared with the other socket kinds). */
  socketOpenings: KeyedRateLimiter<AddressKey>;
  /** With several nodes: how a socket of a match another node owns is passed on to it. */
  forwarding: NodeForwarding | null;
  viewerOf: ViewerOf;
}

/**
 * `GET /ws/matches/:matchId`: authenticates, attaches the socket to the match's actor, dispatches
 * frames; or, when another node owns the match, pipes the socket to that node.
 */
export function registerMatchSocket(app: FastifyInstance, deps: SocketDeps): void {
  const { config, tokens, registry, metrics, socketOpenings, forwarding, viewerOf } = deps;
  const perIp = new KeyedRateLimiter<AddressKey>(
    config.ipMessagesPerSecond * 2,
    config.ipMessagesPerSecond,
  );
  const openPerIp = new OpenSockets<AddressKey>(config.maxConnectionsPerIp);
  // Guests cost nothing, so the address is capped too; one user is capped wherever they are.
  const openPerUser = new OpenSockets(config.matchSocketsPerUser);
  // Keyed by match and user (`userInMatch`): the match's owner counts every socket to it.
  const openPerUserInMatch = new OpenSockets(MATCH_SOCKETS_PER_USER_PER_MATCH);
  const pendingPerUserInMatch = new OpenSockets(MAX_PENDING_ACTIONS);
  const heartbeat = new Heartbeat(app, config.heartbeatMs);
  const held = new SocketSessions(tokens.sessions, config.accounts.sessionCheckMs);
  app.addHook('onClose', async () => held.stop());

  app.get<{
    Params: { matchId: string };
    Querystring: ResumeQuery & { token?: string; frames?: string; link?: string };
  }>(
    '/ws/matches/:matchId',
    {
      websocket: true,
      schema: { hide: true } as Record<string, unknown>,
    },
    (socket, request) => {
      const ip = request.ip;
      const matchId = String(request.params.matchId).slice(0, 128);
      const sendRaw = (message: ServerMessage) => {
        sendUnlessStalled(socket, JSON.stringify(message));
      };
      const refuse = (code: ErrorCode, message: string, closeCode: number) => {
        metrics.badMessages.inc({ code });
        sendRaw({ type: 'ERROR', code, message });
        socket.close(closeCode, message.slice(0, 120));
      };

      const address = request.addressKey;
      const counted = openPerIp.add(address);
      heartbeat.watch(socket);

      let actor: MatchActor | null = null;
      let connection: Connection | null = null;
      let authenticating = false;
      let helloTimer: ReturnType<typeof setTimeout> | null = null;
      let release: (() => void) | null = null;
      /** The places this socket holds in the per-user counts, freed when it closes. */
      const places: (() => void)[] = [];
      /** Set when another node owns the match: every frame from now on goes there. */
      let proxy: SocketProxy | null = null;
      /** The HELLO this socket authenticated with, for the owner to see first. */
      let hello: string | null = null;
      const bucket = new TokenBucket(config.messageBurst, config.messagesPerSecond);
      // Refusals are a bucket too, not a count "in a row": reset by every message let through,
      // a client sending far past its limit, so paced that one message in a hundred got through,
      // was never disconnected and had every refused message read and answered.
      const refusals = new TokenBucket(FLOOD_STRIKES, config.messagesPerSecond);
      const resumeFrom = resumePosition(request.query);
      // `?frames=batch`: one FRAME per batch of paced messages (see docs/protocol.md).
      const framing: Framing = request.query.frames === 'batch' ? 'batch' : 'step';

      socket.on('close', () => {
        counted.release();
        for (const free of places) free();
        if (helloTimer) clearTimeout(helloTimer);
        release?.();
        if (actor && connection) {
          actor.disconnect(connection);
          registry.disconnected(actor);
        }
      });
      socket.on('error', () => undefined);

      if (!socketOpenings.take(address)) {
        refuse('RATE_LIMITED', TOO_MANY_OPENINGS, CLOSE_CODES.tooMany);
        return;
      }
      if (counted.over) {
        refuse('RATE_LIMITED', 'Too many connections from your address.', CLOSE_CODES.tooMany);
        return;
      }

      const attach = async (principal: Principal | null) => {
        if (!principal) {
          refuse('UNAUTHORIZED', 'A valid access token is required.', CLOSE_CODES.unauthorized);
          return;
        }
        if (unsafeJsonProblem(matchId, 'match id') !== null) {
          refuse('NOT_FOUND', 'No such match.', CLOSE_CODES.notFound);
          return;
        }
        if (socket.readyState !== socket.OPEN) return;
        const mine = openPerUser.add(principal.userId);
        places.push(mine.release);
        if (mine.over) {
          refuse(
            'TOO_MANY_CONNECTIONS',
            `You have ${config.matchSocketsPerUser} match connections open already: close one first.`,
            CLOSE_CODES.tooMany,
          );
          return;
        }
        // A moderator whose role cannot be read now (the database down) watches as anyone would.
        const viewer = await viewerOf(principal).catch(() => ({
          userId: principal.userId,
          staff: false,
        }));
        // A finished match's replay link, for one who may see it only so (`maySeeMatch`).
        const link = typeof request.query.link === 'string' ? request.query.link : undefined;
        // Under the registry's lease, so the actor cannot be unloaded before the socket holds it.
        await registry
          .use(matchId, (found) => {
            if (socket.readyState !== socket.OPEN) return;
            if (!found || !maySeeMatch(found, viewer, link)) {
              refuse('NOT_FOUND', 'No such match.', CLOSE_CODES.notFound);
              return;
            }
            const here = openPerUserInMatch.add(userInMatch(found.id, principal.userId));
            places.push(here.release);
            if (here.over) {
              refuse(
                'TOO_MANY_CONNECTIONS',
                `You have ${MATCH_SOCKETS_PER_USER_PER_MATCH} connections to this match open already: close one first.`,
                CLOSE_CODES.tooMany,
              );
              return;
            }
            const attached = found.connect(socket, principal.userId, ip, framing);
            if ('code' in attached) {
              refuse(attached.code, attached.message, CLOSE_CODES.tooMany);
              return;
            }
            actor = found;
            connection = attached;
            release = held.track(principal.sessionId, principal.expiresAt, (why) => {
              if (why === 'expired') {
                refuse(
                  'UNAUTHORIZED',
                  'Your access token expired: reconnect with a fresh one.',
                  CLOSE_CODES.unauthorized,
                );
                return;
              }
              // Revoked by a deletion of the account: its seat takes the anonymised name before
              // the others are told this player left, so they never see the old name again.
              void found
                .sessionRevoked(principal.userId)
                .catch(() => undefined)
                .finally(() =>
                  refuse(
                    'SESSION_REVOKED',
                    'This session was signed out: sign in again.',
                    CLOSE_CODES.sessionRevoked,
                  ),
                );
            });
            // A resume position in the URL: the missed steps follow the WELCOME at once.
            if (resumeFrom) {
              const error = found.resume(attached, resumeFrom);
              if (error) replyError(error.code, error.message, error.details);
            }
          })
          .catch((error: unknown) => {
            if (!(error instanceof OwnedElsewhere)) {
              refuse('NOT_FOUND', 'No such match.', CLOSE_CODES.notFound);
            } else if (forwarding && !request.fromNode && socket.readyState === socket.OPEN) {
              metrics.forwarded.inc({ kind: 'socket' });
              proxy = new SocketProxy(socket, {
                upstreamUrl: `${error.ownerUrl.replace(/^http/, 'ws')}${request.url}`,
                headers: forwarding.headers(ip, request.method, request.url),
                firstFrames: hello === null ? [] : [hello],
                heartbeatMs: config.heartbeatMs,
              });
            } else {
              // Sent here by a node while the match moved on: the client's reconnect finds it.
              refuse('SHUTTING_DOWN', 'The match is changing servers: reconnect.', 1012);
            }
          });
      };

      const authenticate = async (token: string | undefined) => {
        authenticating = true;
        try {
          await attach(await tokens.verify(token));
        } finally {
          authenticating = false;
        }
      };

      const repeated = repeatedParameter(request.query);
      if (repeated) {
        refuse('BAD_REQUEST', `${repeated} is given more than once.`, CLOSE_CODES.refused);
        return;
      }
      const tokenInQuery = request.query.token;
      if (typeof tokenInQuery === 'string' && tokenInQuery.length > 0) {
        void authenticate(tokenInQuery);
      } else {
        helloTimer = setTimeout(
          () =>
            refuse('UNAUTHORIZED', 'Send HELLO with your token first.', CLOSE_CODES.unauthorized),
          HELLO_TIMEOUT_MS,
        );
        helloTimer.unref();
      }

      const replyError = (code: ErrorCode, message: string, details?: Record<string, unknown>) => {
        metrics.badMessages.inc({ code });
        sendRaw({ type: 'ERROR', code, message, ...(details ? { details } : {}) });
      };

      socket.on('message', (data, isBinary) => {
        // The owner checks and counts every frame (by the client's address), this node none.
        if (proxy) {
          proxy.send(data, isBinary);
          return;
        }
        const size = Array.isArray(data)
          ? data.reduce((n, part) => n + part.length, 0)
          : (data as Buffer | ArrayBuffer).byteLength;
        const allowed = bucket.take() && perIp.take(address);
        if (!allowed && !refusals.take()) {
          refuse('RATE_LIMITED', 'Too many messages: disconnected.', CLOSE_CODES.flooding);
          return;
        }
        if (size > config.maxMessageBytes) {
          replyError('TOO_LARGE', `Messages are limited to ${config.maxMessageBytes} bytes.`);
          return;
        }
        if (isBinary) {
          replyError('BAD_MESSAGE', 'Messages are JSON text frames.');
          return;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
        } catch {
          replyError('BAD_MESSAGE', 'The frame is not valid JSON.');
          return;
        }
        const actionId = actionIdOf(parsed);
        const unsafe = allowed ? unsafeJsonProblem(parsed, 'message') : null;
        if (unsafe !== null) {
          request.log.info({ ip, matchId, problem: unsafe }, 'client error');
          if (actionId === null) replyError('BAD_MESSAGE', unsafe);
          else {
            metrics.rejectedActions.inc({ code: 'INVALID_PAYLOAD' });
            sendRaw(actionError(actionId, 'INVALID_PAYLOAD', unsafe));
          }
          return;
        }
        if (!allowed) {
          if (actionId !== null) {
            metrics.rejectedActions.inc({ code: 'RATE_LIMITED' });
            sendRaw(actionError(actionId, 'RATE_LIMITED', 'Too many messages: slow down.'));
          } else {
            replyError('RATE_LIMITED', 'Too many messages: slow down.');
          }
          return;
        }
        if (!clientMessage.check(parsed)) {
          const detail = clientMessage.problemOf(parsed);
          if (actionId !== null) {
            metrics.rejectedActions.inc({ code: 'INVALID_PAYLOAD' });
            sendRaw(
              actionError(
                actionId,
                'INVALID_PAYLOAD',
                'The action does not match the protocol.',
                detail,
              ),
            );
          } else {
            replyError('BAD_MESSAGE', 'Not a protocol message.', detail);
          }
          return;
        }
        const message = parsed as ClientMessage;

        if (message.type === 'PING') {
          sendRaw({ type: 'PONG', t: message.t, serverTime: Date.now() });
          return;
        }
        if (!connection || !actor) {
          if (message.type === 'HELLO' && !authenticating && helloTimer) {
            clearTimeout(helloTimer);
            helloTimer = null;
            hello = JSON.stringify(message);
            void authenticate(message.token);
          } else if (actionId !== null) {
            sendRaw(actionError(actionId, 'UNAUTHORIZED', 'Authenticate first.'));
          } else {
            replyError('UNAUTHORIZED', 'Authenticate first.');
          }
          return;
        }
        const current = connection;
        const currentActor = actor;
        switch (message.type) {
          case 'HELLO':
            replyError('BAD_MESSAGE', 'Already authenticated.');
            return;
          case 'ACTION': {
            const pending = pendingPerUserInMatch.add(
              userInMatch(currentActor.id, current.identity.userId),
            );
            if (pending.over) {
              pending.release();
              metrics.rejectedActions.inc({ code: 'RATE_LIMITED' });
              sendRaw(
                actionError(
                  message.action.actionId,
                  'RATE_LIMITED',
                  'Too many actions waiting for their result: wait for one.',
                  { limit: 'pendingActions', max: MAX_PENDING_ACTIONS },
                ),
              );
              return;
            }
            const receivedAt = performance.now();
            const { knownVersion } = message.action;
            if (knownVersion !== undefined) current.actedOn(knownVersion);
            const acting = currentActor.act(current, message.action);
            void acting.finally(pending.release).then((outcome) => {
              metrics.actionLatency.observe(
                { outcome: outcome.ok ? 'ok' : 'error' },
                (performance.now() - receivedAt) / 1000,
              );
            });
            return;
          }
          case 'FLOW_ACK':
            if (!current.ack(message.resolutionId, message.step)) {
              replyError('BAD_MESSAGE', 'FLOW_ACK names a step you were not sent.');
            }
            return;
          case 'RESUME': {
            const error = currentActor.resume(current, message);
            if (error) replyError(error.code, error.message, error.details);
            return;
          }
        }
      });
    },
  );
}

/** The key of one user's sockets and actions in one match (neither id holds a newline). */
const userInMatch = (matchId: string, userId: string) => `${matchId}\n${userId}`;

/** `?lastVersion=&lastStep=&lastResolutionId=`: a RESUME sent with the connection itself. */
interface ResumeQuery {
  lastVersion?: string;
  lastStep?: string;
  lastResolutionId?: string;
}

function resumePosition(query: ResumeQuery) {
  const count = (text: string | undefined) =>
    typeof text === 'string' && /^\d{1,9}$/.test(text) ? Number(text) : null;
  const lastVersion = count(query.lastVersion);
  const lastStep = count(query.lastStep);
  if (lastVersion === null || lastStep === null) return null;
  const id = query.lastResolutionId;
  return typeof id === 'string' && id.length <= 64
    ? { lastVersion, lastStep, lastResolutionId: id }
    : { lastVersion, lastStep };
}

function actionIdOf(parsed: unknown): string | null {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { type, action } = parsed as { type?: unknown; action?: unknown };
  if (type !== 'ACTION' || typeof action !== 'object' || action === null) return null;
  const id = (action as { actionId?: unknown }).actionId;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
}

function actionError(
  actionId: string,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ServerMessage {
  return {
    type: 'ACTION_RESULT',
    actionId,
    ok: false,
    error: details ? { code, message, details } : { code, message },
  };
}

export const SOCKET_FRAME_LIMIT = HARD_FRAME_LIMIT;

/** Network errors of a socket whose peer went away: nothing to fix on either side. */
const NETWORK_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * What `@fastify/websocket` does with an error on an open socket. A frame above
 * SOCKET_FRAME_LIMIT or one that breaks the WebSocket protocol is the client's error: `ws` has
 * already closed the socket (1009 "message too big", or 1002/1007), so it is counted and logged
 * at info, without a stack. Only anything else is the server's error.
 */
export function socketErrorHandler(metrics: Metrics) {
  return (error: Error & { code?: string }, socket: WebSocket, request: FastifyRequest) => {
    const code = error.code ?? '';
    if (code.startsWith('WS_ERR_')) {
      const protocolCode =
        code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'TOO_LARGE' : 'BAD_MESSAGE';
      metrics.badMessages.inc({ code: protocolCode });
      request.log.info(
        { ip: request.ip, code: protocolCode, problem: error.message },
        'client error',
      );
      return;
    }
    if (NETWORK_ERRORS.has(code)) {
      request.log.debug({ ip: request.ip, code }, 'socket dropped');
    } else {
      request.log.error({ err: error }, 'socket failed');
    }
    socket.terminate();
  };
}
