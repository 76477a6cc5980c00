import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../src/metrics.ts';
import { FORWARD_PROOF, FORWARDED_FOR, NodeForwarding } from '../src/nodes/forwarding.ts';

const key = new TextEncoder().encode('a key every node of one deployment shares');
let now = 1_800_000_000_000;

/** An app that answers with the address it believes and whether a node vouched for it. */
async function receiver() {
  const app = Fastify();
  new NodeForwarding(key, createMetrics(), () => now).register(app);
  app.all('/who', async (request) => ({ ip: request.ip, fromNode: request.fromNode }));
  await app.ready();
  return app;
}

describe("a node's forwarding headers", () => {
  it('are believed only with a fresh proof for this method and URL, made with the shared key', async () => {
    const app = await receiver();
    const sender = new NodeForwarding(key, createMetrics(), () => now);
    const who = async (method: 'GET' | 'POST', url: string, headers: Record<string, string>) =>
      (await app.inject({ method, url, headers })).json() as { ip: string; fromNode: boolean };
    const client = { ip: '203.0.113.9', fromNode: true };
    const itself = { ip: '127.0.0.1', fromNode: false };

    expect(await who('GET', '/who?a=1', sender.headers('203.0.113.9', 'GET', '/who?a=1'))).toEqual(
      client,
    );
    // A copy used for another URL or method, or too late, or made with another key: ignored.
    const copied = sender.headers('203.0.113.9', 'GET', '/who?a=1');
    expect(await who('GET', '/who?a=2', copied)).toEqual(itself);
    expect(await who('POST', '/who?a=1', copied)).toEqual(itself);
    now += 31_000;
    expect(await who('GET', '/who?a=1', copied)).toEqual(itself);
    const stranger = new NodeForwarding(
      new TextEncoder().encode('another key'),
      createMetrics(),
      () => now,
    );
    expect(await who('GET', '/who', stranger.headers('203.0.113.9', 'GET', '/who'))).toEqual(
      itself,
    );
    // What a client may send by hand.
    for (const proof of ['', 'x', `${now}.`, `${now}.${'A'.repeat(43)}`, `-1.${'A'.repeat(43)}`]) {
      expect(
        await who('GET', '/who', { [FORWARDED_FOR]: '10.1.1.1', [FORWARD_PROOF]: proof }),
      ).toEqual(itself);
    }
    await app.close();
  });
});
