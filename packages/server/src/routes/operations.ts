import { CHAT_PROTOCOL_VERSION, CHAT_SOCKET_SCHEMAS } from '@cardtable/sdk/chat';
import { SOCKET_SCHEMAS, PROTOCOL_VERSION } from '@cardtable/sdk/protocol';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MatchRegistry } from '../match/registry.ts';
import type { Metrics } from '../metrics.ts';
import type { Database } from '../store/database.ts';

/** `/health`, `/ready`, `/metrics` and the socket messages' JSON Schemas (match and chat). */
export function registerOperationRoutes(
  app: FastifyInstance,
  deps: { db: Database; metrics: Metrics; registry: MatchRegistry; metricsToken: string | null },
): void {
  const { db, metrics, registry, metricsToken } = deps;
  const hidden = { schema: { hide: true } };

  app.get('/health', hidden, async () => ({ status: 'ok' }));

  app.get('/ready', hidden, async (_request, reply) => {
    const ready = await db.ping();
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unreachable' });
  });

  app.get('/metrics', hidden, async (request, reply) => {
    if (!metricsAllowed(metricsToken, request.headers.authorization, request.ip)) {
      return reply.code(401).send({
        code: 'UNAUTHORIZED',
        message: metricsToken
          ? 'Send the metrics token as a bearer token.'
          : 'Metrics are served to this host only (set METRICS_TOKEN to read them remotely).',
      });
    }
    const counts = registry.counts();
    for (const [status, count] of Object.entries(counts)) {
      metrics.liveMatches.set({ status }, count);
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.get('/api/docs/socket.json', hidden, async () => ({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Cardtable match socket, protocol v${PROTOCOL_VERSION}`,
    description:
      'GET /ws/matches/{matchId}: JSON text frames. Client messages: HelloMessage, ActionMessage, ' +
      'FlowAckMessage, ResumeMessage, PingMessage. Server messages: the rest.',
    definitions: SOCKET_SCHEMAS,
  }));

  app.get('/api/docs/chat-socket.json', hidden, async () => ({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Cardtable chat socket, chat protocol v${CHAT_PROTOCOL_VERSION}`,
    description:
      'GET /ws/chat?token=..&room=..: JSON text frames. The client sends ChatClientMessage, the ' +
      'server ChatServerMessage (docs/protocol.md, "Chat socket").',
    definitions: CHAT_SOCKET_SCHEMAS,
  }));
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read `/metrics`: with METRICS_TOKEN, whoever sends it as a bearer token (compared in
 * constant time); without one, only requests from this host (loopback).
 */
function metricsAllowed(token: string | null, authorization: string | undefined, ip: string) {
  if (token === null) return LOOPBACK.has(ip);
  const given = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
