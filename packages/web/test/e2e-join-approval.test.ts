import { describe, expect, it } from 'vitest';
import { screenshot } from './browser/browser.ts';
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

  it('a joiner who changes their mind leaves from the lobby, and the seat opens again', async () => {
    const { host, code } = await hostTable();
    const guest = await joinAs('Di', code);
    await guest.page.getByTestId('lobby-pending').waitFor();
    // The host has no such button: it is the joiner's own way out.
    expect(await host.page.getByTestId('lobby-leave').count()).toBe(0);

    await guest.page.getByTestId('lobby-leave').focus();
    await guest.page.keyboard.press('Enter');
    await guest.page.waitForURL(`${app.url}/`);
    await expect
      .poll(() => host.page.getByTestId('lobby-seat-1').getAttribute('data-state'))
      .toBe('open');
    expect([...host.errors, ...guest.errors]).toEqual([]);
  }, 120_000);
});
