import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser/browser.ts';
import { hostInviteTable, joinByCode } from './browser/invite.ts';
import { playUntilOver } from './browser/play.ts';
import { matchIdOf } from './browser/referee.ts';
import { useServedApp } from './browser/served-app.ts';

const motion = { reducedMotion: 'reduce' as const };

describe('the host approves who joins', () => {
  const app = useServedApp();

  const hostTable = () =>
    hostInviteTable(app, { approve: true, publicReplays: true, page: motion });
  const joinAs = (name: string, code: string) => joinByCode(app, name, code, motion);

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
    // The replay page hands on the same link, one that shows it to others (not its bare address).
    const shared = await link.inputValue();
    await host.page.goto(shared.replace(/\?.*/, ''));
    await expect.poll(() => host.page.getByTestId('replay-share').inputValue()).toBe(shared);
    // A friend given the link watches it, and the page's every request shows the link: the
    // match's details asked for without it were a 404 in the friend's console.
    const friend = await openPage(app.browser, app.url, motion);
    const details = friend.page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname ===
        new URL(shared).pathname.replace('/replay/', '/api/matches/'),
    );
    await friend.page.goto(shared);
    expect((await details).status()).toBe(200);
    await expect.poll(() => friend.page.getByTestId('replay-share').inputValue()).toBe(shared);
    expect([...host.errors, ...guest.errors, ...friend.errors]).toEqual([]);
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

  it('a joiner who changes their mind leaves; the host closes the table, and who waits is told', async () => {
    const { host, code } = await hostTable();
    const guest = await joinAs('Di', code);
    await guest.page.getByTestId('lobby-pending').waitFor();
    // The host has no such button: it is the joiner's own way out (the host's is closing).
    expect(await host.page.getByTestId('lobby-leave').count()).toBe(0);
    expect(await guest.page.getByTestId('close-table').count()).toBe(0);

    await guest.page.getByTestId('lobby-leave').focus();
    await guest.page.keyboard.press('Enter');
    await guest.page.waitForURL(`${app.url}/`);
    await expect
      .poll(() => host.page.getByTestId('lobby-seat-1').getAttribute('data-state'))
      .toBe('open');

    const next = await joinAs('Ed', code);
    await next.page.getByTestId('lobby-pending').waitFor();
    // Closing asks first; Escape keeps the table open, the focus back on the button.
    const close = host.page.getByTestId('close-table');
    await close.focus();
    await host.page.keyboard.press('Enter');
    const confirm = host.page.getByTestId('close-table-confirm');
    await expect.poll(() => confirm.textContent()).toContain('The player seated here is sent back');
    await screenshot(host.page, 'join-approval-4-close-confirm');
    await host.page.keyboard.press('Escape');
    await expect
      .poll(() => close.evaluate((button) => button === document.activeElement))
      .toBe(true);
    await host.page.keyboard.press('Enter');
    // "Keep it open" has the focus: the close itself is one step back.
    await host.page.keyboard.press('Shift+Tab');
    await host.page.keyboard.press('Enter');
    // The host is told it is done, the heading taking the focus, and goes on from there.
    const hostClosed = host.page.getByTestId('table-closed');
    await expect.poll(() => hostClosed.getAttribute('data-reason')).toBe('closed');
    expect(await host.page.getByTestId('table-closed-why').textContent()).toBe(
      'You closed this table before the game started.',
    );
    await expect
      .poll(() => host.page.evaluate(() => document.activeElement?.id))
      .toBe('table-closed-title');
    await host.page.getByTestId('table-closed-home').click();
    await host.page.waitForURL(`${app.url}/`);
    // Home offers no way back to a table that is gone.
    expect(await host.page.getByTestId('back-to-table').count()).toBe(0);

    const closed = next.page.getByTestId('table-closed');
    await expect.poll(() => closed.getAttribute('data-reason')).toBe('closed');
    expect(await next.page.getByTestId('table-closed-why').textContent()).toBe(
      'The host closed this table before the game started.',
    );
    expect(await next.page.getByTestId('standings').count()).toBe(0);
    await screenshot(next.page, 'join-approval-5-table-closed');
    expect([...host.errors, ...guest.errors, ...next.errors]).toEqual([]);
  }, 180_000);
});
