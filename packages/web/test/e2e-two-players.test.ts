import { describe, expect, it } from 'vitest';
import { screenshot } from './browser/browser.ts';
import { hostInviteTable, joinByCode } from './browser/invite.ts';
import { playUntilOver, standingsOnScreen } from './browser/play.ts';
import { bySeat, matchIdOf, matchOf, referee } from './browser/referee.ts';
import { useServedApp } from './browser/served-app.ts';

describe('two people at one table', () => {
  const app = useServedApp();

  it('join by code and play a round against each other', async () => {
    const motion = { reducedMotion: 'reduce' as const };
    const { host, code } = await hostInviteTable(app, { page: motion });
    expect(code).toMatch(/^\w{4,}$/);
    await screenshot(host.page, 'two-players-1-lobby');

    const guest = await joinByCode(app, 'Bea', code.toLowerCase(), {
      ...motion,
      viewport: { width: 390, height: 844 },
    });
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
