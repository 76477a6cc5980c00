import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packArchive, readContentFolder, unpackArchive } from '@cardtable/server/content';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser/browser.ts';
import { useServedApp } from './browser/served-app.ts';
import { createGameFrom } from './browser/studio.ts';
import { horizontalOverflow } from './browser/layout.ts';
import { ok, publishTidepool, TIDEPOOL } from './browser/tidepool.ts';

describe('the creator studio: published versions', () => {
  const app = useServedApp();

  it('bans a card in a version (naming the decks it breaks), deprecates it and restores it', async () => {
    const { creator: other } = await publishTidepool(app.url);

    const { page, errors } = await openPage(app.browser, `${app.url}/studio`, {
      reducedMotion: 'reduce',
      viewport: { width: 1366, height: 900 },
    });
    await createGameFrom(page, 'Reef Cup', 'A copy of Tidepool (version 1)', 'reef-cup');
    await page.getByRole('link', { name: 'Publish' }).click();
    await page.getByTestId('publish-valid').waitFor({ timeout: 30_000 });
    // The copy's one warning (the fixture's README), counted in the right number.
    expect(await page.getByTestId('publish-valid').textContent()).toContain('(1 warning below)');
    // No versions yet: nothing to manage.
    expect(await page.getByTestId('versions').count()).toBe(0);

    // Two versions; the newer one is what new matches take.
    const publish = async (name: string, n: number) => {
      await page.getByLabel('Version name').fill(name);
      const button = page.getByRole('button', { name: 'Publish', exact: true });
      // Under a loaded machine's checks the button may wait; if it never enables, say why.
      const why = async () =>
        (await button.isEnabled())
          ? 'enabled'
          : `disabled (validation: ${await page.getByTestId('validation-state').textContent()}, ` +
            `name: ${await page.getByLabel('Version name').inputValue()}, ` +
            `save: ${await page.getByTestId('save-state').textContent()})`;
      await expect.poll(why, { timeout: 60_000 }).toBe('enabled');
      await button.click();
      await expect
        .poll(() => page.getByTestId('published').textContent(), { timeout: 30_000 })
        .toContain(`Published version ${n} (${name})`);
    };
    await publish('1.0.0', 1);
    await publish('1.0.1', 2);
    const v1 = page.getByTestId('version-1');
    const v2 = page.getByTestId('version-2');
    await v2.waitFor();
    await expect.poll(() => v2.textContent()).toContain('new matches use this');
    expect(await v1.textContent()).not.toContain('new matches use this');

    // Ban Moray Eel in version 2: the editor says the Depths deck will be refused, then saves.
    await v2.getByRole('button', { name: 'Banlist of version 2…' }).click();
    const editor = page.getByTestId('banlist-2');
    await editor.getByLabel('Moray Eel').check();
    expect(await editor.getByTestId('banlist-decks').textContent()).toContain('Depths (Moray Eel)');
    await screenshot(page, 'studio-versions-1-banlist');
    await editor.getByRole('button', { name: 'Save the banlist (1 card)' }).click();
    await expect.poll(() => v2.textContent()).toContain('Banned cards: 1 (Moray Eel)');
    const detail = async () => ok(await other.getGame('reef-cup')).versions;
    expect((await detail()).find((v) => v.version === 2)?.banlist).toEqual(['reef/moray-eel']);

    // Deprecate version 2 (asked twice, by keyboard): version 1 becomes what new matches take.
    await v2.getByRole('button', { name: 'Deprecate…' }).focus();
    await page.keyboard.press('Enter');
    expect(await v2.getByRole('status').textContent()).toContain(
      'New matches will stop taking version 2',
    );
    await v2.getByRole('button', { name: 'Deprecate version 2' }).click();
    await expect.poll(() => v2.textContent()).toContain('deprecated');
    await expect.poll(() => v1.textContent()).toContain('new matches use this');
    expect((await detail()).map((v) => [v.version, v.deprecated])).toEqual([
      [1, false],
      [2, true],
    ]);
    await screenshot(page, 'studio-versions-2-deprecated');

    // Restored, version 2 is taken again.
    await v2.getByRole('button', { name: 'Restore version 2' }).click();
    await expect.poll(() => v2.textContent()).toContain('new matches use this');
    expect((await detail()).find((v) => v.version === 2)?.deprecated).toBe(false);
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 300_000);

  it('saves again by itself when the server is still checking its last saves, one save at a time; imports a zipped folder and downloads it', async () => {
    // A long name: on a phone the list cuts it, the help under the list says it whole.
    const longName = 'Reef Source of the Long Tidepool Adventures';
    await publishTidepool(app.url, { slug: 'reef-source', name: longName });
    const { page } = await openPage(app.browser, `${app.url}/studio`, { reducedMotion: 'reduce' });
    await createGameFrom(page, 'Retry Reef', `A copy of ${longName} (version 1)`, 'retry-reef');
    await page.getByRole('link', { name: 'Ruleset' }).click();
    const state = page.getByTestId('save-state');
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('All changes saved');

    // The server answers the first save as a busy validation thread does (no edit follows).
    let refused = 0;
    await page.route('**/api/content/games/retry-reef/draft', async (route) => {
      if (route.request().method() !== 'PUT' || refused > 0) return route.continue();
      refused++;
      await route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'RATE_LIMITED',
          message:
            'Your last packages are still being checked: send this one again when they are done.',
          details: { retryAfterMs: 300 },
        }),
      });
    });
    await page.locator('input[data-path="players.life"]').fill('17');
    await expect.poll(() => refused, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('All changes saved');
    await page.unroute('**/api/content/games/retry-reef/draft');

    // A slow save and an edit meanwhile: the next save waits for it (with the revision it
    // answers) instead of racing it and being refused as a change from another tab.
    let slowed = 0;
    await page.route('**/api/content/games/retry-reef/draft', async (route) => {
      if (route.request().method() === 'PUT' && slowed++ === 0)
        await new Promise((resolve) => setTimeout(resolve, 2_500));
      await route.continue();
    });
    let answered = 0;
    page.on('response', (response) => {
      if (response.request().method() === 'PUT' && response.url().endsWith('/retry-reef/draft'))
        answered++;
    });
    const life = page.locator('input[data-path="players.life"]');
    await life.fill('18');
    await expect.poll(() => slowed, { timeout: 15_000 }).toBe(1);
    await life.fill('19');
    // Both saves answered (the slow one too), and neither was refused.
    await expect.poll(() => answered, { timeout: 15_000 }).toBe(2);
    expect(await state.textContent()).toBe('All changes saved');
    await page.reload();
    await expect.poll(() => life.inputValue(), { timeout: 15_000 }).toBe('19');
    await page.unroute('**/api/content/games/retry-reef/draft');

    // A zipped folder imported as a new game (Tide Caller given a second ability, which calls Lua
    // in both branches of an if; a keyword no card prints, whose ability calls Lua too), its dry
    // run of the nested Lua the creator picks by its name, of the keyword's as a match would grant
    // it, and the draft downloaded as the same files.
    const files = new Map(await readContentFolder(TIDEPOOL));
    files.set(
      'ruleset.json',
      (files.get('ruleset.json') as string).replace(
        '"keywords": {',
        `"keywords": { "tidal": { "name": "Tidal", "reminder": "At the end of your turn, draw a card.",
          "abilities": [{ "id": "surge", "kind": "triggered", "trigger": { "on": "turnEnd" },
            "lua": { "module": "tide_caller", "entry": "flow" }, "text": "At the end of your turn, draw a card." }] },`,
      ),
    );
    files.set(
      'cards.json',
      (files.get('cards.json') as string).replace(
        /("text": "When this arrives[^"]*"\s*})/,
        `$1, { "id": "ebb", "kind": "triggered", "trigger": { "on": "turnEnd", "whose": "controller" },
          "effects": [{ "do": "if", "cond": { "exists": "unit & enemy & id:reef/reef-shark" },
            "then": [{ "do": "lua", "module": "tide_caller", "entry": "flow" }],
            "else": [{ "do": "lua", "module": "tide_caller", "entry": "ebb" }] }],
          "text": "At the end of your turn, your keeper regains 2 health (or draws, facing a reef shark)." }`,
      ),
    );
    files.set(
      'lua/tide_caller.lua',
      `${files.get('lua/tide_caller.lua') as string}\nfunction ebb()\n  heal(state.friendly.hero, 2)\nend\n` +
        'function flow()\n  draw(state.friendly.hero, 1)\nend\n',
    );
    const zip = join(mkdtempSync(join(tmpdir(), 'studio-zip-')), 'tide.zip');
    writeFileSync(zip, packArchive(files, 'tide'));
    await page.goto(`${app.url}/studio`);
    await page.getByLabel('Name', { exact: true }).fill('Zip Reef');
    await page.getByLabel('Start from').selectOption({ label: 'A game folder, zipped (.zip)' });
    // A folder with a path out of it is refused, with the file and why, and nothing is made.
    const escape = join(dirname(zip), 'escape.zip');
    writeFileSync(escape, packArchive(new Map([...files, ['../escape.lua', '']]), 'tide'));
    await page.getByLabel('Zipped game folder').setInputFiles(escape);
    await page.getByRole('button', { name: 'Create game' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(
        'The zip is refused, nothing was made: ../escape.lua: a path may not contain empty, "." or ".." parts.',
      );
    await screenshot(page, 'studio-versions-3-import-refused');
    await page.getByLabel('Zipped game folder').setInputFiles(zip);
    await page.getByRole('button', { name: 'Create game' }).click();
    await page.waitForURL(/\/studio\/zip-reef\/cards$/);
    await page.getByRole('link', { name: 'Lua abilities' }).click();
    const ability = page.getByTestId('dry-run-ability');
    await expect
      .poll(() => ability.locator('option').allTextContents())
      .toEqual([
        'swell',
        'ebb.effects[0].then[0] (flow)',
        'ebb.effects[0].else[0] (ebb)',
        'tidal:surge (flow), granted in a match',
      ]);
    await ability.selectOption('ebb.effects[0].else[0]');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => page.getByTestId('dry-run-result').textContent(), { timeout: 30_000 })
      .toMatch(/^ebb\.effects\[0\]\.else\[0\] \(tide_caller\.ebb\): 1 effect/);
    await screenshot(page, 'studio-versions-3-dry-run-ability');
    await ability.selectOption('tidal:surge');
    await expect
      .poll(() => page.getByTestId('dry-run-granted').textContent())
      .toMatch(/^Tide Caller does not print tidal: the dry run grants it the keyword/);
    await page.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => page.getByTestId('dry-run-result').textContent(), { timeout: 30_000 })
      .toMatch(/^tidal:surge \(tide_caller\.flow\): 1 effect/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .zip' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('zip-reef.zip');
    const downloaded = unpackArchive(new Uint8Array(readFileSync(await download.path())));
    expect(downloaded.ok && [...downloaded.files.keys()].sort()).toEqual([...files.keys()].sort());
    expect(downloaded.ok && downloaded.files.get('cards.json')).toBe(files.get('cards.json'));

    // The starter game plays at once: a new creator's first draft opens valid (a blank ruleset
    // opened with two errors and nothing to playtest).
    // It is where a new creator starts: the first choice, chosen already. While it is made, the
    // form says so (the button only greyed out, for as long as it took).
    await page.goto(`${app.url}/studio`);
    const startFrom = page.getByLabel('Start from');
    await page.getByRole('heading', { name: 'Creator studio' }).waitFor();
    expect(await startFrom.locator('option').first().textContent()).toBe(
      'A starter game, ready to playtest',
    );
    expect(await startFrom.evaluate((select: HTMLSelectElement) => select.selectedIndex)).toBe(0);
    // What it makes is said under the list (in the option, it was cut on a phone: "…two de").
    expect(await page.getByTestId('start-help').textContent()).toMatch(
      /^Seven cards and two decks/,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    expect(
      await startFrom.evaluate((select: HTMLSelectElement) => {
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
        probe.style.font = getComputedStyle(select).font;
        probe.textContent = select.selectedOptions[0]!.text;
        document.body.append(probe);
        const fits = probe.offsetWidth < select.clientWidth - 24; // the arrow's room
        probe.remove();
        return fits;
      }),
    ).toBe(true);
    await startFrom.selectOption({ label: `A copy of ${longName} (version 1)` });
    const help = page.getByTestId('start-help');
    expect(await help.textContent()).toMatch(new RegExp(`^A copy of ${longName}, version 1: `));
    expect(await help.evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await startFrom.selectOption({ index: 0 });
    await page.setViewportSize({ width: 1280, height: 860 });
    const progress = page.getByRole('status').filter({ hasText: 'Creating' });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/content/games', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('Name', { exact: true }).fill('Starter Reef');
    await page.getByRole('button', { name: 'Create game' }).click();
    await expect.poll(() => progress.textContent()).toBe('Creating Starter Reef…');
    release();
    // It plays already: it opens on its cards, the next steps (edit, playtest, publish) above.
    await page.waitForURL(/\/studio\/starter-reef\/cards$/);
    expect(await page.getByTestId('next-steps').textContent()).toMatch(
      /^Starter Reef is made, and plays already.*Edit a card.*Playtest.*Publish/,
    );
    await screenshot(page, 'studio-versions-4-new-game');
    await page.getByRole('button', { name: 'Hide these steps' }).click();
    await expect.poll(() => page.getByTestId('next-steps').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('validation-state').textContent(), { timeout: 30_000 })
      .toBe('Valid');
  }, 180_000);
});
