import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveApp, type ServedApp } from './server.ts';

/** The served app and Chromium of a describe block, readable once its `beforeAll` has run. */
export interface ServedTable {
  /** The app's base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Starts `cardtable serve` (with `env` on top of serveApp's) and Chromium together before the
 * enclosing describe block's tests, and closes both after them. Call it at the top of a
 * `describe`; read `app.url` and `app.browser` inside tests and hooks.
 */
export function useServedApp(env: Record<string, string> = {}): ServedTable {
  let served: ServedApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [served, browser] = await Promise.all([serveApp(env), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useServedApp: read inside a test, after beforeAll');
    return value;
  };
  return {
    get url() {
      return started(served).url;
    },
    get browser() {
      return started(browser);
    },
  };
}
