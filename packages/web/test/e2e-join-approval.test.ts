import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './browser/browser.ts';
import { playUntilOver } from './browser/play.ts';
import { matchIdOf } from './browser/referee.ts';
import { serveApp, type ServedApp } from './browser/server.ts';

const motion = { reducedMotion: 'reduce' as const };

describe('the host approves who joins', () => {
  let app: ServedApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Ada sets up a one-hole table for two with approval on; answers the room code. */
  async function hostTable(): Promise<{ host: WatchedPage; code: string }> {
    const host = await openPage(browser, app.url, motion);
    await host.page.getByTestId('player-name').fill('Ada');
    await host.page.getByText('Set up a table').click();
    await host.page.getByTestId('seat-count').selectOption('2');
    await host.page
      .getByTestId('seat-choice-1')
      .selectOption({ label: 'A friend (invite by code)' });
    await host.page.getByTestId('holes').fill('1');
    await host.page.getByLabel('Approve who joins').check();
    await host.page.getByLabel('Replays: anyone with the link').check();
    await host.page.getByTestId('create-submit').click();
    await host.page.getByTestId('lobby').waitFor();
    const code = (await host.page.getByTestId('room-code').textContent()) as string;
    return { host, code };
  }

  async function joinAs(name: string, code: string): Promise<WatchedPage> {
    const guest = await openPage(browser, app.url, motion);
    await guest.page.getByTestId('player-name').fill(name);
    await guest.page.getByTestId('join-code').fill(code);
    await guest.page.getByTestId('join-submit').click();
    await guest.page.waitForURL(/\/match\//);
    return guest;
  }

  it('the joiner waits until the host lets them in, then the match starts', async () => {
    const { host, code } = await hostTable();
    const guest = await joinAs('Bea', code);
    expect(matchIdOf(guest.page.url())).toBe(matchIdOf(host.page.url()));

    await expect
      .poll(() => guest.page.getByTestId('lobby-pending').textContent())
      .toContain('Waiting for the host to let you in');
    await expect
      .poll(() => host.page.getByTestId('lobby-seat-1').textContent())
      .toContain('waiting for your approval');
    await screenshot(host.page, 'join-approval-1-host-pending');
    // The guest sees no host controls.
    expect(await guest.page.getByTestId('approve-1').count()).toBe(0);

    const approve = host.page.getByTestId('approve-1');
    await approve.focus();
    await host.page.keyboard.press('Enter');
    for (const { page } of [host, guest]) await page.getByTestId('table').waitFor();

    await Promise.all([playUntilOver(host.page), playUntilOver(guest.page)]);
    const link = host.page.getByTestId('replay-link-copy');
    await expect.poll(() => link.inputValue()).toMatch(/\/replay\/[^?]+\?link=.+/);
    await screenshot(host.page, 'join-approval-2-replay-link');
    expect([...host.errors, ...guest.errors]).toEqual([]);
  }, 300_000);

  it('a joiner the host removes is told so', async () => {
    const { host, code } = await hostTable();
    const guest = await joinAs('Cy', code);
    await guest.page.getByTestId('lobby-pending').waitFor();

    await host.page.getByTestId('remove-1').click();
    await expect
      .poll(() => guest.page.getByTestId('lobby-removed').textContent())
      .toContain('The host removed you from this match.');
    await expect
      .poll(() => host.page.getByTestId('lobby-seat-1').getAttribute('data-state'))
      .toBe('open');
    await screenshot(guest.page, 'join-approval-3-removed');
    expect([...host.errors, ...guest.errors]).toEqual([]);
  }, 120_000);
});
