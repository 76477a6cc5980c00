import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CardtableApi } from '@cardtable/sdk';
import { packageBody, readContentFolder } from '@cardtable/server/content';
import { launchBrowser, openPage, screenshot } from './browser/browser.ts';
import { serveApp, type ServedApp } from './browser/server.ts';
import { playUntilOver } from './browser/tcg-play.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const TIDEPOOL = join(repoRoot, 'packages/server/test/fixtures/content/tidepool');

const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('the studio playtest: an unpublished draft at the real table', () => {
  let app: ServedApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('plays the draft against the CPU to the end, saves a position and dry-runs an ability at it', async () => {
    // Someone else's published game to start the draft from.
    const other = new CardtableApi({ baseUrl: app.url });
    ok(await other.guest('Marin'));
    ok(await other.createGame({ slug: 'tidepool', name: 'Tidepool' }));
    ok(await other.putDraft('tidepool', packageBody(await readContentFolder(TIDEPOOL))));
    ok(await other.publish('tidepool'));

    const { page, errors } = await openPage(browser, `${app.url}/studio`, {
      reducedMotion: 'reduce',
      viewport: { width: 1366, height: 800 },
    });
    await page.getByRole('heading', { name: 'Creator studio' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Reef Trial');
    await page.getByLabel('Start from').selectOption({ label: 'A copy of Tidepool (version 1)' });
    await page.getByRole('button', { name: 'Create game' }).click();
    await page.waitForURL(/\/studio\/reef-trial\/ruleset$/);
    await expect
      .poll(() => page.getByTestId('validation-state').textContent(), { timeout: 30_000 })
      .toMatch(/^Valid/);

    // One click: the draft (never published) at the table, against the CPU.
    await page.getByTestId('playtest').click();
    await page.waitForURL(/\/tcg\//, { timeout: 30_000 });
    await page.getByTestId('tcg-table').waitFor({ timeout: 30_000 });
    const bar = page.getByTestId('playtest-bar');
    expect(await bar.textContent()).toContain('Playtest of the draft');

    // The position now, saved by name for the Lua editor.
    await page.getByTestId('position-name').fill('Opening');
    await page.getByRole('button', { name: 'Save this position' }).click();
    await expect
      .poll(() => bar.getByRole('status').textContent(), { timeout: 20_000 })
      .toContain('Saved “Opening”');
    await screenshot(page, 'studio-playtest-1-table');

    const played = await playUntilOver(page);
    expect(played.moves).toBeGreaterThan(0);
    await page.getByTestId('tcg-outcome').waitFor();
    await screenshot(page, 'studio-playtest-2-over');

    // Back in the studio, the Lua ability runs at the saved position.
    await page.getByRole('link', { name: 'Back to the studio' }).click();
    await page.waitForURL(/\/studio\/reef-trial\/lua$/);
    await page.getByTestId('dry-run-position').selectOption({ label: 'Saved: Opening' });
    await page.getByRole('button', { name: 'Run' }).click();
    const dry = page.getByTestId('dry-run-result');
    await expect
      .poll(() => dry.textContent(), { timeout: 30_000 })
      .toMatch(/\d+ instructions · [\d.]+ KiB memory/);
    await screenshot(page, 'studio-playtest-3-dry-run');
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 600_000);
});
