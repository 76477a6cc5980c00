import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser/browser.ts';
import { createBotMatch } from './browser/bot-match.ts';
import { openAs } from './browser/seated.ts';
import { standingsOnScreen } from './browser/play.ts';
import { bySeat, matchOf } from './browser/referee.ts';
import { useServedApp } from './browser/served-app.ts';
import { playGolf } from './fixtures/golf-match.ts';

const position = async (page: Page) => {
  const text = (await page.getByTestId('replay-position').textContent()) as string;
  const [at, of] = text.split('/').map((part) => Number(part.trim()));
  return { at: at as number, of: of as number };
};

describe('the replay viewer', () => {
  const app = useServedApp({ CPU_THINK_MS: '0' });

  it('steps through a finished match and ends on the same final scores', async () => {
    const match = await createBotMatch(app.url, ['Sofia', 'Diego']);
    await match.play();
    const meta = await matchOf(match.api, match.matchId);
    const expected = bySeat(meta.result?.standings ?? []).map(({ seat, place, score }) => ({
      seat,
      place,
      score,
    }));

    // Finished matches replay to their players (exports are private by default): watch as the bot.
    const { page, errors } = await openAs(
      app.browser,
      app.url,
      match.api.session!,
      `/replay/${match.matchId}`,
      { reducedMotion: 'reduce' },
    );
    await page.getByTestId('replay-position').waitFor();
    const start = await position(page);
    expect(start.at).toBe(0);
    expect(start.of).toBeGreaterThan(10);
    // Before the deal the table is full, and the replay's bar says so; the table's own line
    // says nothing of a deal under way (nothing is dealt until the viewer steps on).
    expect(await page.locator('.replay-bar .caption').textContent()).toBe(
      'The table before the deal.',
    );
    expect(await page.getByTestId('prompt').textContent()).not.toMatch(/Dealing/);
    await screenshot(page, 'replay-0-before-the-deal');

    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await position(page)).at).toBe(1);
    // After the deal every card is shown (the match is over), marked as face down.
    await expect.poll(() => page.locator('[data-face=peeked]').count()).toBeGreaterThan(0);
    await page.getByTestId('replay-next').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await position(page)).at).toBe(3);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await position(page)).at).toBe(2);
    await screenshot(page, 'replay-1-early');

    await page.getByTestId('replay-speed').selectOption('4');
    // Space in a focused select opens it; the shortcut belongs to the page.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(' ');
    await expect.poll(async () => (await position(page)).at).toBeGreaterThan(4);
    await page.keyboard.press(' ');
    await expect
      .poll(() => page.getByTestId('replay-play').getAttribute('data-playing'))
      .toBe('no');

    await page.keyboard.press('End');
    await expect.poll(async () => (await position(page)).at).toBe(start.of);
    expect(bySeat(await standingsOnScreen(page))).toEqual(expected);
    await screenshot(page, 'replay-2-end');
    // A players' own replay offers no link to share: its address would only refuse a friend.
    expect(await page.getByTestId('replay-share').count()).toBe(0);

    await page.keyboard.press('Home');
    await expect.poll(async () => (await position(page)).at).toBe(0);
    await expect(page.getByTestId('standings').count()).resolves.toBe(0);

    // Export, then import the file again: the same match from the file alone.
    const download = page.waitForEvent('download');
    await page.getByTestId('replay-export').click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({
      format: 'cardtable-replay',
      match: { matchId: match.matchId },
    });

    // Opened by the player again: the server checks a private match's file for its players only.
    const imported = await openAs(app.browser, app.url, match.api.session!, '/replay', {
      reducedMotion: 'reduce',
    });
    await imported.page.getByTestId('replay-import').setInputFiles(file);
    await imported.page.getByTestId('replay-position').waitFor();
    await imported.page.getByTestId('replay-end').click();
    expect(bySeat(await standingsOnScreen(imported.page))).toEqual(expected);
    // The server checks the opened file: its own record, unedited, is verified.
    const trust = imported.page.getByTestId('replay-trust');
    await expect.poll(() => trust.getAttribute('data-trust'), { timeout: 30_000 }).toBe('verified');

    // The same file with a player renamed still plays, marked unverified, with the reason.
    const edited = structuredClone(exported);
    edited.match.seats[0].name = 'Champion';
    const editedPath = join(tmpdir(), `edited-${match.matchId}.json`);
    writeFileSync(editedPath, JSON.stringify(edited));
    await imported.page.getByTestId('replay-import').setInputFiles(editedPath);
    await expect
      .poll(() => trust.getAttribute('data-trust'), { timeout: 30_000 })
      .toBe('unverified');
    expect(await trust.textContent()).toContain('match.seats');
    await screenshot(imported.page, 'replay-3-unverified');
    expect([...errors, ...imported.errors]).toEqual([]);
  }, 240_000);

  it('shows every hole score of a finished card on one line, inside its column (9 and 18 holes)', async () => {
    const { page, errors } = await openPage(app.browser, `${app.url}/replay`, {
      reducedMotion: 'reduce',
      viewport: { width: 1280, height: 800 },
    });
    for (const rounds of [9, 18]) {
      // Random legal moves score two digits a hole, the widest a Golf hole score usually gets.
      const { replay } = playGolf(`scorecard-${rounds}`, 4, { rounds });
      const path = join(tmpdir(), `scorecard-${rounds}.json`);
      writeFileSync(path, JSON.stringify(replay));
      // A fresh page for each file: the end button of the file before would not be this one's.
      await page.goto(`${app.url}/replay`);
      await page.getByTestId('replay-import').setInputFiles(path);
      await page.getByTestId('replay-end').click();
      await page.getByTestId('standings').waitFor();
      const cells = await page.locator('.scorecard td.hole').evaluateAll((tds) =>
        tds.map((td) => {
          const text = document.createRange();
          text.selectNodeContents(td);
          return {
            score: td.textContent ?? '',
            lines: text.getClientRects().length,
            spill: text.getBoundingClientRect().width - td.clientWidth,
          };
        }),
      );
      expect(cells).toHaveLength(rounds * 4);
      expect(cells.some(({ score }) => score.length >= 2)).toBe(true);
      for (const cell of cells) expect(cell, cell.score).toMatchObject({ lines: 1 });
      for (const cell of cells) expect(cell.spill, cell.score).toBeLessThanOrEqual(0.5);
      const card = page.getByTestId('scorecard');
      expect(
        await card.evaluate((t) => t.scrollWidth - (t.parentElement as HTMLElement).clientWidth),
      ).toBeLessThanOrEqual(1);
      // A seat marked "dealer" or "went out" is as wide with its tag as without: the tag sits on
      // the seat's edge (in its header it widened an opponent's seat past its cards by 80 px).
      const widened = await page.locator('.seat:has(.seat-tag)').evaluateAll((all) =>
        all.map((seat) => {
          const tags = seat.querySelector<HTMLElement>('.seat-tags')!;
          const width = seat.getBoundingClientRect().width;
          tags.style.display = 'none';
          const without = seat.getBoundingClientRect().width;
          tags.style.display = '';
          return width - without;
        }),
      );
      expect(widened.length).toBeGreaterThan(0);
      expect(widened).toEqual(widened.map(() => 0));
      await screenshot(page, `replay-scorecard-${rounds}-holes`);
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it('says a replay link to no match is to none, and leads back to the start', async () => {
    const { page, errors } = await openPage(app.browser, `${app.url}/replay/m_doesnotexist`, {
      reducedMotion: 'reduce',
    });
    await page.getByTestId('no-such-match').waitFor();
    // The heading takes the focus, so a screen reader says it at once.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('No such match');
    await screenshot(page, 'replay-no-such-match');
    await page.getByTestId('no-such-match-home').click();
    await page.getByTestId('player-name').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // The one error is the browser's own line for the server's 404 answer.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
  }, 60_000);
});
