import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser/browser.ts';
import { useServedApp } from './browser/served-app.ts';
import { horizontalOverflow } from './browser/layout.ts';
import { playBattlerUntilOver } from './browser/battler-play.ts';
import { contrastRatio, drawnColours } from './browser/contrast.ts';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The table as a player sees it, at desktop size and at phone size. */
async function bothSizes(page: Page, name: string) {
  await screenshot(page, `battler-${name}-desktop`, false);
  await page.setViewportSize(PHONE);
  await screenshot(page, `battler-${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

/** The vertical middle of an element, in CSS pixels. */
const middleOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return Math.round(box.top + box.height / 2);
    });

/** Laptops' windows: at each the table fits at its busiest turn. */
const LAPTOPS = [DESKTOP, { width: 1280, height: 720 }, { width: 1024, height: 768 }];

/**
 * How far the table goes past the window: the page's width over the window's, the table's foot
 * below the window's (in the page, so a scrolled page counts), and the side column's own scroll
 * (it scrolled itself at a busy turn: a reader had to find the attacks in it). 0 or less: fits.
 */
const overflowAt = (page: Page) =>
  page.evaluate(async () => {
    // The table's room follows the window at its next frame (useRoomBelow.ts).
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const root = document.documentElement;
    const table = document.querySelector('[data-testid=tcg-table]')!;
    const column = table.querySelector('.tcg-middle')!;
    return {
      wide: root.scrollWidth - root.clientWidth,
      tall: Math.round(table.getBoundingClientRect().bottom + window.scrollY) - window.innerHeight,
      column: column.scrollHeight - column.clientHeight,
    };
  });

/** An attack that cannot be used now (aria-disabled: it still takes the keyboard's focus). */
const UNUSABLE_ATTACK = '[data-testid=battler-attack][aria-disabled=true]';

/**
 * Why each attack that cannot be used is disabled: said on one line (it took two under every
 * attack), and tied to its button, as `aria-describedby` words that are on the page.
 */
const attackReasons = (page: Page) =>
  page.locator(UNUSABLE_ATTACK).evaluateAll((buttons) =>
    buttons.map((button) => {
      const why = document.getElementById(button.getAttribute('aria-describedby') ?? '');
      const lineHeight = why ? parseFloat(getComputedStyle(why).fontSize) * 1.8 : 0;
      return {
        said: (why?.textContent ?? '').length > 0,
        oneLine: why !== null && why.getBoundingClientRect().height <= lineHeight,
      };
    }),
  );

/**
 * An attack that cannot be used, reached by the keyboard: Tab lands on it (from the control
 * before it), its reason is its description, Enter and Space send no move (every message the
 * page sends meanwhile is counted), and its words keep WCAG AA's 4.5:1 against its background.
 */
async function unusableAttackByKeyboard(page: Page) {
  const attack = page.locator(UNUSABLE_ATTACK).first();
  await attack.evaluate((button) => {
    const all = [...document.querySelectorAll<HTMLElement>('button, a[href], input, select')];
    all[all.indexOf(button as HTMLElement) - 1]?.focus();
  });
  await page.keyboard.press('Tab');
  const reached = await attack.evaluate((button) => ({
    focused: document.activeElement === button,
    reason: document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent,
  }));
  const send = await page.evaluateHandle(() => {
    const original = WebSocket.prototype.send;
    const attacks: string[] = [];
    WebSocket.prototype.send = function (data) {
      if (String(data).includes('useAttack')) attacks.push(String(data));
      original.call(this, data);
    };
    return { original, attacks };
  });
  await page.keyboard.press('Enter');
  await page.keyboard.press(' ');
  // A click's move is sent at once (no timer between): the events and their tasks have run.
  const sent = await send.evaluate(({ original, attacks }) => {
    WebSocket.prototype.send = original;
    return attacks.length;
  });
  const colours = await drawnColours(page, UNUSABLE_ATTACK);
  return { ...reached, sent, contrast: contrastRatio(colours.text, colours.background) };
}

/**
 * The cards on the table whose art or name goes past their frame (a long single-word name,
 * Glimmerghost, widened the card's column and its art spilled out to the right), and the names
 * of every card seen, so the check is known to have met the long one.
 */
const cardSpills = (page: Page) =>
  page.locator('[data-testid=tcg-table] .tcg-card').evaluateAll((cards) =>
    cards.map((card) => {
      const frame = card.getBoundingClientRect();
      const past = [...card.querySelectorAll('.tcg-art, .tcg-name')].some((part) => {
        const box = part.getBoundingClientRect();
        return box.left < frame.left - 0.5 || box.right > frame.right + 0.5;
      });
      return { name: card.querySelector('.tcg-name')?.textContent ?? '', past };
    }),
  );

/**
 * Before the first turn each side's row reads as one line: the bench's label sits level with the
 * active spot beside it (not at the row's top), and on a 360 px phone the active spot's words
 * ("Choosing an active creature") keep to one line instead of wrapping three tall.
 */
async function expectSetupRowsTidy(page: Page) {
  for (const who of ['me', 'them']) {
    const row = `[data-testid=tcg-board-${who}]`;
    const label = await middleOf(page, `${row} .battler-bench-label`);
    const active = await middleOf(page, `${row} .battler-active-spot`);
    expect(
      Math.abs(label - active),
      `${who}: bench label ${label}, active spot ${active}`,
    ).toBeLessThanOrEqual(2);
  }
  await page.setViewportSize({ width: 360, height: 740 });
  const lines = await page
    .locator('.battler-active-spot .battler-empty')
    .evaluateAll((spans) => spans.map((span) => span.getClientRects().length));
  expect(lines).toEqual([1, 1]);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize(DESKTOP);
}

/**
 * Every match of this server deals from this seed (`MATCH_SEED`), so the deal, the mulligans and
 * the CPU's moves are the same on every run and a failure replays exactly.
 */
const SEED = 'e2e-battler-seed-1';

const TRAINER_RICH_FIRE = [
  '3 Cindercub',
  '2 Blazepaw',
  '3 Emberling',
  '2 Pyrewing',
  '3 Sturdy Vest',
  '2 Magma Caldera',
  '3 Wild Call',
  '3 Field Researcher',
  '3 Scholar Mira',
  '2 Gym Rival',
  '14 Fire Energy',
].join('\n');

describe('Spiritbound against the CPU, from the home page, played by clicking', () => {
  const app = useServedApp({ MATCH_SEED: SEED });

  it(
    'sets up, attaches energy and tools, plays trainers and a stadium, retreats, attacks and plays to the end',
    // Once in a long CI run (heavily loaded, Chromium beside the whole suite) this match ended
    // with no energy attached; the assertions below print what was played, and one retry keeps
    // that rare case from failing the run while it is found.
    { timeout: 900_000, retry: 1 },
    async () => {
      const { page, errors } = await openPage(app.browser, app.url, {
        viewport: DESKTOP,
        reducedMotion: 'reduce',
      });
      await page.getByTestId('player-name').fill('Ada');
      await expect
        .poll(() => page.getByTestId('game-spiritbound').textContent())
        .toContain('Spiritbound');
      await page.getByTestId('choose-spiritbound').click();
      await page.getByTestId('tcg-setup').waitFor();
      // Choosing a game takes the player to its form: focus lands in it.
      await expect
        .poll(() =>
          page.evaluate(() =>
            document.querySelector('[data-testid=tcg-setup]')?.contains(document.activeElement),
          ),
        )
        .toBe(true);
      // A pasted fire deck rich in trainers, so the match deals a tool, items, supporters and a
      // stadium to click (the starter decks have one tool and one stadium each).
      await page.getByTestId('tcg-deck-0-select').selectOption({ label: 'Paste a deck list…' });
      await page.getByTestId('tcg-deck-0-list').fill(TRAINER_RICH_FIRE);
      await page.getByTestId('tcg-opponent').selectOption({ label: 'CPU: Easy' });
      // The CPU plays psychic, whose cheapest attacks put the defender to sleep or confuse it.
      await page.getByTestId('tcg-deck-1-select').selectOption({ label: 'Psychic starter' });
      await page.getByTestId('tcg-submit').click();
      await page.getByTestId('tcg-table').waitFor();
      await page.getByTestId('battler-setup').waitFor();
      // Before setup is done nothing reads like a lost game ("0 prizes left"), and a battler,
      // won on prizes with energy attached to creatures, shows no life or energy pool.
      expect(await page.getByTestId('tcg-table').innerText()).not.toMatch(
        /\d+ life|\d+\/\d+ energy|\d+ prizes? left/,
      );
      await bothSizes(page, '1-setup');
      await expectSetupRowsTidy(page);

      // Through the whole match at 1280x800 the table ends inside the window (a turn's offers
      // stacked between the boards made it some 1260 px tall): the lowest it reached is noted at
      // every change of the page, while it is played at this size.
      await page.evaluate(({ width, height }) => {
        const seen = { bottom: 0 };
        (window as unknown as { tableSeen: typeof seen }).tableSeen = seen;
        new MutationObserver(() => {
          const table = document.querySelector('[data-testid=tcg-table]');
          if (!table || window.innerWidth !== width || window.innerHeight !== height) return;
          if (document.querySelector('[data-testid=tcg-outcome]')) return;
          const bottom = table.getBoundingClientRect().bottom + window.scrollY;
          seen.bottom = Math.max(seen.bottom, Math.round(bottom));
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      }, DESKTOP);
      // And before each of this seat's moves (its offers on screen: energy and tools for five
      // creatures, retreats, attacks), at each laptop's size, the most it went past.
      const worst = new Map(LAPTOPS.map(({ width, height }) => [`${width}x${height}`, 0]));
      const reasons: { said: boolean; oneLine: boolean }[] = [];
      let byKeyboard: Awaited<ReturnType<typeof unusableAttackByKeyboard>> | null = null;
      let pips: string[] = [];
      const named = new Set<string>();
      const spilled = new Set<string>();
      const played = await playBattlerUntilOver(page, {
        onFirstAttack: async () => {
          await page.getByTestId('battler-active').first().waitFor();
          // Each row of energy pips is read whole, as an image with its words ("Cost: Fire"):
          // the label of a plain span is not announced by every screen reader.
          pips = await page
            .locator('.battler-pips')
            .evaluateAll((rows) =>
              rows.map((row) => `${row.getAttribute('role')} ${row.getAttribute('aria-label')}`),
            );
          await bothSizes(page, '2-first-attack');
        },
        onMyMove: async () => {
          reasons.push(...(await attackReasons(page)));
          for (const { name, past } of await cardSpills(page)) {
            named.add(name);
            if (past) spilled.add(name);
          }
          if (!byKeyboard && (await page.locator(UNUSABLE_ATTACK).count()))
            byKeyboard = await unusableAttackByKeyboard(page);
          for (const size of LAPTOPS) {
            await page.setViewportSize(size);
            const past = Math.max(...Object.values(await overflowAt(page)));
            const key = `${size.width}x${size.height}`;
            worst.set(key, Math.max(worst.get(key)!, past));
          }
          await page.setViewportSize(DESKTOP);
        },
      });
      await bothSizes(page, '3-over');
      const tableBottom = await page.evaluate(
        () => (window as unknown as { tableSeen: { bottom: number } }).tableSeen.bottom,
      );
      expect(tableBottom).toBeGreaterThan(DESKTOP.height / 2);
      expect(tableBottom).toBeLessThanOrEqual(DESKTOP.height);
      expect(Object.fromEntries(worst)).toEqual({ '1280x800': 0, '1280x720': 0, '1024x768': 0 });
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.filter(({ said, oneLine }) => !said || !oneLine)).toEqual([]);
      expect(byKeyboard).toMatchObject({ focused: true, sent: 0 });
      expect(pips.length).toBeGreaterThan(0);
      for (const row of pips) expect(row).toMatch(/^img (Cost|Energy attached): \w/);
      expect(named).toContain('Glimmerghost');
      expect([...spilled]).toEqual([]);
      expect(byKeyboard!.reason).toBeTruthy();
      expect(byKeyboard!.contrast).toBeGreaterThanOrEqual(4.5);

      const outcome = await page.getByTestId('tcg-outcome').textContent();
      const what = `${JSON.stringify(played)}; ${outcome}`;
      expect(played.setups, what).toBe(1);
      expect(played.attaches, what).toBeGreaterThan(0);
      expect(played.attacks, what).toBeGreaterThan(0);
      // Every kind of battler move was made by clicking: retreat, a tool, both kinds of trainer
      // and a stadium (the seed deals them; see MATCH_SEED above).
      expect(played.retreats, what).toBe(1);
      for (const move of ['tools', 'items', 'supporters', 'stadiums'] as const)
        expect(played[move], `${move}: ${what}`).toBeGreaterThan(0);
      // A coin flip was shown (and spins for a player who does not reduce motion) and a special
      // condition sat on a creature as a marker.
      expect(played.coin?.words).toMatch(/flipped (heads|tails)/);
      expect(played.coin?.spins).toBe(true);
      expect(played.condition).toMatch(/Asleep|Paralysed|Confused|Poisoned|Burned/);
      await expect
        .poll(() => page.getByTestId('tcg-outcome').textContent())
        .toMatch(/^(You win|\w+ wins|A draw)\b/);
      // Prizes lie face down and counted on both sides: one card back per prize left.
      for (const who of ['me', 'them']) {
        const prizes = page.getByTestId(`battler-prizes-${who}`);
        const count = Number(await prizes.getAttribute('data-count'));
        expect(count).toBeLessThanOrEqual(4);
        expect(await prizes.locator('.battler-prize').count()).toBe(count);
      }

      // The finished match opens in the replay viewer with Spiritbound's own cards.
      const matchId = new URL(page.url()).pathname.split('/').at(-1)!;
      await page.goto(`${app.url}/replay/${matchId}`);
      await page.locator('.tcg-replay [data-testid=tcg-table]').waitFor();
      await page.getByTestId('replay-end').click();
      await expect.poll(() => page.getByTestId('tcg-outcome').textContent()).toMatch(/wins|draw/i);
      await page.locator('.tcg-replay [data-testid=battler-active]').first().waitFor();
      await screenshot(page, 'battler-4-replay', false);
      expect(errors).toEqual([]);
    },
  );
});
