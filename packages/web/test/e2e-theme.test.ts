import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser/browser.ts';
import {
  contrastRatio,
  drawnColours,
  edgeContrast,
  luminance,
  placeholderContrast,
  textContrast,
} from './browser/contrast.ts';
import { childrenInOneLine, horizontalOverflow, smallTargets } from './browser/layout.ts';
import { signedInGuest } from './browser/seated.ts';
import { useServedApp } from './browser/served-app.ts';

const PASSWORD = 'first secret 4 cards';

/** The home page's key readings: body text, muted text, a link, the primary button. */
const HOME_TEXTS = {
  body: '#open-tables-title',
  muted: '.hero p',
  label: '.hero .field > span',
  link: '[data-testid=browse-tables]',
  primary: '[data-testid=play-now]',
};

const pageLuminance = async (page: Page) =>
  luminance((await drawnColours(page, 'body')).background);
const themeMark = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

/** Every key text on the home page reads at WCAG AA (4.5:1) against what is behind it. */
async function expectHomeReadable(page: Page) {
  await page.locator(HOME_TEXTS.link).waitFor();
  for (const [what, selector] of Object.entries(HOME_TEXTS))
    expect(await textContrast(page, selector), what).toBeGreaterThanOrEqual(4.5);
  // Placeholders too (the browser's own grey read 4.4:1 on the dark theme's field): the room
  // code's, and a guest's name field (an account is shown the name it plays under instead).
  const placeholders = ['[data-testid=join-code]'];
  if ((await page.locator('[data-testid=player-name]').count()) > 0)
    placeholders.push('[data-testid=player-name]');
  for (const selector of placeholders)
    expect(await placeholderContrast(page, selector), selector).toBeGreaterThanOrEqual(4.5);
}

describe('the light and dark themes', () => {
  const app = useServedApp();

  it('a guest picks Light from the header: the page turns light, readable, and stays so', async () => {
    const { page, errors } = await openPage(app.browser, `${app.url}/`, { colorScheme: 'dark' });
    // The system's scheme (dark here) by default: a dark page, readable.
    await expectHomeReadable(page);
    expect(await themeMark(page)).toBeUndefined();
    expect(await pageLuminance(page)).toBeLessThan(0.1);
    const darkText = (await drawnColours(page, HOME_TEXTS.body)).text;

    // Keyboard: the header's menu takes focus and a value.
    await page.getByLabel('Theme').focus();
    await page.getByLabel('Theme').selectOption('light');
    expect(await themeMark(page)).toBe('light');
    expect(await pageLuminance(page)).toBeGreaterThan(0.7);
    expect(
      contrastRatio((await drawnColours(page, HOME_TEXTS.body)).text, darkText),
    ).toBeGreaterThan(4.5);
    await expectHomeReadable(page);
    await screenshot(page, 'theme-1-home-light');

    // The next load: light from the head's script alone, before the app's bundle runs (the
    // page's Content-Security-Policy admits that inline script by its hash, and nothing else).
    await page.route('**/assets/*.js', (route) => route.abort());
    const reloaded = await page.reload();
    expect(reloaded?.headers()['content-security-policy']).toMatch(
      /script-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/,
    );
    expect(await themeMark(page)).toBe('light');
    expect(await pageLuminance(page)).toBeGreaterThan(0.7);
    await page.unroute('**/assets/*.js');
    await page.reload();
    await expectHomeReadable(page);
    expect(await page.getByLabel('Theme').inputValue()).toBe('light');

    // "Like my system" follows the system, live.
    await page.getByLabel('Theme').selectOption('system');
    expect(await themeMark(page)).toBeUndefined();
    expect(await pageLuminance(page)).toBeLessThan(0.1);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => pageLuminance(page)).toBeGreaterThan(0.7);
    await expectHomeReadable(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => pageLuminance(page)).toBeLessThan(0.1);

    // Dark forced on a light system.
    await page.getByLabel('Theme').selectOption('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await pageLuminance(page)).toBeLessThan(0.1);
    await expectHomeReadable(page);

    // On a phone the header is one line (it wrapped into three): the name, and a Menu button
    // that unfolds the theme menu and the account links, from the keyboard too.
    await page.setViewportSize({ width: 360, height: 740 });
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(await childrenInOneLine(page, '.account-bar')).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.getByLabel('Theme').isVisible()).toBe(false);
    await page.getByTestId('account-menu').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('account-menu').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('theme-setting');
    expect(await textContrast(page, '.account-links a')).toBeGreaterThanOrEqual(4.5);
    await screenshot(page, 'theme-1-phone-menu', false);
    // Escape folds it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('account-menu');
    expect(await page.getByLabel('Theme').isVisible()).toBe(false);

    // A guest's name reads whole there ("(guest)" cut it to "Guest 947 (g…"): a small tag
    // says guest instead, and a screen reader still hears "(guest)" after the name.
    const { session } = await signedInGuest(app.url, 'Guest 947');
    await page.evaluate(
      (value) => localStorage.setItem('cardtable.session', value),
      JSON.stringify(session),
    );
    await page.reload();
    const who = page.getByTestId('signed-in-as');
    await expect.poll(() => who.locator('.account-who-name').textContent()).toBe('Guest 947');
    expect(
      await who.locator('.account-who-name').evaluate((n) => n.scrollWidth > n.clientWidth),
    ).toBe(false);
    expect(await page.getByTestId('guest-tag').isVisible()).toBe(true);
    expect(await childrenInOneLine(page, '.account-bar')).toBe(true);
    expect(await who.ariaSnapshot()).toContain('Guest 947 (guest)');
    expect(await textContrast(page, '[data-testid=guest-tag]')).toBeGreaterThanOrEqual(4.5);
    await screenshot(page, 'theme-1-phone-guest', false);
    // Wider, it reads "(guest)" in words, no tag, and is heard the same.
    await page.setViewportSize({ width: 1024, height: 740 });
    const tagBorder = () =>
      page.getByTestId('guest-tag').evaluate((tag) => getComputedStyle(tag).borderTopStyle);
    expect(await tagBorder()).toBe('none');
    expect(await who.ariaSnapshot()).toContain('Guest 947 (guest)');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await tagBorder()).toBe('solid');
    // Only the bundle this test turned away failed to load.
    expect(errors.filter((e) => !/ERR_FAILED/.test(e))).toEqual([]);
  }, 120_000);

  it('a first visit: the header waits for the guest, every target is 24 px, the boxes show in both themes', async () => {
    const { page, errors, context } = await openPage(app.browser, 'about:blank', {
      colorScheme: 'dark',
    });
    // The guest is held back: while it is being made the header says nothing it will take back
    // ("Not signed in" flashed, then the guest's name).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/auth/guest', async (route) => {
      await held;
      await route.continue();
    });
    const asked = page.waitForRequest('**/api/auth/guest');
    await page.goto(`${app.url}/`);
    await asked;
    const who = page.getByTestId('signed-in-as');
    expect(await who.textContent()).not.toContain('Not signed in');
    expect(await page.getByRole('link', { name: /sign up/i }).count()).toBe(0);
    release();
    await expect.poll(() => who.locator('.account-who-name').textContent()).toMatch(/^Guest \d+$/);
    expect(await page.getByRole('link', { name: 'Keep your history: sign up' }).count()).toBe(1);
    // Left blank, the name field plays under that name: it says so (it said "Guest").
    expect(await page.getByTestId('player-name').getAttribute('placeholder')).toBe(
      await who.locator('.account-who-name').textContent(),
    );

    // Every target, the brand and the setup's boxes among them, is 24x24 at least (WCAG 2.5.8),
    // on a desktop and on a phone with its menu open.
    await page.getByText('Set up a table').click();
    expect(await smallTargets(page)).toEqual([]);
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      // The boxes are the page's own (the browser's unticked box was faint on dark), edged
      // 3:1 against the page, ticked or not.
      const box = '.choice input[type=checkbox]';
      expect(
        await page
          .locator(box)
          .first()
          .evaluate((b) => getComputedStyle(b).appearance),
      ).toBe('none');
      expect(await edgeContrast(page, box), `${colorScheme}: a box`).toBeGreaterThanOrEqual(3);
      await page.locator(box).first().check();
      expect(await edgeContrast(page, box), `${colorScheme}: ticked`).toBeGreaterThanOrEqual(3);
      await page.locator(box).first().uncheck();
      await screenshot(page, `theme-5-setup-${colorScheme}`);
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId('account-menu').click();
    expect(await smallTargets(page)).toEqual([]);

    // The lobby chat's word filter, a small box in small words, too.
    await page.goto(`${app.url}/tables/golf`);
    await page.getByTestId('chat-filter').waitFor();
    expect(await smallTargets(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    // An invite opened in a fresh browser asks for a name before any sign-in: the header says
    // "Not signed in" at once, waiting for no guest.
    const invited = await openPage(app.browser, `${app.url}/join/ABCDEF`);
    await invited.page.getByTestId('player-name').waitFor();
    expect(await invited.page.getByTestId('signed-in-as').textContent()).toBe('Not signed in');
    expect(invited.errors).toEqual([]);
    await invited.context.close();
  }, 90_000);

  it("an account's saved theme applies at once, and on another device after sign-in", async () => {
    const first = await openPage(app.browser, `${app.url}/signup`, { colorScheme: 'dark' });
    // Picked as a guest, before the account existed: the new account's form shows it.
    await first.page.getByLabel('Theme').selectOption('dark');
    await first.page.getByLabel('Username').fill('Daylight');
    await first.page.getByLabel('Email', { exact: true }).fill('daylight@example.com');
    await first.page.getByLabel('Password').fill(PASSWORD);
    await first.page.getByLabel('Password').press('Enter');
    await first.page.waitForURL(/\/account/);
    expect(await first.page.getByLabel('Theme').inputValue()).toBe('dark');
    await first.page.getByLabel('Theme').selectOption('light');
    // Not before it is saved.
    expect(await pageLuminance(first.page)).toBeLessThan(0.1);
    await first.page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => first.page.getByRole('status').allTextContents()).toContain('Saved.');
    expect(await themeMark(first.page)).toBe('light');
    expect(await pageLuminance(first.page)).toBeGreaterThan(0.7);
    for (const selector of ['#profile-title', '.account-who', '.account-bar a', '.primary'])
      expect(await textContrast(first.page, selector)).toBeGreaterThanOrEqual(4.5);
    await screenshot(first.page, 'theme-2-account-light');
    await first.context.close();

    // Another browser on a dark system: the account's Light comes with the sign-in.
    const { page, errors } = await openPage(app.browser, `${app.url}/login`, {
      colorScheme: 'dark',
    });
    await page.getByLabel('Username or email').fill('Daylight');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${app.url}/`);
    await expect.poll(() => themeMark(page)).toBe('light');
    await page.reload();
    expect(await themeMark(page)).toBe('light');
    await expectHomeReadable(page);
    expect(errors.filter((e) => !/401|400/.test(e))).toEqual([]);
  }, 180_000);

  it("the studio's fields can be found in both themes: edged 3:1, their words 4.5:1", async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors, context } = await openPage(app.browser, `${app.url}/studio`, {
        colorScheme,
      });
      const field = '.studio input[type=text], .studio input:not([type])';
      await page.locator(field).first().waitFor();
      await page.locator(field).first().fill('Tide');
      expect(await edgeContrast(page, field), `${colorScheme}: edge`).toBeGreaterThanOrEqual(3);
      expect(await textContrast(page, field), `${colorScheme}: text`).toBeGreaterThanOrEqual(4.5);
      await screenshot(page, `theme-4-studio-${colorScheme}`, false);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 60_000);

  it('the Golf table keeps its dark felt on a light page, and every part of it reads', async () => {
    const { page, errors } = await openPage(app.browser, `${app.url}/`, { colorScheme: 'dark' });
    await page.getByLabel('Theme').selectOption('light');
    await page.getByTestId('play-now').click();
    await page.waitForURL(/\/match\//);
    await page.locator('.mine .slot-active').first().waitFor({ timeout: 30_000 });
    expect(await themeMark(page)).toBe('light');
    expect(await pageLuminance(page)).toBeGreaterThan(0.7);
    expect(luminance((await drawnColours(page, '.felt')).background)).toBeLessThan(0.1);
    const texts = {
      'the prompt, on the felt': '.prompt > p:first-child',
      'a seat name, on the felt': '.seat-name',
      'the key help, muted on the felt': '.key-help',
      'the hole, muted on the page': '.topbar-title',
      'the scorecard, on a light panel': '.scorecard th',
    };
    for (const [what, selector] of Object.entries(texts))
      expect(await textContrast(page, selector), what).toBeGreaterThanOrEqual(4.5);
    await screenshot(page, 'theme-3-golf-table-light', false);

    // The leave confirmation's button reads in both themes (its text once matched its fill).
    for (const theme of ['light', 'dark']) {
      await page.evaluate((chosen) => {
        const stored = JSON.parse(localStorage.getItem('cardtable.settings') ?? '{}') as object;
        localStorage.setItem('cardtable.settings', JSON.stringify({ ...stored, theme: chosen }));
      }, theme);
      await page.reload();
      expect(await themeMark(page)).toBe(theme);
      await page.getByTestId('leave-table').click();
      expect(
        await textContrast(page, '[data-testid=confirm-leave]'),
        `${theme}: the Leave confirmation`,
      ).toBeGreaterThanOrEqual(4.5);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
