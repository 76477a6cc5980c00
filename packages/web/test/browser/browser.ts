import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import type { AnimationSpeed } from '../../src/settings/settings.ts';
import { SETTINGS_KEY } from '../../src/settings/settings-key.ts';

const artifacts = fileURLToPath(new URL('../../../../test-artifacts/web/', import.meta.url));

/** Debian's Chromium, headless; `args` adds switches (a device's input kinds, say). */
export function launchBrowser(args: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      ...args,
    ],
  });
}

/** A page that remembers every console error and uncaught exception, to assert there were none. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, context, errors };
}

/**
 * Context options whose pages of the app at `origin` start with this animation speed chosen, as
 * the table's setting remembers it: for tests that walk a game to reach what they check, where
 * the cards' flights are only waited out (e2e-table-feel tests the speeds themselves).
 */
export function atSpeed(origin: string, speed: AnimationSpeed): BrowserContextOptions {
  const localStorage = [{ name: SETTINGS_KEY, value: JSON.stringify({ speed }) }];
  return { storageState: { cookies: [], origins: [{ origin, localStorage }] } };
}

/**
 * Saves a screenshot to test-artifacts/web/ (git-ignored): the whole page, or only what the
 * viewport shows (`fullPage: false`, to see the table as a player sees it at that size).
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
}
