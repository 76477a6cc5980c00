import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AuthResponse, CreateMatchResponse, MatchMetadata } from '@cardtable/sdk/protocol';
import { CPU_NAMES } from '@cardtable/tcg';
import { atSpeed, openPage, screenshot } from './browser/browser.ts';
import { horizontalOverflow } from './browser/layout.ts';
import { useServedApp } from './browser/served-app.ts';
import { playUntilOver } from './browser/tcg-play.ts';

const pair = (id: string) => [{ card: `demo/${id}`, count: 2 }];
/** Instants to answer with, targeted spells, and units to attack with. */
const RESPONSIVE_DECK = [
  'dispel',
  'stone-skin',
  'firebolt',
  'healing-spring',
  'shield-bearer',
  'spiked-wall',
  'blood-leech',
  'fire-imp',
  'swift-raider',
  'bubble-knight',
].flatMap(pair);

/**
 * Every match of this server deals from this seed, so the scenario (the deal, the CPU's moves)
 * is the same on every run: it holds a targeted spell and a response on the stack.
 */
const SEED = 'e2e-tcg-seed-1';

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Cheap spells that always have a target (a hero at least), and units. */
const TARGETED_DECK = [
  'firebolt',
  'healing-spring',
  'fire-imp',
  'swift-raider',
  'shield-bearer',
  'spiked-wall',
  'mender-acolyte',
  'venom-spitter',
  'bubble-knight',
  'blood-leech',
].flatMap(pair);

/** A laptop's window: the whole table plays in it without scrolling. */
const LAPTOP = { width: 1280, height: 800 };

/**
 * What of the table a player needs lies outside the window (empty: all of it shows): both
 * heroes, both boards, the prompt, and each card in hand whole (a unit's attack and health at
 * its foot), described as `what top-bottom`.
 */
const outOfView = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [
      '[data-testid=tcg-hero-them]',
      '[data-testid=tcg-board-them]',
      '[data-testid=tcg-prompt]',
      '[data-testid=tcg-board-me]',
      '[data-testid=tcg-hero-me]',
      '[data-testid=tcg-hand] > [data-id]',
    ].flatMap((selector) =>
      [...document.querySelectorAll(selector)]
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.top < 0 || box.bottom > window.innerHeight)
        .map((box) => `${selector} ${Math.round(box.top)}-${Math.round(box.bottom)}`),
    ),
  );

/** How wide the table draws a card now (on either board or in the hand), or null with none. */
const cardWidth = (page: Page): Promise<number | null> =>
  page.evaluate(() => {
    const card = document.querySelector(
      '[data-testid^=tcg-board] .tcg-card, [data-testid=tcg-hand] .tcg-card',
    );
    return card ? Math.round(card.getBoundingClientRect().width) : null;
  });

describe('a TCG match against the CPU, played by clicking', () => {
  const app = useServedApp({ MATCH_SEED: SEED });

  /** A guest's page on a new match of `deck` against an easy CPU, at instant speed. */
  const openMatch = async (deck: { card: string; count: number }[]) => {
    const session = await post<AuthResponse>(app.url, '/api/auth/guest', { name: 'Ada' });
    const created = await post<CreateMatchResponse>(
      app.url,
      '/api/matches',
      {
        game: 'tcg',
        options: { ruleset: 'demo', decks: [{ name: 'Mine', cards: deck }, 'A'] },
        seats: [
          { kind: 'human', name: 'Ada' },
          { kind: 'cpu', profile: 'easy' },
        ],
      },
      session.accessToken,
    );
    const opened = await openPage(app.browser, app.url, {
      viewport: LAPTOP,
      reducedMotion: 'reduce',
      ...atSpeed(app.url, 'instant'),
    });
    await opened.context.addInitScript(
      (value) => localStorage.setItem('cardtable.session', value),
      JSON.stringify(session),
    );
    await opened.page.goto(`${app.url}/tcg/${created.matchId}`);
    await opened.page.getByTestId('tcg-table').waitFor();
    return opened;
  };

  it('a targeted spell chosen from the keyboard takes the focus to its first target', async () => {
    const { page, context, errors } = await openMatch(TARGETED_DECK);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          id: element?.dataset.id ?? null,
          testId: element?.dataset.testid ?? null,
          describedBy: element?.getAttribute('aria-describedby')
            ? document.getElementById(element.getAttribute('aria-describedby')!)?.textContent
            : null,
        };
      });
    // At a laptop's size the whole table shows, the opening hand's units with their attack and
    // health (the table was 756 px tall, the hand's last row under the window's edge); on a
    // phone it fits the width.
    expect(await outOfView(page)).toEqual([]);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await screenshot(page, 'tcg-laptop-opening', false);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize(LAPTOP);
    // Kept from the keyboard, then wait for the first turn of this seat that can play Firebolt
    // (the seed deals it: the opening hand holds one).
    await page.getByTestId('tcg-mulligan').focus();
    await page.keyboard.press('Enter');
    const firebolt = page.locator(
      '[data-testid=tcg-hand] [data-playable=true][aria-label^="Firebolt"]',
    );
    await firebolt.first().waitFor({ timeout: 60_000 });
    const card = (await firebolt.first().getAttribute('data-id'))!;
    await firebolt.first().focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('tcg-targeting').textContent())
      .toMatch(/^Firebolt: choose a target to deal/);
    // The targets lie above the hand, earlier in the Tab order: the first one has the focus,
    // and says what it is chosen for.
    const target = await focused();
    expect(target.id).not.toBe(card);
    expect(target.testId).toBe('tcg-hero-them');
    expect(target.describedBy).toMatch(/^Firebolt: choose a target/);
    // Escape changes the mind: no choice pending, the focus back on the card.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('tcg-targeting').count()).toBe(0);
    expect((await focused()).id).toBe(card);
    // Chosen again, Enter on the focused target plays it.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).testId).toBe('tcg-hero-them');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('tcg-log-line').allTextContents())
      .toContainEqual(expect.stringMatching(/^You play Firebolt/));
    expect(await page.locator(`[data-testid=tcg-hand] [data-id="${card}"]`).count()).toBe(0);
    // The played card took the focus with it: it is on the table still, in the hand.
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('[data-testid=tcg-hand]') !== null),
      )
      .toBe(true);
    await screenshot(page, 'tcg-keyboard-target');
    // Turns later, cards played and drawn: still all in the window.
    expect(await outOfView(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it(
    'plays to the end with no needless Pass, in words, and starts a rematch',
    { timeout: 600_000 },
    async () => {
      const session = await post<AuthResponse>(app.url, '/api/auth/guest', { name: 'Ada' });
      const created = await post<CreateMatchResponse>(
        app.url,
        '/api/matches',
        {
          game: 'tcg',
          options: { ruleset: 'demo', decks: [{ name: 'Answers', cards: RESPONSIVE_DECK }, 'A'] },
          seats: [
            { kind: 'human', name: 'Ada' },
            { kind: 'cpu', profile: 'easy' },
          ],
          // Shared by link: at the end its player is given the link, as at a Golf table.
          replayPrivacy: 'link',
        },
        session.accessToken,
      );
      const meta = (id: string) =>
        fetch(`${app.url}/api/matches/${id}`, {
          headers: { authorization: `Bearer ${session.accessToken}` },
        }).then((r) => r.json() as Promise<MatchMetadata>);
      const cpuName = (await meta(created.matchId)).seats[1]!.name!;
      expect(CPU_NAMES).toContain(cpuName);

      // The match is walked for what it shows and says, not for how its steps move.
      const { page, context, errors } = await openPage(app.browser, app.url, {
        viewport: LAPTOP,
        reducedMotion: 'reduce',
        ...atSpeed(app.url, 'instant'),
      });
      await context.addInitScript(
        (value) => localStorage.setItem('cardtable.session', value),
        JSON.stringify(session),
      );
      await page.goto(`${app.url}/tcg/${created.matchId}`);
      await page.getByTestId('tcg-table').waitFor();
      // The log keeps its newest line in view inside its own box, never by scrolling the page
      // (keeping the hand is clicked in the page, as a click there scrolls nothing).
      // The opening hand's question reads as a whole sentence before any card is picked.
      expect(await page.getByTestId('tcg-mulligan-prompt').textContent()).toBe(
        'Your opening hand: keep it, or pick cards to replace.',
      );
      await page.getByTestId('tcg-mulligan').first().dispatchEvent('click');
      await page.getByTestId('tcg-log-line').first().waitFor();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await screenshot(page, 'tcg-1-start');
      // The CPU sits under a name, not its difficulty.
      await expect.poll(() => page.getByTestId('tcg-hero-them').textContent()).toContain(cpuName);

      // At every move of the match, units on both boards and a full hand included, the whole
      // table shows in a laptop's window (with four lines of rules and no room given to the
      // window's height, the hand's units had their attack and health below its edge).
      const outside = new Set<string>();
      const widths = new Set<number | null>();
      const played = await playUntilOver(page, async () => {
        for (const what of await outOfView(page)) outside.add(what);
        widths.add(await cardWidth(page));
      });
      expect([...outside]).toEqual([]);
      // At game over the result shows above the final board, whose cards keep the size they
      // had in play (fitted under the result, they shrank to their least).
      widths.delete(null);
      await page.evaluate(() => window.scrollTo(0, 0));
      const result = await page.getByTestId('tcg-outcome').boundingBox();
      expect(result && result.y + result.height).toBeLessThanOrEqual(LAPTOP.height);
      expect([...widths]).toEqual([await cardWidth(page)]);
      await screenshot(page, 'tcg-2-over');
      // Auto-pass: the Pass button only ever showed with a card in hand that could answer.
      expect(played.passWithoutAnswer).toBe(0);
      expect(played.targetedSpells).toBeGreaterThan(0);
      expect(played.responses).toBeGreaterThan(0);
      // Turns are labelled from the viewer's side, and the CPU's by its name.
      expect(played.turnTags).toEqual(expect.arrayContaining(['Your turn', `${cpuName}'s turn`]));
      // Choosing a target says which card asks and what for, never a binding's name.
      expect(played.targeting.length).toBeGreaterThan(0);
      for (const sentence of played.targeting) {
        expect(sentence).toMatch(/^[A-Z][^:]+: choose a target to [a-z]/);
        expect(sentence).not.toMatch(/\(\w+\)/);
      }

      expect((await meta(created.matchId)).status).toBe('over');
      const outcome = await page.getByTestId('tcg-outcome').textContent();
      expect(outcome).toMatch(new RegExp(`^(You win|${cpuName} wins|A draw)(: .+)?\\.$`));
      // Said once on screen, by the panel; the table's caption keeps it for screen readers only.
      await expect
        .poll(() => page.getByTestId('tcg-caption').getAttribute('class'))
        .toContain('visually-hidden');
      for (const side of ['me', 'them'])
        expect(await page.getByTestId(`tcg-life-${side}`).textContent()).not.toMatch(/-\d/);
      const log = await page.getByTestId('tcg-log-line').allTextContents();
      expect(log.length).toBeGreaterThan(10);
      expect(log.some((line) => /^Turn \d+: your turn\.$/.test(line))).toBe(true);
      expect(log.some((line) => line.startsWith('You play '))).toBe(true);
      expect(log.some((line) => line.startsWith(`${cpuName} `))).toBe(true);
      for (const testId of ['new-game', 'watch-replay', 'home'])
        await expect.poll(() => page.getByTestId(testId).count()).toBe(1);
      // The replay's link to hand on sits with the result (not in the page's foot, below the log).
      const link = page.locator('.standings-anchor [data-testid=replay-link-copy]');
      await expect.poll(() => link.inputValue()).toMatch(/\/replay\/[^?]+\?link=.+/);
      // The focus moved to the news (the card it was on is gone): the next Tab is the rematch.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tcg-over-title');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Rematch/);

      // A rematch against the CPU starts at once, with the same seats, and the table moves there.
      await page.getByTestId('rematch').click();
      await page.waitForURL((url) => !url.pathname.endsWith(created.matchId), { timeout: 30_000 });
      const rematchId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
      await page.getByTestId('tcg-table').waitFor();
      const next = await meta(rematchId);
      expect(next.status).toBe('active');
      expect(next.seats.map((s) => [s.kind, s.name])).toEqual([
        ['human', 'Ada'],
        ['cpu', cpuName],
      ]);
      expect((await meta(created.matchId)).rematchId).toBe(rematchId);
      await screenshot(page, 'tcg-3-rematch');
      expect(errors).toEqual([]);
    },
  );
});
