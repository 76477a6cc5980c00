import { describe, expect, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import { openPage, screenshot } from './browser/browser.ts';
import { clickOneMove } from './browser/play.ts';
import { useServedApp } from './browser/served-app.ts';

/** Waits for this player's turn (something of theirs is clickable) and reads their hand. */
async function myTurnHand(page: Page) {
  await page
    .locator('.mine .slot-active, .pile-active[data-testid=deck]')
    .first()
    .waitFor({ timeout: 60_000 });
  return page
    .locator('.mine .slot')
    .evaluateAll((slots) =>
      slots.map(
        (slot) =>
          `${slot.getAttribute('data-testid')}:${slot.getAttribute('data-face')}:${slot.querySelector('[data-rank]')?.getAttribute('data-rank') ?? '-'}`,
      ),
    );
}

/**
 * Passes the page's match sockets through to the server until `cut`: then they close (as when the
 * server stops) and every new one is refused, until `restore`.
 */
async function droppableMatchSockets(page: Page) {
  let down = false;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/ws\/matches\//, (socket) => {
    if (down) return void socket.close({ code: 1011, reason: 'server down' });
    socket.connectToServer();
    open.add(socket);
  });
  return {
    cut() {
      down = true;
      for (const socket of open) void socket.close({ code: 1011, reason: 'server down' });
      open.clear();
    },
    restore() {
      down = false;
    },
  };
}

describe('reloading in the middle of a match', () => {
  const app = useServedApp();

  it('comes back to the same seat, cards and turn', async () => {
    const { page, errors } = await openPage(app.browser, app.url, { reducedMotion: 'reduce' });
    await page.getByTestId('play-now').click();
    await page.waitForURL(/\/match\//);
    const url = page.url();
    await page.getByTestId('table').waitFor();
    for (let moves = 0; moves < 4;) {
      await page.waitForFunction(
        () => document.querySelector('.mine .slot-active, .pile-active') !== null,
        null,
        {
          timeout: 60_000,
        },
      );
      if ((await clickOneMove(page)) !== 'wait') moves++;
    }
    const seat = await page.locator('.seat-me').getAttribute('data-testid');
    // The last click may be the second opening pick: its flip shows once the server answers.
    await expect
      .poll(async () => (await myTurnHand(page)).some((slot) => slot.includes(':up:')), {
        timeout: 30_000,
      })
      .toBe(true);
    const before = await myTurnHand(page);
    await screenshot(page, 'reload-1-before');

    const drops = await droppableMatchSockets(page);
    await page.reload();
    expect(page.url()).toBe(url);
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-state'))
      .toBe('open');
    expect(await myTurnHand(page)).toEqual(before);
    expect(await page.locator('.seat-me').getAttribute('data-testid')).toBe(seat);
    await screenshot(page, 'reload-2-after');

    // The server goes away mid-match: the page says so where the player is looking (pinned on
    // screen, the header's badge scrolled away) and takes the table back once it returns.
    drops.cut();
    const notice = page.getByTestId('reconnecting-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Lost the connection.*trying again/);
    const box = (await notice.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(await page.getByTestId('table').isVisible()).toBe(true);
    await screenshot(page, 'reload-3-reconnecting', false);
    drops.restore();
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-state'))
      .toBe('open');
    expect(await notice.count()).toBe(0);

    // Still the player: the next move goes through, from the keyboard this time, with the keys
    // the table lists (no walk of Tabs): D draws, then 1 swaps the drawn card into card 1.
    expect(await page.getByTestId('key-help').textContent()).toContain('D draw');
    const version = async () =>
      Number(await page.getByTestId('table').getAttribute('data-version'));
    const moved = async (key: string) => {
      const before = await version();
      await page.keyboard.press(key);
      await expect.poll(version).toBeGreaterThan(before);
    };
    if ((await page.locator('.pile-active[data-testid=deck]').count()) > 0) {
      await moved('d');
      await page.locator('.mine .slot-active').first().waitFor();
    }
    await moved('1');
    expect(errors).toEqual([]);
  }, 240_000);
});
