import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser/browser.ts';
import { useServedApp } from './browser/served-app.ts';

const ADMIN_PASSWORD = 'moderate 4 the chat';

const chatTexts = (page: Page) =>
  page.getByTestId('chat-log').getByTestId('chat-message').locator('.chat-text').allTextContents();

/** The vertical space, in CSS pixels, between the table chat's parts around its notice. */
const chatGaps = (page: Page) =>
  page.getByTestId('chat').evaluate((panel) => {
    const box = (selector: string) => panel.querySelector(selector)!.getBoundingClientRect();
    const [header, log, notice, form] = [
      '.chat-header',
      '.chat-log',
      '[data-testid=chat-error]',
      '.chat-form',
    ].map(box) as [DOMRect, DOMRect, DOMRect, DOMRect];
    return {
      aboveLog: Math.round(log.top - header.bottom),
      aboveNotice: Math.round(notice.top - log.bottom),
      belowNotice: Math.round(form.top - notice.bottom),
    };
  });

describe('chat at a Golf table', () => {
  const app = useServedApp({
    ADMIN_USERNAME: 'root',
    ADMIN_EMAIL: 'root@example.com',
    ADMIN_PASSWORD,
  });

  it('two players chat and send an emote; one mutes the other and reports a message a moderator then sees', async () => {
    const motion = { reducedMotion: 'reduce' as const };
    const host = await openPage(app.browser, app.url, motion);
    await host.page.getByTestId('player-name').fill('Ada');
    await host.page.getByText('Set up a table').click();
    await host.page.getByTestId('seat-count').selectOption('2');
    await host.page
      .getByTestId('seat-choice-1')
      .selectOption({ label: 'A friend (invite by code)' });
    await host.page.getByTestId('holes').fill('1');
    await host.page.getByTestId('create-submit').click();
    await host.page.getByTestId('lobby').waitFor();
    // The table's lobby has its chat before anyone else sits down.
    await host.page.getByTestId('chat-input').fill('Waiting for you, Bea');
    await host.page.getByTestId('chat-input').press('Enter');
    await expect.poll(() => chatTexts(host.page)).toEqual(['Waiting for you, Bea']);
    const code = (await host.page.getByTestId('room-code').textContent()) as string;

    const guest = await openPage(app.browser, app.url, motion);
    await guest.page.getByTestId('player-name').fill('Bea');
    await guest.page.getByTestId('join-code').fill(code);
    await guest.page.getByTestId('join-submit').click();
    for (const { page } of [host, guest]) await page.getByTestId('table').waitFor();

    // The lobby's chat is the table's: Bea finds it there.
    await expect.poll(() => chatTexts(guest.page)).toEqual(['Waiting for you, Bea']);
    await guest.page.getByTestId('chat-input').fill('Hi Ada! well shiiit, good luck');
    await guest.page.getByTestId('chat-send').click();
    // What people write is isolated from what surrounds it (a U+202E in it reorders nothing else).
    expect(
      await guest.page
        .getByTestId('chat-message')
        .first()
        .evaluate((li) =>
          [...li.querySelectorAll('.chat-name, .chat-text')].map(
            (e) => getComputedStyle(e).unicodeBidi,
          ),
        ),
    ).toEqual(['isolate', 'isolate']);
    // Ada's word filter is on (the default): the word is masked for her.
    await expect
      .poll(() => chatTexts(host.page))
      .toEqual(['Waiting for you, Bea', 'Hi Ada! well ******, good luck']);
    // A line with Mute and Report (Bea's) is as tall as one without (Ada's own): evenly spaced.
    const lineHeights = await host.page
      .getByTestId('chat-message')
      .evaluateAll((lines) => lines.map((line) => Math.round(line.getBoundingClientRect().height)));
    expect(lineHeights).toEqual([lineHeights[0], lineHeights[0]]);

    // A quick emote, from the keyboard: a bubble at Ada's seat on Bea's screen.
    await host.page.getByTestId('emote-gg').focus();
    await host.page.keyboard.press('Enter');
    const bubble = guest.page.getByTestId('seat-0').getByTestId('emote-bubble');
    await expect.poll(() => bubble.textContent()).toContain('Good game!');
    await screenshot(guest.page, 'chat-1-emote-bubble');

    // Ada reports Bea's message from the keyboard, then mutes her. The reason field takes the
    // focus, Escape gives it back to Report, Enter sends.
    const focused = () =>
      host.page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    const beasMessage = host.page.locator('[data-testid=chat-message][data-user=Bea]');
    await beasMessage.getByTestId('chat-report').focus();
    await host.page.keyboard.press('Enter');
    expect(await focused()).toBe('chat-report-reason');
    // On a phone the form wraps under the message and no button's word is cut in two.
    await host.page.setViewportSize({ width: 390, height: 844 });
    const cancelLines = await beasMessage.getByTestId('chat-report-cancel').evaluate((button) => {
      const range = document.createRange();
      range.selectNodeContents(button);
      return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
    });
    expect(cancelLines).toBe(1);
    await screenshot(host.page, 'chat-2-reporting-phone', false);
    await host.page.setViewportSize({ width: 1280, height: 860 });
    await host.page.keyboard.press('Escape');
    expect(await focused()).toBe('chat-report');
    expect(await beasMessage.getByTestId('chat-report-reason').count()).toBe(0);
    await host.page.keyboard.press('Enter');
    await host.page.keyboard.type('language');
    await host.page.keyboard.press('Enter');
    await beasMessage.getByTestId('chat-reported').waitFor();
    await screenshot(host.page, 'chat-2-reported');
    await beasMessage.getByTestId('chat-mute').click();
    await expect.poll(() => chatTexts(host.page)).toEqual(['Waiting for you, Bea']);
    await guest.page.getByTestId('chat-input').fill('Still there?');
    await guest.page.getByTestId('chat-send').click();
    await expect.poll(async () => (await chatTexts(guest.page)).at(-1)).toBe('Still there?');
    await host.page.getByTestId('chat-input').fill('Playing on');
    await host.page.getByTestId('chat-send').click();
    await expect.poll(async () => (await chatTexts(guest.page)).at(-1)).toBe('Playing on');
    expect(await chatTexts(host.page)).toEqual(['Waiting for you, Bea', 'Playing on']);
    expect(await host.page.getByTestId('chat-muted').textContent()).toContain('Bea');

    // A moderator (the bootstrap admin) finds the report, with the words as written.
    // Opened before logging in, the page says who it is for and leads to the login.
    const moderator = await openPage(app.browser, `${app.url}/moderation`);
    await moderator.page.getByTestId('moderation-signed-out').getByRole('link').click();
    await moderator.page.getByLabel('Username or email').fill('root');
    await moderator.page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await moderator.page.getByRole('button', { name: 'Log in' }).click();
    await moderator.page.waitForURL(`${app.url}/`);
    await moderator.page.getByTestId('moderation-link').click();
    const report = moderator.page.getByTestId('report');
    await expect
      .poll(() => report.getByTestId('report-text').textContent())
      .toBe('Hi Ada! well shiiit, good luck');
    expect(await report.textContent()).toContain('Reported by Ada: “language”');
    // The table in words a moderator reads, its match id at hand to copy, and a way there.
    const matchId = decodeURIComponent(new URL(host.page.url()).pathname.split('/').at(-1)!);
    await expect
      .poll(() => report.getByTestId('report-table').textContent())
      .toMatch(/^The table: Golf with Ada and Bea, started \S.*\. Open the table$/);
    expect(await report.getByTestId('report-match-id').inputValue()).toBe(matchId);
    expect(await report.getByTestId('report-open-table').getAttribute('href')).toBe(
      `/match/${matchId}`,
    );
    await screenshot(moderator.page, 'chat-3-moderation');
    // Dealt with by silencing Bea in chat for a day: she is told until when, and can play on.
    await report.getByRole('button', { name: 'Silence Bea for 24 hours' }).click();
    await expect.poll(() => moderator.page.getByTestId('report').count()).toBe(0);
    // The page says what was done, and the focus (its button gone) is on those words.
    const done = moderator.page.getByTestId('moderation-done');
    await expect
      .poll(() => done.textContent())
      .toBe('Bea is silenced in chat for 24 hours; the report is resolved.');
    expect(await done.evaluate((element) => element === document.activeElement)).toBe(true);
    await guest.page.getByTestId('chat-input').fill('Can anyone hear me?');
    await guest.page.getByTestId('chat-send').click();
    await expect
      .poll(() => guest.page.getByTestId('chat-error').textContent())
      .toMatch(/A moderator silenced you in chat until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    // The notice sits in the panel's rhythm: as far from the log above it and the field below
    // it as the log is from the panel's heading (its own margins once doubled the space).
    const gaps = await chatGaps(guest.page);
    expect(gaps).toEqual({
      aboveLog: gaps.aboveLog,
      aboveNotice: gaps.aboveLog,
      belowNotice: gaps.aboveLog,
    });
    await screenshot(guest.page, 'chat-3-silenced-notice', false);
    expect(await chatTexts(host.page)).toEqual(['Waiting for you, Bea', 'Playing on']);

    // The resolved report says so, and the silence can be lifted early.
    await moderator.page.getByTestId('report-status').selectOption('resolved');
    const resolved = moderator.page.getByTestId('report');
    await expect
      .poll(() => resolved.getByTestId('report-resolution').textContent())
      .toContain('silenced in chat for 24 hours');
    expect(await resolved.getByTestId('report-silenced').textContent()).toContain(
      'Bea is silenced in chat until',
    );
    await screenshot(moderator.page, 'chat-4-silenced');
    await resolved.getByRole('button', { name: 'Lift the silence' }).click();
    await expect.poll(() => resolved.getByTestId('report-silenced').count()).toBe(0);
    await guest.page.getByTestId('chat-input').fill('Thanks, back again');
    await guest.page.getByTestId('chat-send').click();
    await expect.poll(async () => (await chatTexts(guest.page)).at(-1)).toBe('Thanks, back again');
  }, 240_000);
});
