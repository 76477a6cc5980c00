import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { atSpeed, screenshot } from './browser/browser.ts';
import { clickOneMove, playUntilOver } from './browser/play.ts';
import { createAs, openAs, openMatchAs, recordPrompts, signedInGuest } from './browser/seated.ts';
import { useServedApp } from './browser/served-app.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** The narrowest phone the app is laid out for. */
const SMALL_PHONE = { ...PHONE, viewport: { width: 360, height: 740 } };
const cpus = (n: number) =>
  Array.from({ length: n }, () => ({ kind: 'cpu' as const, profile: 'Marcus' }));

/** The seat whose turn it is on this page's table: the one that may draw from the deck. */
const canDraw = (page: Page) => page.locator('.pile-active[data-testid=deck]').count();

/** Whether the clock on this page is the viewer's own ('yes'), another seat's ('no'), or none. */
const mineOf = (page: Page) =>
  page
    .getByTestId('turn-timer')
    .getAttribute('data-mine', { timeout: 1000 })
    .catch(() => null);

/**
 * How the hole tally lays out: each "won the hole" tag against its row's name cell, and each
 * column header's lines (a line may end at a space or a soft hyphen, not inside a word).
 */
const tallyFits = (page: Page) =>
  page.locator('.tally').evaluate((table) => {
    const tags = [...table.querySelectorAll('th[scope=row] .seat-tag')];
    const tagsOutside = tags.flatMap((tag) => {
      const cell = (tag.closest('th') as HTMLElement).getBoundingClientRect();
      const box = tag.getBoundingClientRect();
      return box.left < cell.left - 0.5 || box.right > cell.right + 0.5 ? [tag.textContent] : [];
    });
    // A tag is one line of words (it wrapped into three on a 360 px phone).
    const tagsWrapped = tags.flatMap((tag) => {
      // Two lines would be near three times the font's size tall (1.45 each), one is 1.5.
      const twoLinesAtLeast = parseFloat(getComputedStyle(tag).fontSize) * 2.2;
      return tag.getBoundingClientRect().height > twoLinesAtLeast ? [tag.textContent] : [];
    });
    const headersCutInWords = [...table.querySelectorAll('thead th')].flatMap((th) => {
      const text = th.firstChild as Text;
      const range = document.createRange();
      const tops = [...(text.textContent ?? '')].map((_, i) => {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        // The last box: a range at a line's start also holds an empty box at the last line's end.
        const boxes = range.getClientRects();
        return boxes[boxes.length - 1]?.top ?? 0;
      });
      return tops.flatMap((top, i) =>
        i > 0 && top > (tops[i - 1] ?? top) + 1 && !/[\s\u00ad]/.test(text.data[i - 1] ?? '')
          ? [text.data]
          : [],
      );
    });
    // A header's words stay inside its cell ("Columns" ran into "Adjust-ments" at 360 px).
    const headersOverflowing = [...table.querySelectorAll('thead th')].flatMap((th) =>
      th.scrollWidth > th.clientWidth + 0.5 ? [th.textContent] : [],
    );
    return { tags: tags.length, tagsOutside, tagsWrapped, headersCutInWords, headersOverflowing };
  });

describe('the Golf table: clocks, phones, leaving', () => {
  const app = useServedApp();

  it('everyone sees the mover’s clock, it warns near the end, and a timeout is announced', async () => {
    const ada = await signedInGuest(app.url, 'Ada');
    const bo = await signedInGuest(app.url, 'Bo');
    const created = await createAs(ada.api, {
      game: 'golf',
      options: { rounds: 1, initialFlips: 0 },
      seats: [{ kind: 'human' }, { kind: 'human' }],
      // Short, so the test waits out seconds, not the 20 s it used to: under the 10 s at which
      // the clock warns, it warns from the start (where the warning begins is checked in
      // table-words.test.ts). An open table, so the clock starts only once both pages are open.
      turnTimeLimitMs: 6_000,
      listed: true,
    });
    const joined = await bo.api.joinMatch(created.code);
    expect(joined.ok).toBe(true);
    expect((await bo.api.setReady(created.matchId, true)).ok).toBe(true);
    const pages = await Promise.all(
      [ada, bo].map(async ({ session }) => {
        const watched = await openAs(app.browser, app.url, session, `/match/${created.matchId}`);
        await watched.page.getByTestId('lobby').waitFor({ timeout: 60_000 });
        return watched;
      }),
    );
    expect((await ada.api.startMatch(created.matchId)).ok).toBe(true);
    const [first, second] = pages.map((p) => p.page) as [Page, Page];
    // At the start of the turn both see the mover's clock: the mover as their own.
    await expect
      .poll(async () => `${await mineOf(first)},${await mineOf(second)}`, { timeout: 60_000 })
      .toMatch(/^(yes,no|no,yes)$/);
    const [mover, other] = (await mineOf(first)) === 'yes' ? [first, second] : [second, first];
    const moverName = mover === first ? 'Ada' : 'Bo';
    await expect.poll(() => canDraw(mover)).toBe(1);
    expect(await other.getByTestId('turn-timer').textContent()).toContain(moverName);
    await screenshot(mover, 'golf-clock-1-mover');

    // The mover does nothing: the clock warns, then the move is played and announced to both.
    await expect
      .poll(() => mover.getByTestId('turn-timer').getAttribute('data-low'), { timeout: 60_000 })
      .toBe('yes');
    await mover.getByTestId('timeout-notice').waitFor({ timeout: 60_000 });
    expect(await mover.getByTestId('timeout-notice').textContent()).toMatch(/your time ran out/i);
    await other.getByTestId('timeout-notice').waitFor({ timeout: 30_000 });
    expect(await other.getByTestId('timeout-notice').textContent()).toContain(moverName);
    await screenshot(mover, 'golf-clock-2-timed-out');

    // Now the other seat moves: the one who timed out sees that seat's running clock, not theirs.
    await expect.poll(() => canDraw(other), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => mover.getByTestId('turn-timer').getAttribute('data-mine')).toBe('no');
    expect(await mover.getByTestId('turn-timer').textContent()).not.toMatch(/\b0s\b/);
    for (const { errors } of pages) expect(errors).toEqual([]);
    await Promise.all(pages.map((p) => p.context.close()));
  }, 240_000);

  it('the hole tally holds the next clock: none runs while it shows, it starts after', async () => {
    const ada = await signedInGuest(app.url, 'Ada');
    const created = await createAs(ada.api, {
      game: 'golf',
      // Three holes: on a slow machine the loop below may miss a tally (it shows for the
      // tally time only), and a tally with no next hole has no clock to hold.
      options: { rounds: 3, initialFlips: 0 },
      seats: [{ kind: 'human' }, ...cpus(1)],
      turnTimeLimitMs: 120_000,
    });
    // The hole is only the way to its tally: its flights are not waited out (the tally still
    // shows for the tally time at any speed).
    const watched = await openMatchAs(
      app.browser,
      app.url,
      ada.session,
      created.matchId,
      atSpeed(app.url, 'instant'),
    );
    const { page } = watched;
    const tally = page.getByTestId('round-tally');
    // Counts the moves made, not the looks: while cards fly there is nothing to click.
    for (let moves = 0; (await tally.count()) === 0;) {
      expect(moves).toBeLessThan(400);
      if ((await clickOneMove(page)) !== 'wait') moves++;
      await page.waitForTimeout(50);
    }
    expect(await tally.textContent()).not.toContain('Hole 3 tally');
    // The server holds the next hole's clock for the tally time: the table shows none meanwhile.
    expect(await page.getByTestId('turn-timer').count()).toBe(0);
    await screenshot(page, 'golf-clock-3-tally-holds-clock');
    await page.getByTestId('tally-continue').click();
    await page.getByTestId('turn-timer').waitFor({ timeout: 60_000 });
    const seconds = Number(
      /(\d+)s/.exec((await page.getByTestId('turn-timer').textContent()) ?? '')?.[1],
    );
    // It started when the tally time was over, not when the hole ended.
    expect(seconds).toBeGreaterThan(100);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  }, 300_000);

  it('on a phone a full table keeps your cards on screen and every hole and the total fit', async () => {
    const ada = await signedInGuest(app.url, 'Ada');
    const created = await createAs(ada.api, {
      game: 'golf',
      options: { rounds: 9, initialFlips: 2 },
      seats: [{ kind: 'human' }, ...cpus(5)],
    });
    const watched = await openMatchAs(app.browser, app.url, ada.session, created.matchId, PHONE);
    const { page } = watched;
    const choice = page.locator('.mine .slot-active[aria-pressed=false]');
    await choice.first().waitFor({ timeout: 30_000 });
    await choice.first().click();
    await choice.first().click();
    await page.locator('.pile-active[data-testid=deck]').waitFor({ timeout: 90_000 });
    const mine = await page.locator('.mine').boundingBox();
    expect(mine).not.toBeNull();
    expect((mine?.y ?? 0) + (mine?.height ?? 0)).toBeLessThanOrEqual(844);
    await screenshot(page, 'golf-phone-1-six-seats');

    const overflow = await page
      .getByTestId('scorecard')
      .evaluate((table) => table.scrollWidth - (table.parentElement as HTMLElement).clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const total = await page.getByTestId('total-0').boundingBox();
    expect((total?.x ?? 999) + (total?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  }, 240_000);

  it('a phone game to the end: tally fits, previews show on touch, standings come into view', async () => {
    const ada = await signedInGuest(app.url, 'Ada');
    const created = await createAs(ada.api, {
      game: 'golf',
      options: { rounds: 1, initialFlips: 2 },
      seats: [{ kind: 'human' }, ...cpus(3)],
    });
    // At the fast speed: every step still plays and shows its prompt, in half the time.
    const watched = await openMatchAs(app.browser, app.url, ada.session, created.matchId, {
      ...SMALL_PHONE,
      ...atSpeed(app.url, 'fast'),
    });
    const { page } = watched;
    const prompts = await recordPrompts(watched);
    let tallyOverflow: number | null = null;
    // Set inside the play loop's callback, where the compiler cannot see it: typed by assertion.
    let tallyLayout = null as Awaited<ReturnType<typeof tallyFits>> | null;
    let badgeOpacity: string | null = null;
    await playUntilOver(page, async () => {
      if (tallyOverflow === null && (await page.getByTestId('round-tally').count())) {
        tallyOverflow = await page
          .locator('.tally')
          .evaluate(
            (table) => table.scrollWidth - (table.parentElement as HTMLElement).clientWidth,
          );
        tallyLayout = await tallyFits(page);
        await screenshot(page, 'golf-phone-2-tally');
      }
      const badge = page.locator('.mine .slot-badge').first();
      if (badgeOpacity === null && (await badge.count())) {
        badgeOpacity = await badge.evaluate((element) => getComputedStyle(element).opacity);
        await screenshot(page, 'golf-phone-3-touch-preview');
      }
    });
    await screenshot(page, 'golf-phone-4-standings');
    expect(tallyOverflow).not.toBeNull();
    expect(tallyOverflow).toBeLessThanOrEqual(1);
    // The hole winner's tag stays in the name's column, and no header is cut inside a word.
    expect(tallyLayout?.tags).toBeGreaterThan(0);
    expect(tallyLayout?.tagsOutside).toEqual([]);
    expect(tallyLayout?.tagsWrapped).toEqual([]);
    expect(tallyLayout?.headersCutInWords).toEqual([]);
    expect(tallyLayout?.headersOverflowing).toEqual([]);
    if (badgeOpacity !== null) expect(badgeOpacity).toBe('1');
    const standings = await page.getByTestId('standings').boundingBox();
    expect(standings).not.toBeNull();
    expect(standings?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(standings?.y ?? 999).toBeLessThan(SMALL_PHONE.viewport.height);
    const seen = await prompts();
    expect(seen).not.toContain('Dealing the first hole…');
    expect(seen).not.toContain('Your turn: draw from the deck.');
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  }, 300_000);

  it('a laptop’s 1280x800 window holds the whole table; names take the room there is, a long one read whole on the scorecard', async () => {
    const ada = await signedInGuest(app.url, 'Ada');
    const longName = 'Bartholomew Fitzgerald-Montgomery III';
    const created = await createAs(ada.api, {
      game: 'golf',
      options: { rounds: 9, initialFlips: 2 },
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'Marcus', name: longName }, ...cpus(2)],
    });
    const watched = await openMatchAs(app.browser, app.url, ada.session, created.matchId, {
      viewport: { width: 1280, height: 800 },
    });
    const { page } = watched;
    // Where the table ends and the page has scrolled to, at each kind of moment of a turn.
    const fits = async () =>
      page.evaluate(() => ({
        bottom: Math.round(
          document.querySelector('[data-testid=table]')!.getBoundingClientRect().bottom,
        ),
        scrolled: window.scrollY,
      }));
    const seen = [];
    const choice = page.locator('.mine .slot-active[aria-pressed=false]');
    await choice.first().waitFor({ timeout: 30_000 });
    seen.push(await fits());
    await choice.first().click();
    await choice.first().click();
    await page.locator('.pile-active[data-testid=deck]').waitFor({ timeout: 90_000 });
    seen.push(await fits());
    await page.locator('.pile-active[data-testid=deck]').click();
    await page.locator('.mine .slot-active').first().waitFor();
    seen.push(await fits());
    await screenshot(page, 'golf-laptop-1280x800', false);
    for (const moment of seen) expect(moment).toEqual({ bottom: expect.any(Number), scrolled: 0 });
    expect(Math.max(...seen.map((moment) => moment.bottom))).toBeLessThanOrEqual(800);

    // The long name is cut in the names column: it can be tabbed to (or tapped), and focused it
    // shows whole, inside the scorecard; the short ones are whole already and no stop for Tab.
    const names = page.locator('[data-testid=scorecard] .score-name');
    const cut = names.filter({ hasText: longName });
    expect(await cut.getAttribute('tabindex')).toBe('0');
    expect(
      await names
        .filter({ hasNotText: longName })
        .evaluateAll((all) => all.map((n) => n.getAttribute('tabindex'))),
    ).toEqual([null, null, null]);
    const shown = () =>
      cut.evaluate((name) => {
        const box = name.getBoundingClientRect();
        const card = name.closest('section')!.getBoundingClientRect();
        return {
          whole:
            name.scrollWidth <= name.clientWidth + 0.5 &&
            name.scrollHeight <= name.clientHeight + 0.5,
          inside: box.left >= card.left - 0.5 && box.right <= card.right + 0.5,
        };
      });
    expect((await shown()).whole).toBe(false);
    await cut.focus();
    expect(await shown()).toEqual({ whole: true, inside: true });
    await screenshot(page, 'golf-laptop-long-name', false);
    // On the felt the long name takes the room of its seat's share of the row: its seat is
    // wider than its cards (the other seats' width), and the seats still keep to one row (the
    // table fitted the window above).
    const seatWidth = (seat: number) =>
      page
        .getByTestId(`seat-${seat}`)
        .evaluate((element) => Math.round(element.getBoundingClientRect().width));
    expect(await seatWidth(1)).toBeGreaterThan((await seatWidth(2)) + 40);
    expect(watched.errors).toEqual([]);
    await watched.context.close();

    // A two-player table of nine holes: the one opponent's name, a guest's, reads whole on the
    // felt and on the scorecard (it read "Gues…" with room to spare).
    const pair = await createAs(ada.api, {
      game: 'golf',
      options: { rounds: 9, initialFlips: 2 },
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'Marcus', name: 'Guest 947' }],
    });
    const two = await openMatchAs(app.browser, app.url, ada.session, pair.matchId, {
      viewport: { width: 1280, height: 800 },
    });
    const onFelt = two.page.locator('[data-testid=seat-1] .seat-name-text');
    expect(
      await onFelt.evaluate(
        (name) =>
          name.scrollWidth <= name.clientWidth + 0.5 &&
          name.scrollHeight <= name.clientHeight + 0.5,
      ),
    ).toBe(true);
    const onCard = two.page.locator('[data-testid=scorecard] [data-seat-name="1"]');
    expect(await onCard.textContent()).toBe('Guest 947');
    expect(await onCard.getAttribute('data-cut')).toBeNull();
    await screenshot(two.page, 'golf-laptop-two-players', false);
    expect(two.errors).toEqual([]);
    await two.context.close();
  }, 240_000);

  it('leave and resign: the other player is told, and a resignation ends the game', async () => {
    const ada = await signedInGuest(app.url, 'Ada');
    const bo = await signedInGuest(app.url, 'Bo');
    const created = await createAs(ada.api, {
      game: 'golf',
      // Nine holes: the desktop scorecard must show every one and the total.
      options: { initialFlips: 0 },
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'human' }],
    });
    const cy = await signedInGuest(app.url, 'Cy');
    for (const guest of [bo, cy]) expect((await guest.api.joinMatch(created.code)).ok).toBe(true);
    const pages = await Promise.all(
      [ada, bo, cy].map((guest) =>
        openMatchAs(app.browser, app.url, guest.session, created.matchId),
      ),
    );
    const [adaPage, boPage, cyPage] = pages.map((p) => p.page) as [Page, Page, Page];
    await screenshot(adaPage, 'golf-desktop-1-three-players');
    const card = adaPage.getByTestId('scorecard');
    expect(
      await card.evaluate((t) => t.scrollWidth - (t.parentElement as HTMLElement).clientWidth),
    ).toBeLessThanOrEqual(1);
    const side = await adaPage.locator('[aria-labelledby=scorecard-title]').boundingBox();
    const total = await adaPage.getByTestId('total-0').boundingBox();
    expect((total?.x ?? 9999) + (total?.width ?? 0)).toBeLessThanOrEqual(
      (side?.x ?? 0) + (side?.width ?? 0) + 1,
    );

    // Cy asks to leave and changes his mind with Escape: the question goes, and the focus is
    // back on Leave (it fell to the page's start).
    await cyPage.getByTestId('leave-table').click();
    await cyPage.getByTestId('confirm-leave').waitFor();
    await cyPage.keyboard.press('Escape');
    await cyPage.getByTestId('confirm-leave').waitFor({ state: 'detached' });
    await expect
      .poll(() => cyPage.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('leave-table');
    // Cy leaves: the others are told the table plays Cy's turns now.
    await cyPage.keyboard.press('Enter');
    await cyPage.getByTestId('confirm-leave').click();
    await cyPage.waitForURL((url) => !url.pathname.startsWith('/match/'));
    for (const page of [adaPage, boPage]) {
      await expect
        .poll(() => page.locator('[data-testid=seat-notice][data-kind=away]').textContent(), {
          timeout: 30_000,
        })
        .toContain('Cy left the table');
    }

    // Bo resigns: the game is over and Ada is told why.
    await boPage.getByTestId('resign').click();
    await boPage.getByTestId('confirm-resign').click();
    await adaPage.getByTestId('standings').waitFor({ timeout: 30_000 });
    // The game-over panel says so, in words, once: no notice above the table repeats it.
    expect(await adaPage.getByTestId('standings-why').textContent()).toBe('Bo resigned.');
    expect(await adaPage.getByText('Bo resigned').count()).toBe(1);
    await screenshot(adaPage, 'golf-desktop-2-resigned');
    for (const { errors } of pages) expect(errors).toEqual([]);
    await Promise.all(pages.map((p) => p.context.close()));
  }, 240_000);
});

describe('the Golf table: opening picks against CPUs that take their time', () => {
  // CPUs think for a second, so their opening flips play while the person is still choosing.
  const app = useServedApp({ CPU_THINK_MS: '1000' });

  it('an opening pick sticks while CPUs flip, and the second completes the flip', async () => {
    const ada = await signedInGuest(app.url, 'Ada');
    const created = await createAs(ada.api, {
      game: 'golf',
      options: { rounds: 1, initialFlips: 2 },
      seats: [{ kind: 'human' }, ...cpus(3)],
    });
    const watched = await openMatchAs(app.browser, app.url, ada.session, created.matchId);
    const { page } = watched;
    const prompts = await recordPrompts(watched);
    const choice = page.locator('.mine .slot-active[aria-pressed]');
    await choice.first().waitFor({ timeout: 30_000 });
    await page.getByTestId('slot-0-0').click();
    // A CPU's opening flip plays (its cards turn up) while this seat is still choosing.
    await page.locator('.opponents [data-face=up]').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('slot-0-0').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('5');
    // Keys pressed at once after the pick that completed the flip: the LEGAL in hand is still the
    // one before it, which offers an opening flip, so the cards must not listen until the next
    // one (taking a pick back and making another sent a second flip, refused with "The table
    // changed just before your move arrived").
    for (const key of ['5', '2', '5', '3', '5', '4']) await page.keyboard.press(key);
    await expect
      .poll(() => page.locator('.mine [data-testid^=slot-0-][data-face=up]').count(), {
        timeout: 30_000,
      })
      .toBe(2);
    expect(await page.getByTestId('action-error').count()).toBe(0);
    const seen = await prompts();
    const chose = seen.findIndex((text) => text.startsWith('Choose 2 cards'));
    expect(chose).toBeGreaterThanOrEqual(0);
    expect(seen.slice(0, chose).some((text) => text.startsWith('Waiting for'))).toBe(false);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  }, 180_000);
});
