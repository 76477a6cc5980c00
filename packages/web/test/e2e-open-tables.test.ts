import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser/browser.ts';
import { useServedApp } from './browser/served-app.ts';
import { playUntilOver } from './browser/play.ts';
import { matchIdOf } from './browser/referee.ts';

const motion = { reducedMotion: 'reduce' as const };

describe('open tables in the browser', () => {
  const app = useServedApp();

  it('one opens a public table, another finds it in the list, joins with a click, both ready and play', async () => {
    // Bea watches the list before there is anything in it: the table shows up by itself.
    const bea = await openPage(app.browser, app.url, motion);
    await bea.page.getByTestId('player-name').fill('Bea');
    await bea.page.getByTestId('browse-tables').click();
    await bea.page.getByTestId('tables-empty').waitFor();

    const ada = await openPage(app.browser, app.url, motion);
    await ada.page.getByTestId('player-name').fill('Ada');
    await ada.page.getByText('Set up a table').click();
    await ada.page.getByTestId('seat-count').selectOption('2');
    await ada.page
      .getByTestId('seat-choice-1')
      .selectOption({ label: 'A friend (invite by code)' });
    await ada.page.getByTestId('holes').fill('1');
    await ada.page.getByLabel('Super Kings').check();
    // A guest cannot make a rated table, and the form says why.
    expect(await ada.page.getByTestId('rated').isDisabled()).toBe(true);
    expect(await ada.page.getByTestId('rated-why').textContent()).toContain('needs an account');
    await ada.page.getByTestId('listed').check();
    await ada.page.getByTestId('create-submit').click();
    await ada.page.getByTestId('lobby').waitFor();
    const matchId = matchIdOf(ada.page.url());

    const join = bea.page.getByTestId(`join-table-${matchId}`);
    await join.waitFor({ timeout: 30_000 });
    const row = await bea.page.getByTestId(`open-table-${matchId}`).textContent();
    expect(row).toContain('Ada’s table');
    expect(row).toContain('1 of 2 seated');
    expect(row).toContain('1 hole · 1 deck · Super Kings');
    expect(row).toContain('casual');
    await screenshot(bea.page, 'open-tables-1-list');
    await join.click();
    await bea.page.waitForURL(/\/match\//);
    expect(matchIdOf(bea.page.url())).toBe(matchId);

    // Full, but nobody is ready: it waits, and the host's start waits for Bea.
    await expect
      .poll(() => ada.page.getByTestId('lobby-seat-1').textContent())
      .toContain('not ready');
    expect(await ada.page.getByTestId('start-now').isDisabled()).toBe(true);
    await bea.page.getByTestId('ready-toggle').click();
    await expect.poll(() => ada.page.getByTestId('ready-tag-1').textContent()).toContain('ready');
    await screenshot(ada.page, 'open-tables-2-ready');
    const ready = ada.page.getByTestId('ready-toggle');
    await ready.focus();
    await ada.page.keyboard.press('Enter');

    for (const { page } of [ada, bea]) await page.getByTestId('table').waitFor();
    await Promise.all([playUntilOver(ada.page), playUntilOver(bea.page)]);
    await screenshot(bea.page, 'open-tables-3-over');
    expect([...ada.errors, ...bea.errors]).toEqual([]);
  }, 300_000);
});
