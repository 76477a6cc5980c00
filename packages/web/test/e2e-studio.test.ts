import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPage, screenshot } from './browser/browser.ts';
import { contentEdges, horizontalOverflow } from './browser/layout.ts';
import { useServedApp } from './browser/served-app.ts';
import { createGameFrom } from './browser/studio.ts';
import { publishTidepool } from './browser/tidepool.ts';
import { playUntilOver } from './browser/tcg-play.ts';

/** The six cards the creator makes: name, cost, attack, health. */
const CARDS = [
  ['Ash Sprite', 1, 1, 2],
  ['Cinder Wolf', 2, 2, 2],
  ['Ember Guard', 2, 1, 4],
  ['Flame Drake', 3, 3, 3],
  ['Lava Golem', 4, 4, 5],
  ['Spark Mage', 3, 2, 3],
] as const;

/** A spell the creator makes from a new card by its type: it draws a card, no Lua written. */
const SPELL = 'Quick Study';

const LINT_ERROR = 'function run()\n  damge(state.enemy.hero, 2)\nend\n';
const FIXED = 'function run()\n  damage(state.enemy.hero, 2)\nend\n';

/** Replaces the CodeMirror document by typing, as a creator would (no autocompletion accepted). */
async function typeLua(page: Page, text: string) {
  const editor = page.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

const artifacts = fileURLToPath(new URL('../../../test-artifacts/web/', import.meta.url));

/** What the creator sees on a laptop screen (the viewport, not the whole scrolled page). */
async function shot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}${name}.png` });
}

const saved = (page: Page) =>
  expect
    .poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 })
    .toBe('All changes saved');

describe('the creator studio: a game from nothing to a published match', () => {
  const app = useServedApp();

  it('builds a ruleset, six cards, a Lua ability, two decks; balances, publishes and plays it', async () => {
    // A new creator starts at the home page, with no docs: the studio is found from there.
    const { page, errors } = await openPage(app.browser, `${app.url}/`, {
      reducedMotion: 'reduce',
      viewport: { width: 1366, height: 800 },
    });
    await page.getByRole('link', { name: 'Open the creator studio' }).click();
    // My games: a new game from a blank ruleset.
    await page.getByRole('heading', { name: 'Creator studio' }).waitFor();
    // The studio lies in the page frame: its edges under the account bar's, not wider.
    expect(await contentEdges(page, '.studio')).toEqual(await contentEdges(page, '.account-bar'));
    // The address name follows the name; with no name yet it is empty, not a made-up one.
    expect(await page.getByLabel('Address name (slug)').inputValue()).toBe('');
    // A built-in game's address name: the refusal is said at the slug field, which takes the
    // cursor (it showed under the Create button, far from what to change).
    await page.getByLabel('Name', { exact: true }).fill('Golf');
    await page.getByRole('button', { name: 'Create game' }).click();
    const slugError = page.getByTestId('slug-error');
    await expect.poll(() => slugError.textContent()).toMatch(/address name of a built-in game/);
    expect(await page.getByLabel('Address name (slug)').getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby')),
    ).toBe('slug-error slug-help');
    await page.getByLabel('Name', { exact: true }).fill('Pocket Duel');
    expect(await slugError.count()).toBe(0);
    expect(await page.getByLabel('Address name (slug)').inputValue()).toBe('pocket-duel');
    // A new creator is offered the starter game first; this one builds from nothing.
    await page.getByLabel('Start from').selectOption({ label: 'A blank ruleset' });
    await shot(page, 'studio-1-my-games');
    await page.getByRole('button', { name: 'Create game' }).click();
    await page.waitForURL(/\/studio\/pocket-duel\/ruleset$/);

    // Ruleset: a bad value is explained at its field with the validator's words, then fixed.
    const life = page.locator('input[data-path="players.life"]');
    await life.fill('0');
    const lifeErrors = page.locator('[data-field-errors="players.life"]');
    await expect
      .poll(() => lifeErrors.textContent(), { timeout: 20_000 })
      .toContain('must be an integer from 1 to 999');
    expect(await life.getAttribute('aria-invalid')).toBe('true');
    await life.fill('15');
    await page.locator('input[data-path="deck.minSize"]').fill('15');
    await page.locator('input[data-path="deck.maxSize"]').fill('15');
    await expect.poll(() => lifeErrors.count()).toBe(0);
    // Undo and redo go through one history.
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await page.locator('input[data-path="deck.maxSize"]').inputValue()).toBe('20');
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await page.locator('input[data-path="deck.maxSize"]').inputValue()).toBe('15');
    await saved(page);
    await shot(page, 'studio-2-ruleset');
    // On a 360 px phone the ruleset's form fits the screen (its 22rem columns pushed it 22 px wide).
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 800 });

    // Cards: six, edited in the form, previewed by the table's card component. The error badge
    // lists what is left (no cards, no decks), each error a link to the tab that fixes it; the
    // list closes on the way there rather than cover the tabs.
    await page.getByTestId('validation-state').click();
    await page.getByTestId('all-errors').getByRole('link', { name: 'Cards' }).click();
    await page.waitForURL(/\/studio\/pocket-duel\/cards$/);
    await expect
      .poll(() => page.locator('details.studio-problems').getAttribute('open'))
      .toBeNull();
    for (const [name, cost, attack, health] of CARDS) {
      await page.getByRole('button', { name: 'New card' }).click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Cost', { exact: true }).fill(String(cost));
      await page.getByLabel('Attack', { exact: true }).fill(String(attack));
      await page.getByLabel('Health', { exact: true }).fill(String(health));
      await expect.poll(() => page.getByTestId('card-preview').textContent()).toContain(name);
    }
    await page.getByRole('button', { name: 'Add a Lua ability' }).click();
    await expect
      .poll(() => page.getByTestId('rules-text').textContent(), { timeout: 20_000 })
      .toContain('When this enters the board, deal 1 damage to your opponent.');
    expect(await page.getByRole('list', { name: 'Cards' }).getByRole('listitem').count()).toBe(6);
    // A spell: a new card made one by its type is valid at once, and draws a card (data, no Lua).
    await page.getByRole('button', { name: 'New card' }).click();
    const form = page.getByRole('form', { name: /^Card / });
    await form.getByLabel('Name', { exact: true }).fill(SPELL);
    await form.getByLabel('Type', { exact: true }).selectOption('spell');
    await expect
      .poll(() => page.getByTestId('rules-text').textContent(), { timeout: 20_000 })
      .toBe('Draw a card.');
    expect(await page.locator('[data-field-errors^="cards[6]"]').count()).toBe(0);
    const spellItem = page
      .getByRole('list', { name: 'Cards' })
      .getByRole('listitem')
      .filter({ hasText: SPELL });
    expect(await spellItem.getByLabel('has errors').count()).toBe(0);
    await saved(page);
    await shot(page, 'studio-3-cards');

    // Lua: the first version has a lint error, marked at its line; then it is fixed.
    await page.getByRole('link', { name: 'Lua abilities' }).click();
    await page.getByTestId('lua-editor').waitFor();
    await typeLua(page, LINT_ERROR);
    const problems = page.getByTestId('lua-problems');
    await expect
      .poll(() => problems.textContent(), { timeout: 20_000 })
      .toContain("Line 2: 'damge' is not a function");
    await expect.poll(() => page.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0);
    await shot(page, 'studio-4-lua-lint-error');
    // Completion offers the ability API from its one definition.
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n-- da');
    await page.keyboard.press('Control+Space');
    await page
      .locator('.cm-tooltip-autocomplete')
      .getByText('damage', { exact: true })
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
    await typeLua(page, FIXED);
    await expect.poll(() => problems.textContent(), { timeout: 20_000 }).toBe('No problems found.');
    // Tab indents in the editor; the page says how to leave it by keyboard, and that works.
    const howToLeave = await page.locator('.cm-content').getAttribute('aria-describedby');
    expect(await page.locator(`#${howToLeave}`).textContent()).toContain('press Escape, then Tab');
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor'))).toBeNull();
    await saved(page);

    // Decks: two, built with the buttons and by dragging, legal by the validator.
    await page.getByRole('link', { name: 'Decks' }).click();
    const names = CARDS.map(([name]) => name);
    for (const [deck, picks] of [
      ['A', [...names.slice(0, 4), SPELL]],
      ['B', [...names.slice(2, 6), SPELL]],
    ] as const) {
      await page.getByRole('button', { name: 'New deck' }).click();
      let size = 0;
      const grew = async () => {
        size++;
        await expect
          .poll(() => page.getByTestId('deck-size').textContent(), { timeout: 15_000 })
          .toBe(`${size} cards`);
      };
      // The first card by drag and drop, the others with the keyboard and the Add buttons.
      const source = page.locator('.studio-pool li', { hasText: picks[0] });
      // HTML drag and drop events with one DataTransfer (the mouse-driven drag of headless
      // Chromium drops some drags, so the events the browser would fire are sent directly).
      for (let copy = 0; copy < 3; copy++) {
        const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
        const target = page.getByTestId('deck-drop');
        await source.dispatchEvent('dragstart', { dataTransfer });
        await target.dispatchEvent('dragenter', { dataTransfer });
        await target.dispatchEvent('dragover', { dataTransfer });
        await target.dispatchEvent('drop', { dataTransfer });
        await source.dispatchEvent('dragend', { dataTransfer });
        await grew();
      }
      for (const name of picks.slice(1))
        for (let copy = 0; copy < 3; copy++) {
          const add = page.getByRole('button', { name: `Add ${name} to Deck ${deck}` });
          if (copy === 0) await add.press('Enter');
          else await add.click();
          await grew();
        }
    }
    await expect
      .poll(() => page.getByTestId('deck-legality').textContent(), { timeout: 20_000 })
      .toBe('Legal under the ruleset.');
    await saved(page);
    await expect
      .poll(
        async () =>
          `${await page.getByTestId('validation-state').textContent()} ${(await page.getByTestId('all-errors').allTextContents()).join(' ')}`,
        { timeout: 20_000 },
      )
      .toMatch(/^Valid/);
    await shot(page, 'studio-5-decks');

    // The Lua ability's dry run, saved as an ability test that passes.
    await page.getByRole('link', { name: 'Lua abilities' }).click();
    await page.getByRole('button', { name: 'Run' }).click();
    const dry = page.getByTestId('dry-run-result');
    await expect
      .poll(() => dry.textContent(), { timeout: 30_000 })
      .toMatch(/1 effect · \d+ instructions · [\d.]+ KiB memory/);
    expect(await dry.textContent()).toContain('"do": "damage"');
    await page
      .getByRole('button', { name: /Save as an ability test \(expect exactly these effects\)/ })
      .click();
    await expect
      .poll(() => page.getByTestId('ability-tests').textContent(), { timeout: 30_000 })
      .toContain('passed');
    await saved(page);
    await shot(page, 'studio-6-lua-dry-run');
    // The ability is triggered ("when this arrives"): it sees the event a match shows, whose
    // fields the run may set (as `lua run --event` and a test's "event" do), checked first.
    expect(await dry.textContent()).toMatch(/"event": \{\s*"on": "summoned"/);
    const eventField = page.getByLabel(/^Event/);
    await eventField.fill('{"amount": "lots"}');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'The event' }).textContent())
      .toContain('"amount" must be a number');
    await eventField.fill('{"amount": 5}');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => dry.textContent(), { timeout: 30_000 }).toMatch(/"amount": 5\b/);

    // Balance lab: a small batch in Web Workers.
    await page.getByRole('link', { name: 'Balance lab' }).click();
    await page.getByLabel('Games per pair of decks').fill('4');
    await page.getByRole('button', { name: 'Run the games' }).click();
    const results = page.getByTestId('balance-results');
    await results.waitFor({ timeout: 180_000 });
    expect(await results.textContent()).toContain('4 games');
    // How games ended, in words, never the engine's reason ids.
    expect(await results.textContent()).not.toMatch(/lifeZero|deckOut|turnLimit|winCondition/);
    expect(await results.locator('canvas').count()).toBeGreaterThanOrEqual(5);
    await shot(page, 'studio-7-balance');

    // A second way to win, said in the creator's own words when it decides the match.
    await page.getByRole('link', { name: 'Ruleset' }).click();
    await page.getByRole('button', { name: 'Add win' }).click();
    const secondWin = page.locator('fieldset[data-path="win[1]"]');
    await page
      .locator('[data-path="win[1].check"]')
      .fill('{"count": "unit & friendly", "op": ">=", "value": 3}');
    await page.locator('[data-path="win[1].result"]').selectOption('win');
    await secondWin.getByRole('button', { name: 'Add text' }).click();
    await page.locator('[data-path="win[1].text"]').fill('three units hold the field');
    await saved(page);

    // Publish: valid, first version, named; then play it against the CPU to the end.
    await page.getByRole('link', { name: 'Publish' }).click();
    await page.getByTestId('publish-valid').waitFor({ timeout: 20_000 });
    await page.getByLabel('Version name').fill('1.0.0');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const published = page.getByTestId('published');
    await published.waitFor({ timeout: 30_000 });
    expect(await published.textContent()).toContain('Published version 1 (1.0.0)');
    expect(await page.getByLabel('Share link').inputValue()).toBe(`${app.url}/?game=pocket-duel`);
    await shot(page, 'studio-8-published');
    // The share link opens the home page with the game chosen, ready to set up a match.
    const shared = await openPage(app.browser, `${app.url}/?game=pocket-duel`, {
      reducedMotion: 'reduce',
    });
    await shared.page.getByTestId('tcg-setup').waitFor({ timeout: 20_000 });
    // The link leads to the setup, far below the top of the page: focus (and the view) go there.
    await expect
      .poll(() =>
        shared.page.evaluate(
          () => document.activeElement?.closest('[data-testid=tcg-setup]') !== null,
        ),
      )
      .toBe(true);
    await shared.context.close();
    await page.getByRole('button', { name: 'Play it against the CPU' }).click();
    await page.waitForURL(/\/tcg\//);
    await page.getByTestId('tcg-table').waitFor({ timeout: 30_000 });
    const played = await playUntilOver(page);
    expect(played.moves).toBeGreaterThan(0);
    await page.getByTestId('tcg-outcome').waitFor();
    // Whichever rule ended it is said in words: the creator's own, never the general ones.
    expect(await page.getByTestId('tcg-outcome').textContent()).toMatch(
      /three units hold the field|life reached 0/,
    );
    await screenshot(page, 'studio-9-played');
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 600_000);

  it('shows a battler ruleset in the form and edits a creature’s battler fields', async () => {
    const { page, errors } = await openPage(app.browser, 'about:blank', {
      reducedMotion: 'reduce',
      viewport: { width: 1366, height: 800 },
    });
    // The page's own first sign-in answered late, a quick first click's at once: both must be
    // one guest, or the game is created as one and its draft saved as the other (refused).
    const guests: number[] = [];
    await page.route('**/api/auth/guest', async (route) => {
      guests.push(guests.length);
      if (guests.length === 1) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${app.url}/studio`);
    await page.getByRole('heading', { name: 'Creator studio' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Tiny Battler');
    await page.getByLabel('Start from').selectOption({ label: 'A blank ruleset' });
    await page.getByRole('button', { name: 'Create game' }).click();
    await page.waitForURL(/\/studio\/tiny-battler\/ruleset$/);
    expect(guests).toEqual([0]);
    // The Spiritbound ruleset, pasted as JSON under this game's ruleset id.
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const raw = page.locator('#raw-json');
    const own = JSON.parse(await raw.inputValue()) as { id: string };
    const spiritbound = JSON.parse(
      readFileSync(
        new URL('../../../games/tcg/content/spiritbound/ruleset.json', import.meta.url),
        'utf8',
      ),
    ) as Record<string, unknown>;
    await raw.fill(JSON.stringify({ ...spiritbound, id: own.id }, null, 1));
    await page.getByRole('button', { name: 'Form', exact: true }).click();
    expect(await page.locator('input[data-path="battler.bench"]').inputValue()).toBe('5');
    expect(
      await page
        .locator('input[data-path="battler.conditions.burned.checkup.damage"]')
        .inputValue(),
    ).toBe('20');
    await saved(page);

    await page.getByRole('link', { name: 'Cards' }).click();
    await page.getByRole('button', { name: 'New card' }).click();
    const form = page.getByRole('form', { name: /^Card / });
    await form.getByLabel('Name', { exact: true }).fill('Emberkit');
    await form.getByLabel('Type', { exact: true }).selectOption('creature');
    await form.getByLabel('Element (its type)').selectOption('fire');
    await form.getByLabel('Weakness (attacks of this type hit harder)').selectOption('water');
    await form.getByLabel('Retreat cost (energy discarded to retreat)').fill('1');
    expect(await form.getByLabel(/^Evolves from/).count()).toBe(0);
    await form.getByLabel('Stage', { exact: true }).selectOption('1');
    expect(await form.getByLabel(/^Evolves from/).count()).toBe(1);
    await form.getByLabel('Stage', { exact: true }).selectOption('0');
    // Attacks are a form: added, named, costed per energy type, reordered, removed.
    const attacks = form.getByTestId('attacks-editor');
    await attacks.getByRole('button', { name: 'Add an attack' }).click();
    await attacks.getByRole('button', { name: 'Add an attack' }).press('Enter');
    const first = attacks.getByRole('group', { name: /^Attack 1:/ });
    await first.getByLabel('Name', { exact: true }).fill('Ember Scratch');
    await first.getByLabel(/^Id/).fill('scratch');
    await first.getByLabel('Ember Scratch: fire energy').fill('1');
    await first.getByLabel('Ember Scratch: colorless energy').fill('0');
    await first.getByLabel(/^Damage/).fill('10');
    const second = attacks.getByRole('group', { name: /^Attack 2:/ });
    await second.getByLabel('Name', { exact: true }).fill('Flare');
    await second.getByLabel('Flare: colorless energy').fill('2');
    await second.getByLabel(/^Damage/).fill('30');
    await attacks.getByRole('button', { name: 'Move Flare up' }).press('Enter');
    const rules = page.getByTestId('rules-text');
    await expect
      .poll(() => rules.textContent(), { timeout: 20_000 })
      .toMatch(/Flare[\s\S]*Ember Scratch/);
    // A bad id is explained at its field, in the validator's words.
    const flareId = attacks.getByRole('group', { name: /^Attack 1: Flare/ }).getByLabel(/^Id/);
    await flareId.fill('Bad Id');
    await expect.poll(() => flareId.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    await flareId.fill('flare');
    await attacks.getByRole('button', { name: 'Remove Flare' }).click();
    await expect
      .poll(
        async () => {
          const text = (await rules.textContent()) ?? '';
          return text.includes('Ember Scratch') && !text.includes('Flare');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await saved(page);
    await shot(page, 'studio-10-battler-card');
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 300_000);

  it('playtests an unpublished draft: the CPU to the end, a saved position dry-run, a friend by link', async () => {
    // Someone else's published game to start the draft from.
    await publishTidepool(app.url);

    const { page, errors } = await openPage(app.browser, `${app.url}/studio`, {
      reducedMotion: 'reduce',
      viewport: { width: 1366, height: 800 },
    });
    await createGameFrom(page, 'Reef Trial', 'A copy of Tidepool (version 1)', 'reef-trial');
    await expect
      .poll(() => page.getByTestId('validation-state').textContent(), { timeout: 30_000 })
      .toMatch(/^Valid/);

    // One click: the draft (never published) at the table, against the CPU.
    await page.getByTestId('playtest').click();
    await page.waitForURL(/\/tcg\//, { timeout: 30_000 });
    await page.getByTestId('tcg-table').waitFor({ timeout: 30_000 });
    const bar = page.getByTestId('playtest-bar');
    expect(await bar.textContent()).toContain('Playtest of the draft');

    // The position now, saved by name for the Lua editor.
    await page.getByTestId('position-name').fill('Opening');
    await page.getByRole('button', { name: 'Save this position' }).click();
    await expect
      .poll(() => bar.getByRole('status').textContent(), { timeout: 20_000 })
      .toContain('Saved “Opening”');
    await screenshot(page, 'studio-playtest-1-table');
    // Under the bar (and what it said), the whole table fits shorter windows too: the bar keeps
    // to one row and the table takes the room left (at 1024x768 the bar took three rows and the
    // hand fell below the window).
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(viewport);
      await expect
        .poll(() =>
          page.evaluate(() => {
            const table = document.querySelector('[data-testid=tcg-table]')!;
            // In one row, the bar's parts share a middle line.
            const middles = [...document.querySelector('[data-testid=playtest-bar]')!.children]
              .map((part) => part.getBoundingClientRect())
              .map((box) => Math.round(box.top + box.height / 2));
            return {
              barRows: Math.max(...middles) - Math.min(...middles) <= 2 ? 1 : 2,
              fits: table.getBoundingClientRect().bottom <= window.innerHeight,
            };
          }),
        )
        .toEqual({ barRows: 1, fits: true });
    }
    await page.setViewportSize({ width: 1366, height: 800 });

    const played = await playUntilOver(page);
    expect(played.moves).toBeGreaterThan(0);
    await page.getByTestId('tcg-outcome').waitFor();
    await screenshot(page, 'studio-playtest-2-over');

    // Back in the studio, the Lua ability runs at the saved position.
    await page.getByRole('link', { name: 'Back to the studio' }).click();
    await page.waitForURL(/\/studio\/reef-trial\/lua$/);
    await page.getByTestId('dry-run-position').selectOption({ label: 'Saved: Opening' });
    await page.getByRole('button', { name: 'Run' }).click();
    const dry = page.getByTestId('dry-run-result');
    await expect
      .poll(() => dry.textContent(), { timeout: 30_000 })
      .toMatch(/\d+ instructions · [\d.]+ KiB memory/);
    await screenshot(page, 'studio-playtest-3-dry-run');

    // With a friend: the invite link seats them, and their hidden cards are never saved.
    await page.getByLabel('Playtest against').selectOption({ label: 'a friend (invite link)' });
    await page.getByTestId('playtest').click();
    await page.waitForURL(/\/tcg\//, { timeout: 30_000 });
    await page.getByTestId('lobby').waitFor({ timeout: 30_000 });
    const friend = await openPage(app.browser, await page.getByTestId('invite-link').inputValue(), {
      reducedMotion: 'reduce',
    });
    await friend.page.getByTestId('player-name').fill('Bea');
    await friend.page.getByTestId('join-as').click();
    await friend.page.waitForURL(/\/tcg\//);
    for (const seated of [page, friend.page])
      await seated.getByTestId('tcg-table').waitFor({ timeout: 30_000 });
    expect(await friend.page.getByTestId('playtest-bar').textContent()).toContain(
      'Playtest of the draft',
    );
    expect(await friend.page.getByRole('button', { name: 'Save this position' }).count()).toBe(0);
    await page.getByTestId('position-name').fill('With Bea');
    await page.getByRole('button', { name: 'Save this position' }).click();
    await expect
      .poll(() => page.getByTestId('playtest-bar').getByRole('status').textContent(), {
        timeout: 20_000,
      })
      .toContain('Bea plays in this match');
    await friend.context.close();
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 600_000);
});
