import { SOCKET_SCHEMAS, PROTOCOL_VERSION } from '@cardtable/sdk/protocol';
import type { FastifyInstance } from 'fastify';
import type { MatchRegistry } from '../match/registry.ts';
import type { Metrics } from '../metrics.ts';
import type { Database } from '../store/database.ts';

/** `/health`, `/ready`, `/metrics` and the socket messages' JSON Schemas. */
export function registerOperationRoutes(
  app: FastifyInstance,
  deps: { db: Database; metrics: Metrics; registry: MatchRegistry },
): void {
  const { db, metrics, registry } = deps;
  const hidden = { schema: { hide: true } };

  app.get('/health', hidden, async () => ({ status: 'ok' }));

  app.get('/ready', hidden, async (_request, reply) => {
    const ready = await db.ping();
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unreachable' });
  });

  app.get('/metrics', hidden, async (_request, reply) => {
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
}
