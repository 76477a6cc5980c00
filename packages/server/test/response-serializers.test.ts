import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySharedSerializers } from '../src/response-serializers.ts';

/** A server of one route answering with a field its response schema does not name. */
async function serverAnswering(schema: object) {
  const app = Fastify({
    schemaController: { compilersFactory: { buildSerializer: lazySharedSerializers } },
  });
  app.get('/', { schema: { response: { 200: schema } } }, async () => ({ name: 'Ada', secret: 1 }));
  await app.ready();
  return app;
}

const NAMED = { type: 'object', properties: { name: { type: 'string' } } };

describe('response serializers compiled on first reply, shared by servers', () => {
  it('serialize by the schema: a field it does not name never leaves, on every server', async () => {
    for (let server = 0; server < 2; server++) {
      const app = await serverAnswering(NAMED);
      for (let reply = 0; reply < 2; reply++)
        expect((await app.inject({ url: '/' })).json()).toEqual({ name: 'Ada' });
      await app.close();
    }
  });

  it('compile nothing at start-up: a schema that cannot compile fails its route, not the server', async () => {
    const app = await serverAnswering({
      type: 'object',
      properties: { name: { $ref: '#/nowhere' } },
    });
    expect((await app.inject({ url: '/' })).statusCode).toBe(500);
    await app.close();
  });
});
