import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AccountApi, CardtableApi } from '@cardtable/sdk';
import { openPage, screenshot } from './browser/browser.ts';
import { clickOneMove } from './browser/play.ts';
import { matchIdOf } from './browser/referee.ts';
import { openAs } from './browser/seated.ts';
import { PLAYING_TOPBAR, topbarControls } from './browser/topbar.ts';
import { useServedApp } from './browser/served-app.ts';

/** Both play by clicking until each has made `wanted` moves (a turn waits for the other's). */
async function playMoves(pages: Page[], wanted: number): Promise<number[]> {
  const made = pages.map(() => 0);
  await Promise.all(
    pages.map(async (page, i) => {
      for (let step = 0; step < 1200 && made.some((n) => n < wanted); step++) {
        const did = await clickOneMove(page);
        if (did === 'move' || did === 'choose') made[i]! += 1;
        else await page.waitForTimeout(100);
      }
    }),
  );
  return made;
}

describe('matchmaking in the browser', () => {
  // The projection folds finished matches every 3 s: a profile opened straight after a match
  // usually finds it still being counted, and asks again until it is.
  const app = useServedApp({
    MATCHMAKING_TICK_MS: '100',
    QUEUE_STATUS_MS: '200',
    SOCIAL_PROJECTION_POLL_MS: '3000',
  });

  it('two people in the same queue are matched and play', async () => {
    const motion = { reducedMotion: 'reduce' as const };
    const ada = await openPage(app.browser, app.url, motion);
    await ada.page.getByTestId('player-name').fill('Ada');
    await ada.page.getByTestId('queue-casual').click();
    await expect
      .poll(() => ada.page.getByTestId('queue-status').textContent(), { timeout: 30_000 })
      .toContain('Looking for an opponent… Nobody else is waiting yet.');
    await screenshot(ada.page, 'matchmaking-1-waiting');

    const bea = await openPage(app.browser, app.url, motion);
    await bea.page.getByTestId('player-name').fill('Bea');
    await bea.page.getByTestId('queue-casual').click();

    for (const { page } of [ada, bea]) await page.waitForURL(/\/match\//, { timeout: 30_000 });
    expect(matchIdOf(bea.page.url())).toBe(matchIdOf(ada.page.url()));
    for (const { page } of [ada, bea]) await page.getByTestId('table').waitFor();
    const seats = await Promise.all(
      [ada, bea].map(({ page }) => page.locator('.seat-me').getAttribute('data-testid')),
    );
    expect([...seats].sort()).toEqual(['seat-0', 'seat-1']);
    // The top bar has the controls of every table, in the same order as the card game's.
    await expect.poll(() => topbarControls(ada.page)).toEqual(PLAYING_TOPBAR);

    const made = await playMoves([ada.page, bea.page], 4);
    expect(made.every((n) => n >= 4)).toBe(true);
    await screenshot(bea.page, 'matchmaking-2-playing');
    expect([...ada.errors, ...bea.errors]).toEqual([]);
  }, 300_000);

  it('a rated match between two accounts: the rating shows on the profile, the leaderboards say when a player is listed', async () => {
    const motion = { reducedMotion: 'reduce' as const };
    const [cleo, dov] = await Promise.all(
      ['Cleo', 'Dov'].map(async (name) => {
        const api = new CardtableApi({ baseUrl: app.url });
        const made = await new AccountApi(api).signUp({
          username: name,
          email: `${name.toLowerCase()}@example.com`,
          password: 'rated secret 4 cards',
        });
        if (!made.ok) throw new Error(made.error.message);
        return {
          session: made.value,
          ...(await openAs(app.browser, app.url, made.value, '/', motion)),
        };
      }),
    );
    if (!cleo || !dov) throw new Error('two players');
    // An account plays under its own name: no name field that would do nothing, the name said.
    await expect
      .poll(() => cleo.page.getByTestId('playing-as').textContent())
      .toBe("Playing as (your account's name)Cleo");
    expect(await cleo.page.getByTestId('player-name').count()).toBe(0);
    for (const { page } of [cleo, dov]) await page.getByTestId('queue-rated').click();
    for (const { page } of [cleo, dov])
      await page.getByTestId('table').waitFor({ timeout: 30_000 });
    // Dov on a touch phone too: no keys listed, not even once the chat's field (which shows a
    // focus ring however it is focused) has the focus.
    const phone = await openAs(
      app.browser,
      app.url,
      dov.session,
      new URL(dov.page.url()).pathname,
      {
        ...motion,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      },
    );
    const keyHelp = phone.page.getByTestId('key-help');
    await keyHelp.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await keyHelp.isVisible()).toBe(false);
    await phone.page.getByTestId('chat-input').focus();
    expect(await phone.page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(
      true,
    );
    expect(await keyHelp.isVisible()).toBe(false);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
    await dov.page.getByTestId('resign').click();
    await dov.page.getByTestId('confirm-resign').click();
    await cleo.page.getByTestId('standings').waitFor({ timeout: 30_000 });

    // One rated match: a lone point, on an axis of a day either side (uPlot's own range for a
    // zero span ran three years on, with the point at its edge).
    const historyAsks: string[] = [];
    cleo.page.on('request', (request) => {
      if (/\/api\/players\/[^/]+\/matches/.test(request.url())) historyAsks.push(request.url());
    });
    await cleo.page.goto(`${app.url}/me`);
    const chart = cleo.page.getByTestId('rating-chart');
    await expect
      .poll(() => chart.getAttribute('data-time-span'), { timeout: 30_000 })
      .not.toBeNull();
    expect(await cleo.page.getByTestId('counting').count()).toBe(0);
    // Asked again while the match was counted, the page fetched the profile (and the chart it
    // then had), not the history it already held.
    expect(historyAsks).toHaveLength(1);
    const span = Number(await chart.getAttribute('data-time-span'));
    expect(span).toBeGreaterThan(86_400);
    expect(span).toBeLessThanOrEqual(3 * 86_400);
    await screenshot(cleo.page, 'matchmaking-3-rated-profile');

    // No board lists anyone after one match: the page says after how many it will.
    // While they are on their way the page says so (it showed its header and nothing more).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await cleo.page.route(
      '**/api/leaderboards',
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    await cleo.page.getByRole('link', { name: 'Leaderboards' }).click();
    const loading = cleo.page.getByTestId('leaderboards-loading');
    await expect.poll(() => loading.textContent()).toBe('Loading the leaderboards…');
    release();
    await expect
      .poll(() => cleo.page.getByTestId('leaderboards-empty').textContent())
      .toContain('after 5 rated matches of a game');
    expect(await loading.count()).toBe(0);
    expect([...cleo.errors, ...dov.errors]).toEqual([]);
  }, 300_000);
});
