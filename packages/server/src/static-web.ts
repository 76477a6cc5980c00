import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app (packages/web/dist, or WEB_ROOT) at `/`. Any other GET that is not
 * an API, socket or operations path gets index.html, so client-side routes survive a reload.
 * Every page carries a Content-Security-Policy: scripts only from this origin (and index.html's
 * own inline ones, by hash), images from here or from `imageOrigins` (where card art redirects).
 */
export async function registerStaticWeb(
  app: FastifyInstance,
  webRoot: string,
  options: { imageOrigins: readonly string[] },
): Promise<void> {
  const index = await readFile(join(webRoot, 'index.html'), 'utf8').catch(() => '');
  const policy = contentSecurityPolicy({
    inlineScripts: inlineScriptsOf(index),
    imageOrigins: options.imageOrigins,
  });
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    // Files are looked up per request: a rebuild under a running server (new asset names)
    // is served at once, where a list made at start would answer index.html for them.
    wildcard: true,
    index: ['index.html'],
    setHeaders: (reply, path) => {
      reply.header('x-content-type-options', 'nosniff');
      if (!path.endsWith('.html')) return;
      reply.header('content-security-policy', policy);
      reply.header('referrer-policy', 'same-origin');
    },
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

/**
 * The app's policy. No script but the app's own files and index.html's inline ones may run,
 * and no page compiles code: the studio's Lua sandbox (WebAssembly) runs in workers, whose
 * scripts carry no policy of their own (this header goes with pages only; the content
 * validator is code generated ahead of time and compiles nothing). Styles may be inline (React's style
 * props, the tables' computed layouts). Nothing may frame the app (clickjacking on a page that
 * plays for you).
 */
export function contentSecurityPolicy(options: {
  inlineScripts: readonly string[];
  imageOrigins: readonly string[];
}): string {
  const hashes = options.inlineScripts.map(
    (script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    ["script-src 'self'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...options.imageOrigins].join(' '),
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The bodies of a page's inline scripts (those without `src`), as the browser hashes them. */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes ?? ''))
    .map(([, , body]) => body ?? '');
}
