import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app (packages/web/dist, or WEB_ROOT) at `/`. Any other GET that is not
 * an API, socket or operations path gets index.html, so client-side routes survive a reload.
 */
export async function registerStaticWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
  });
}

/** Paths that never fall back to the web app. */
export const isServerPath = (url: string) => /^\/(api|ws|metrics|health|ready)(\/|\?|$)/.test(url);
