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

/**
 * Why a server answers no page at `/`: `cardtable serve` from a fresh clone runs before anything
 * built the app (`npm start` builds it first), and a bare 404 there looks like a broken server.
 */
export const NO_WEB_APP =
  'No web app is served: packages/web/dist is not built (run `npm run build -w @cardtable/web`, ' +
  'which `npm start` does first, then start again) or WEB_ROOT is "none".';
