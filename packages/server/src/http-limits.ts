import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { AddressKey } from './address-key.ts';
import type { ServerConfig } from './config.ts';
import { errorBody } from './errors.ts';
import { OpenSockets } from './open-sockets.ts';
import { UserAndAddressLimiter } from './rate-limit.ts';
import { requireUser } from './routes/authenticate.ts';

/** The largest body a route takes unless it says otherwise. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

/**
 * The Fastify options that bound how long one HTTP request may take to arrive. Without them a
 * client that sends its headers and then one byte of body a minute holds the connection, and
 * the body read so far, for good (Fastify's default is no limit). Node checks the deadline
 * every `connectionsCheckingInterval`, so the check runs several times per timeout.
 */
export function requestTimeoutOptions(requestTimeoutMs: number) {
  return {
    requestTimeout: requestTimeoutMs,
    http: {
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(60_000, requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(requestTimeoutMs / 4))),
    },
    clientErrorHandler,
  };
}

/**
 * What a connection gets when its request cannot be read (too slow, malformed, headers too
 * large): the codebase's typed error body, then the connection closes.
 */
function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['408 Request Timeout', 'The request took too long to arrive (REQUEST_TIMEOUT_MS).']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', 'The request headers are too large.']
        : ['400 Bad Request', 'The request is not valid HTTP.'];
  const body = JSON.stringify(errorBody('BAD_REQUEST', message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * At most `httpInFlightPerIp` requests of one address at once (sockets aside). A request counts
 * from its first byte until its answer is handed to the network, so neither a client that sends
 * bodies slowly nor one that never reads its answers holds more than that many bodies or answers.
 */
export function registerInFlightLimit(app: FastifyInstance, config: ServerConfig): void {
  const inFlight = new OpenSockets<AddressKey>(config.httpInFlightPerIp);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/ws/')) return;
    const held = inFlight.add(request.addressKey);
    reply.raw.once('close', held.release);
    if (held.over) {
      return reply.code(429).send(
        errorBody('RATE_LIMITED', 'Too many requests at once from your address: wait for one.', {
          limit: 'httpInFlightPerIp',
          max: config.httpInFlightPerIp,
        }),
      );
    }
  });
}

/**
 * Routes that take bodies above DEFAULT_BODY_LIMIT (replay and game imports, draft saves, art)
 * are for signed-in users only, and the bytes they send are budgeted per user and per address
 * (`LARGE_BODY_BYTES_PER_MIN`, `LARGE_BODY_BYTES_PER_IP_PER_MIN`). Both are decided from the
 * headers, before the body is read: parsing ten megabytes of JSON holds the event loop for tens
 * of milliseconds, so a route's own limits, met after the parse, came too late.
 * Register after the authentication hook.
 */
export function registerLargeBodyBudget(app: FastifyInstance, config: ServerConfig): void {
  const { largeBodyBytesPerMinute: perUser, largeBodyBytesPerIpPerMinute: perIp } = config;
  const budget = new UserAndAddressLimiter(perUser, perIp);
  app.addHook('onRequest', async (request, reply) => {
    const limit = request.routeOptions.bodyLimit ?? DEFAULT_BODY_LIMIT;
    if (limit <= DEFAULT_BODY_LIMIT) return;
    const user = requireUser(request);
    const declared = Number(request.headers['content-length']);
    const bytes =
      Number.isSafeInteger(declared) && declared >= 0 ? Math.min(declared, limit) : limit;
    const verdict = budget.check(user.userId, request.addressKey, bytes);
    if (verdict.ok) return;
    const perAddress = verdict.refusedBy === 'address';
    return reply.code(429).send(
      errorBody(
        'RATE_LIMITED',
        perAddress
          ? 'Too much uploaded from your address in the last minute: wait a little.'
          : 'Too much uploaded in the last minute: wait a little.',
        {
          limit: perAddress ? 'largeBodyBytesPerIpPerMinute' : 'largeBodyBytesPerMinute',
          max: perAddress ? perIp : perUser,
          retryAfterMs: verdict.retryAfterMs,
        },
      ),
    );
  });
}
