import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser/browser.ts';
import { hostInviteTable } from './browser/invite.ts';
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

    // Bea mistypes the code first: the page says so and asks for the code again (it offered to
    // join the same missing table once more), then takes her to the table.
    const guest = await openPage(app.browser, app.url, {
      ...motion,
      viewport: { width: 390, height: 844 },
    });
    // A link to a match that is not there, of either kind: the page says so and leads home,
    // with neither a game's title ("Golf") nor a red "Disconnected" badge, which spoke of a
    // table that does not exist.
    for (const path of ['/tcg/m_doesnotexist', '/match/m_doesnotexist']) {
      await guest.page.goto(`${app.url}${path}`);
      await guest.page.getByTestId('no-such-match').waitFor();
      expect(await guest.page.locator('.topbar').innerText()).toBe('Cardtable');
      expect(await guest.page.getByTestId('connection-status').count()).toBe(0);
      expect(await guest.page.evaluate(() => document.activeElement?.textContent)).toBe(
        'No such match',
      );
    }
    await screenshot(guest.page, 'two-players-0-no-such-match');
    await guest.page.getByTestId('no-such-match-home').click();
    await guest.page.getByTestId('player-name').fill('Bea');
    // Too short to be any code: said in words, not as the server schema's "Invalid /code".
    await guest.page.getByTestId('join-code').fill('QQ');
    await guest.page.getByTestId('join-submit').click();
    const error = guest.page.getByTestId('join-error');
    await expect
      .poll(() => error.textContent())
      .toContain('That is not a room code: one has 4 to 16 letters and digits.');
    const retry = guest.page.getByTestId('join-page-code');
    await retry.fill('QQQQQQ');
    await retry.press('Enter');
    await expect.poll(() => error.textContent()).toContain('No open match has that code.');
    expect(await retry.evaluate((input) => input === document.activeElement)).toBe(true);
    await screenshot(guest.page, 'two-players-1b-wrong-code');
    await retry.fill(code.toLowerCase());
    await retry.press('Enter');
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

    const meta = await matchOf(await referee(app.url, host.page), matchIdOf(host.page.url()));
    const expected = bySeat(meta.result?.standings ?? []).map(({ seat, place, score }) => ({
      seat,
      place,
      score,
    }));
    expect(bySeat(await standingsOnScreen(host.page))).toEqual(expected);
    expect(bySeat(await standingsOnScreen(guest.page))).toEqual(expected);
    // Each player finds their own row (a guest's made-up name is easy not to recognise), and
    // reads which way the scores count.
    for (const [seat, { page }] of [host, guest].entries()) {
      const mine = page.locator('[data-testid=standing-row].mine');
      expect(await mine.getAttribute('data-seat')).toBe(String(seat));
      expect(await mine.textContent()).toContain('(you)');
      expect(await page.getByTestId('standings-rule').textContent()).toBe('The lowest total wins.');
      // The scorecard's narrow names' column: their own row is "You" (a guest's was "Gu…").
      const rows = page.locator('[data-testid=scorecard] th[scope=row]');
      expect(await rows.nth(seat).textContent()).toBe('You');
      expect(await rows.nth(1 - seat).textContent()).not.toBe('You');
    }
    // Bea, who has played now, chooses another name: her next table seats her under it (it was
    // dropped without a word) and she is the same guest, this match still hers.
    const session = () =>
      guest.page.evaluate(() => JSON.parse(localStorage.getItem('cardtable.session')!).user.id);
    const before = await session();
    await guest.page.goto(app.url);
    await guest.page.getByTestId('player-name').fill('Beatrix');
    await guest.page.getByTestId('play-now').click();
    await guest.page.getByTestId('table').waitFor();
    await expect.poll(() => guest.page.locator('.seat-me').textContent()).toContain('Beatrix');
    expect(await session()).toBe(before);
    // The only errors are the browser's notes of 404s: the missing match's, the wrong code's.
    const unexpected = guest.errors.filter((error) => !/status of 404/.test(error));
    expect([...host.errors, ...unexpected]).toEqual([]);
  }, 300_000);
});
