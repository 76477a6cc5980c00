import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './browser/browser.ts';
import { playUntilOver, standingsOnScreen } from './browser/play.ts';
import { bySeat, matchIdOf, matchOf, referee } from './browser/referee.ts';
import { serveApp, type ServedApp } from './browser/server.ts';

describe('two people at one table', () => {
  let app: ServedApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('join by code and play a round against each other', async () => {
    const motion = { reducedMotion: 'reduce' as const };
    const host = await openPage(browser, app.url, motion);
    await host.page.getByTestId('player-name').fill('Ada');
    await host.page.getByText('Set up a table').click();
    await host.page.getByTestId('seat-count').selectOption('2');
    await host.page
      .getByTestId('seat-choice-1')
      .selectOption({ label: 'A friend (invite by code)' });
    await host.page.getByTestId('holes').fill('1');
    await host.page.getByTestId('create-submit').click();
    await host.page.getByTestId('lobby').waitFor();
    const code = (await host.page.getByTestId('room-code').textContent()) as string;
    expect(code).toMatch(/^\w{4,}$/);
    await screenshot(host.page, 'two-players-1-lobby');

    const guest = await openPage(browser, app.url, {
      ...motion,
      viewport: { width: 390, height: 844 },
    });
    await guest.page.getByTestId('player-name').fill('Bea');
    await guest.page.getByTestId('join-code').fill(code.toLowerCase());
    await guest.page.getByTestId('join-submit').click();
    await guest.page.waitForURL(/\/match\//);
    expect(matchIdOf(guest.page.url())).toBe(matchIdOf(host.page.url()));

    for (const { page } of [host, guest]) await page.getByTestId('table').waitFor();
    await expect
      .poll(() => guest.page.locator('.seat-me').getAttribute('data-testid'))
      .toBe('seat-1');
    await expect
      .poll(() => host.page.locator('.seat-me').getAttribute('data-testid'))
      .toBe('seat-0');

    await Promise.all([playUntilOver(host.page), playUntilOver(guest.page)]);
    await screenshot(host.page, 'two-players-2-host-standings');
    await screenshot(guest.page, 'two-players-3-guest-standings-phone');

    const meta = await matchOf(await referee(app.url), matchIdOf(host.page.url()));
    const expected = bySeat(meta.result?.standings ?? []).map(({ seat, place, score }) => ({
      seat,
      place,
      score,
    }));
    expect(bySeat(await standingsOnScreen(host.page))).toEqual(expected);
    expect(bySeat(await standingsOnScreen(guest.page))).toEqual(expected);
    expect([...host.errors, ...guest.errors]).toEqual([]);
  }, 300_000);
});
