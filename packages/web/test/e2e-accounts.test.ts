import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './browser/browser.ts';
import { startTestIdp, type TestIdp } from '../../server/test/helpers/oidc-idp.ts';
import { serveApp, type ServedApp } from './browser/server.ts';
import { useServedApp } from './browser/served-app.ts';

const PASSWORD = 'first secret 4 cards';
const NEW_PASSWORD = 'second secret 5 cards';
/** Long enough to run past the profile panel's edge on a phone unless it breaks. */
const EMAIL = 'tester.of.cardtable@example.com';

/** Opens the dev mailbox and follows the newest link to `page` (verify-email or reset-password). */
async function followMailedLink(page: Page, baseUrl: string, path: string) {
  await page.goto(`${baseUrl}/dev/mail`);
  await page.locator(`a[href*="${path}?token="]`).first().click();
  await page.waitForURL(new RegExp(path));
}

const sessionUserId = (page: Page) =>
  page.evaluate(
    () =>
      (
        JSON.parse(localStorage.getItem('cardtable.session') ?? 'null') as {
          user: { id: string };
        } | null
      )?.user.id,
  );

describe('accounts in the browser', () => {
  // The embedded database and no SMTP: mail lands in the dev mailbox at /dev/mail.
  const app = useServedApp();

  it('signs up, verifies through the dev mailbox, logs out, resets the password and logs in', async () => {
    const { page, errors } = await openPage(app.browser, `${app.url}/signup`);
    // Sent blank, the form says what is missing at each field at once, in words (not the
    // server schema's "Invalid /username: Expected string length…"), and the cursor goes to
    // the first.
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual(['Choose a username.', 'Enter your email address.', 'Choose a password.']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'username',
    );
    // Several fields the server refuses: each is said at its own field in one round (the
    // server reported only the first), and the cursor goes to the first.
    await page.getByLabel('Username').fill('Te');
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual([
        'A username has 3 to 30 characters.',
        'That is not an email address (name@example.com).',
        expect.stringMatching(/too short/),
      ]);
    expect(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'username',
    );
    await page.getByLabel('Username').fill('Tester');
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual([expect.stringMatching(/too short/)]);

    await page.getByLabel('Password').fill(PASSWORD);
    // Submitted from the keyboard.
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/account/);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Tester');
    // With no mail server the welcome says where the mail went.
    await expect
      .poll(() => page.getByRole('link', { name: 'the dev mailbox' }).getAttribute('href'))
      .toBe('/dev/mail');
    // Sign-up ends among the settings: the welcome offers the way back to the games.
    expect(await page.getByTestId('welcome-play').getAttribute('href')).toBe('/');
    await expect
      .poll(() => page.getByTestId('email-status').textContent())
      .toMatch(/not confirmed/);

    await followMailedLink(page, app.url, '/verify-email');
    await expect.poll(() => page.getByTestId('verify-outcome').textContent()).toMatch(/confirmed/);
    await page.getByRole('link', { name: 'Your account' }).click();
    await expect.poll(() => page.getByTestId('email-status').textContent()).toMatch(/confirmed/);
    await expect
      .poll(() => page.getByTestId('email-status').textContent())
      .not.toMatch(/not confirmed/);
    await screenshot(page, 'accounts-1-settings');
    // On a phone no panel's words run past its edge (the email address did, unbroken).
    await page.setViewportSize({ width: 360, height: 740 });
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('main .panel *')]
          .filter((e) => !e.matches('input, select, textarea') && e.scrollWidth > e.clientWidth + 1)
          .map((e) => e.className || e.tagName),
      ),
    ).toEqual([]);
    await screenshot(page, 'accounts-1-settings-phone', false);
    await page.setViewportSize({ width: 1280, height: 860 });
    // One rhythm of space, as on the other pages: each panel's words start at its padding, and
    // the parts of each form are spaced by the form's gap alone (the margins of a heading and
    // a paragraph of their own stretched the delete form).
    const strays = await page.evaluate(() => {
      // Whole pixels, and no -0 (which toEqual tells from 0).
      const px = (value: number) => Math.round(value) || 0;
      const top = (element: Element) => element.getBoundingClientRect().top;
      const panels = [...document.querySelectorAll('main .panel')].map((panel) => {
        const style = getComputedStyle(panel);
        const inner = top(panel) + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
        return px(top(panel.firstElementChild!) - inner);
      });
      const forms = [...document.querySelectorAll('.account-form')].flatMap((form) => {
        const gap = parseFloat(getComputedStyle(form).rowGap);
        const parts = [...form.children].map((part) => part.getBoundingClientRect());
        return parts.slice(1).map((part, i) => px(part.top - parts[i]!.bottom - gap));
      });
      return { panels, forms };
    });
    expect(strays.panels.length).toBeGreaterThan(3);
    expect(strays.forms.length).toBeGreaterThan(6);
    expect(strays).toEqual({
      panels: strays.panels.map(() => 0),
      forms: strays.forms.map(() => 0),
    });

    // A new display name is the one the page and a new table show at once (the session's
    // tokens carried the old one until they were next refreshed).
    await page.getByLabel('Display name').fill('Tess');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByText('Saved.').count()).toBe(1);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Tess');
    await page.getByRole('link', { name: 'Cardtable' }).first().click();
    await page.getByTestId('play-now').click();
    await page.waitForURL(/\/match\//);
    await expect.poll(() => page.locator('.seat-me').first().textContent()).toContain('Tess');
    await page.goto(`${app.url}/account`);

    await page.getByTestId('log-out').click();
    await page.waitForURL(/\/login/);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('Not signed in');

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The log-in page's "Username or email" also matches a loose 'Email' label: wait for the
    // reset page (a lazy chunk, slow under load) and match the label exactly.
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByRole('button', { name: 'Mail me a reset link' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/on its way/);

    await followMailedLink(page, app.url, '/reset-password');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.getByRole('link', { name: 'Log in with the new password' }).click();

    await page.getByLabel('Username or email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Wrong/);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${app.url}/`);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Tess');
    expect(errors.filter((e) => !/401|400/.test(e))).toEqual([]);
  }, 240_000);

  it('an account that asks for less motion gets no flying cards, on another device too', async () => {
    const first = await openPage(app.browser, `${app.url}/signup`);
    await first.page.getByLabel('Username').fill('Still');
    await first.page.getByLabel('Email', { exact: true }).fill('still@example.com');
    await first.page.getByLabel('Password').fill(PASSWORD);
    await first.page.getByLabel('Password').press('Enter');
    await first.page.waitForURL(/\/account/);
    await first.page.getByLabel('Reduce motion at the table').check();
    await first.page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => first.page.getByRole('status').allTextContents()).toContain('Saved.');
    await first.context.close();

    // Another browser: the preference comes with the sign-in.
    const { page, errors } = await openPage(app.browser, `${app.url}/login`);
    await page.getByLabel('Username or email').fill('Still');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByTestId('play-now').click();
    await page.waitForURL(/\/match\//);
    // A card flight (420 ms at normal speed, a Web Animation) is looked for on every frame.
    await page.evaluate(() => {
      const look = () => {
        if (document.getAnimations().some((a) => a.effect?.getTiming().duration === 420))
          document.documentElement.dataset.flew = 'yes';
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    const choice = page.locator('.mine .slot-active[aria-pressed=false]');
    await choice.first().click({ timeout: 30_000 });
    await choice.first().click();
    // One turn of ours and the CPUs' turns after it: draws, swaps and discards, none flying.
    const deck = page.locator('.pile-active[data-testid=deck]');
    await deck.click({ timeout: 90_000 });
    await page.locator('.mine .slot-active[data-face=down]').first().click();
    await deck.waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.flew)).toBeUndefined();
    expect(errors.filter((e) => !/401|400/.test(e))).toEqual([]);
  }, 240_000);

  it('keeps a guest’s finished match in its history after it signs up', async () => {
    const { page } = await openPage(app.browser, app.url, { reducedMotion: 'reduce' });
    await page.getByTestId('play-now').click();
    await page.waitForURL(/\/match\//);
    const matchPath = new URL(page.url()).pathname;
    const guestId = await sessionUserId(page);
    await page.getByTestId('resign').click();
    await page.getByTestId('confirm-resign').click();
    await page.goto(app.url);
    const recent = page.getByTestId('recent-matches');
    await expect.poll(() => recent.textContent()).toContain('over');

    await page.getByRole('link', { name: 'Keep your history: sign up' }).click();
    // The guest played under a made-up name ("Guest 123"): the account takes its username.
    await expect
      .poll(() => page.getByTestId('upgrade-note').textContent())
      .toContain('you play under your username');
    await page.getByLabel('Username').fill('Upgraded');
    await page.getByLabel('Email', { exact: true }).fill('upgraded@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Make my account' }).click();
    await page.waitForURL(/\/account/);
    expect(await sessionUserId(page)).toBe(guestId);

    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).not.toMatch(/guest/);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('Upgraded');
    await expect.poll(() => recent.textContent()).toContain('over');
    const matchId = matchPath.split('/').at(-1) as string;
    expect(await recent.locator(`a[href*="${matchId}"]`).count()).toBe(1);

    // The profile names the game as players know it, never by its address (`golf`).
    await page.goto(`${app.url}/me`);
    const history = page.getByTestId('match-history');
    await expect.poll(() => history.textContent()).toContain(' · Golf · ');
    expect(await page.getByTestId('stats-golf').locator('caption').textContent()).toBe('Golf');

    // A resigned casual match rates nobody: the board says it is empty, not an empty table.
    await page.goto(`${app.url}/leaderboards/golf/1`);
    await page.getByTestId('leaderboard-empty').waitFor();
    expect(await page.getByTestId('leaderboard').count()).toBe(0);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Leaderboard: Golf, version 1');
  }, 240_000);
});

describe('signing in with an OpenID Connect provider in the browser', () => {
  let idp: TestIdp;
  let app: ServedApp;
  let browser: Browser;
  beforeAll(async () => {
    [idp, browser] = await Promise.all([startTestIdp(), launchBrowser()]);
    app = await serveApp(idp.env);
    idp.trust(app.url);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await idp?.close();
  });

  it('continues with the provider from the login page and shows it linked in the settings', async () => {
    const { page } = await openPage(browser, `${app.url}/login`);
    await page.getByRole('link', { name: 'Test IdP' }).click();
    await page.locator('input[name=login]').fill('carol');
    await page.locator('input[name=password]').fill('anything');
    await page.locator('button[type=submit]').click();
    await page.locator('button[type=submit]', { hasText: 'Continue' }).click();
    await page.waitForURL(`${app.url}/`);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Idp carol');

    await page.getByRole('link', { name: 'Account' }).click();
    const linked = page.getByRole('region', { name: 'Linked providers' });
    await expect.poll(() => linked.textContent()).toContain('carol@idp.example');
    // The provider is this account's only way in: unlinking it is refused, with the reason.
    await linked.getByRole('button', { name: 'Unlink Test IdP' }).click();
    await expect.poll(() => linked.getByRole('alert').textContent()).toMatch(/only way to sign in/);
  }, 240_000);
});
