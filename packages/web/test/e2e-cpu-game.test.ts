import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser/browser.ts';
import { playUntilOver, standingsOnScreen } from './browser/play.ts';
import { bySeat, matchIdOf, matchOf, referee } from './browser/referee.ts';
import { useServedApp } from './browser/served-app.ts';

describe('a one-hole game against three CPUs, played by clicking', () => {
  const app = useServedApp();

  it('ends with the standings the server reports, then starts a rematch', async () => {
    const { page, errors } = await openPage(app.browser, app.url);
    await page.getByTestId('player-name').fill('Ada');
    // Golf is chosen already; its button still opens the folded form and moves focus into it.
    await page.getByTestId('choose-golf').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('form')?.dataset.testid))
      .toBe('create-table');
    await page.getByTestId('holes').fill('1');
    // The server out of reach once: the form says so at its own button (not at the page's top,
    // scrolled away) and in words, not the browser's "Failed to fetch". Then it goes through.
    await page.route('**/api/matches', (route) => route.abort('connectionrefused'), { times: 1 });
    await page.getByTestId('create-submit').click();
    const refusal = page.getByTestId('create-table').getByTestId('create-error');
    await expect
      .poll(() => refusal.textContent())
      .toBe('Could not reach the server. Check your connection, then try again.');
    expect(await refusal.evaluate((notice) => notice.getBoundingClientRect().top)).toBeGreaterThan(
      0,
    );
    // The refused request's own console line, which the browser writes.
    errors.splice(0, errors.length, ...errors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e)));
    await page.getByTestId('create-submit').click();
    await page.waitForURL(/\/match\//);
    await page.getByTestId('table').waitFor();
    await screenshot(page, 'cpu-game-1-dealt');

    const seen = new Set<string>();
    const shootOnce = async (testId: string, name: string) => {
      if (seen.has(name) || !(await page.getByTestId(testId).count())) return;
      seen.add(name);
      await screenshot(page, name);
    };
    // Set inside the play loop's callback, where the compiler cannot see it: typed by assertion.
    let tally = null as { why: string; rows: string[] } | null;
    const moves = await playUntilOver(page, async (count) => {
      if (count === 6) await screenshot(page, 'cpu-game-2-midway');
      await shootOnce('final-turn-banner', 'cpu-game-3-final-turns');
      await shootOnce('round-tally', 'cpu-game-4-tally');
      if (!tally && (await page.getByTestId('round-tally').count()))
        tally = await page.getByTestId('round-tally').evaluate((dialog) => ({
          why: dialog.querySelector('p')?.textContent ?? '',
          rows: [...dialog.querySelectorAll('th[scope=row]')].map(
            (th) => th.firstChild!.textContent!,
          ),
        }));
    });
    // The tally names the player as the scorecard and the standings do: "You", "Ada (you)".
    expect(tally).not.toBeNull();
    expect(tally!.rows.filter((row) => row === 'Ada (you)')).toHaveLength(1);
    expect(tally!.why).not.toMatch(/^Ada /);
    await screenshot(page, 'cpu-game-5-standings');
    // The focus moved to the news (the card it was on is gone): the next Tab is the rematch.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('standings-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Rematch/);
    // The ways on start where the standings start: one column, not buttons centred apart.
    const leftOf = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => Math.round(element.getBoundingClientRect().left));
    expect(await leftOf('[data-testid=standings] .actions > *')).toBe(
      await leftOf('[data-testid=standings] .standing-list'),
    );
    expect(moves).toBeGreaterThan(2);

    const meta = await matchOf(await referee(app.url, page), matchIdOf(page.url()));
    expect(meta.status).toBe('over');
    expect(bySeat(await standingsOnScreen(page))).toEqual(
      bySeat(meta.result?.standings ?? []).map(({ seat, place, score }) => ({
        seat,
        place,
        score,
      })),
    );
    const tie = (meta.result?.winners.length ?? 0) > 1;
    await expect
      .poll(() => page.getByTestId('standings-headline').textContent())
      .toMatch(tie ? /tie for first/i : / won /);

    // A rematch moves this page to the new match, and nothing of the last one carries over:
    // neither its standings nor the closing of its connection, shown as if it were an error.
    const finished = page.url();
    await page.getByTestId('rematch').click();
    await page.waitForURL((url) => url.toString() !== finished, { timeout: 30_000 });
    await page.locator('.mine .slot-active').first().waitFor();
    await screenshot(page, 'cpu-game-6-rematch');
    expect(await page.getByText('closed the connection').count()).toBe(0);
    expect(await page.getByTestId('standings').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 300_000);
});
