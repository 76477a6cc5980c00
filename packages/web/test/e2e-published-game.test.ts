import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser/browser.ts';
import { contentEdges, horizontalOverflow } from './browser/layout.ts';
import { matchIdOf, matchOf, referee } from './browser/referee.ts';
import { useServedApp } from './browser/served-app.ts';
import { playUntilOver } from './browser/tcg-play.ts';
import { PLAYING_TOPBAR, topbarControls } from './browser/topbar.ts';
import { ok, publishTidepool } from './browser/tidepool.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cliBin = join(repoRoot, 'packages/cli/bin/cardtable.js');

/** How each card seen on a page was drawn: `image` (loaded) or `generated`, by card id. */
async function artSeen(page: Page): Promise<Record<string, string>> {
  return page
    .evaluate(() => {
      const seen: Record<string, string> = {};
      // Card faces only: an activated ability's button carries its unit's handle as data-card.
      for (const card of document.querySelectorAll<HTMLElement>('.tcg-card[data-card]')) {
        const image = card.querySelector<HTMLImageElement>('img.tcg-art-image');
        const kind = image
          ? image.complete && image.naturalWidth > 0
            ? 'image'
            : 'image-loading'
          : card.querySelector('svg.tcg-art-generated')
            ? 'generated'
            : 'none';
        if (seen[card.dataset.card!] !== 'image') seen[card.dataset.card!] = kind;
      }
      return seen;
    })
    .catch(() => ({}));
}

describe('a published game, played by two people who meet by invite code', () => {
  // Every match deals from this seed, and the players' clicks follow the position alone, so the
  // match replays alike: in this one a Pearl Diver meets an enemy creature in the battle phase
  // (another seed may never bring its activated ability up).
  const app = useServedApp({ MATCH_SEED: 'tidepool-1' });
  const downloads = mkdtempSync(join(tmpdir(), 'cardtable-export-'));
  afterAll(() => rmSync(downloads, { recursive: true, force: true }));

  it('publishes over HTTP, sets up from the home page, plays to the end and verifies the export', async () => {
    // A creator publishes the Tidepool folder through the SDK's content API, its main phase
    // split in two (plays, then attacks and activated abilities), so the table offers Next
    // phase between them; its Pearl Diver gains an activated ability.
    const { creator, draft, version } = await publishTidepool(app.url, {
      description: 'Pearls, currents and four creatures to a side.',
      phases: [
        {
          id: 'tide',
          kind: 'auto',
          raises: 'turnStart',
          steps: ['readyUnits', 'growResources', 'refillResources', 'draw'],
        },
        { id: 'main', kind: 'main', actions: ['play'] },
        { id: 'battle', kind: 'main', actions: ['attack', 'activate'] },
        { id: 'ebb', kind: 'auto', raises: 'turnEnd', steps: ['expireEndOfTurn'] },
      ],
      abilities: {
        'reef/pearl-diver': [
          {
            id: 'spear',
            kind: 'activated',
            targets: [{ id: 't', choose: 'creature & enemy' }],
            effects: [{ do: 'damage', to: '$t', amount: 1 }],
          },
        ],
      },
    });
    expect(draft.errors).toEqual([]);
    expect(version.version).toBe(1);

    // The host sets the match up on a phone-sized screen: the list, the form, an invite.
    const motion = { reducedMotion: 'reduce' as const };
    const host = await openPage(app.browser, app.url, {
      ...motion,
      viewport: { width: 390, height: 844 },
    });
    await host.page.getByTestId('player-name').fill('Ada');
    const listed = host.page.getByTestId('game-tidepool');
    await listed.waitFor();
    await expect.poll(() => listed.textContent()).toContain('by Marin');
    expect(await listed.textContent()).toContain('Pearls, currents and four creatures');
    expect(await listed.getByTestId('play-count').textContent()).toBe('0 matches played');
    await host.page.getByTestId('choose-tidepool').focus();
    await host.page.keyboard.press('Enter');
    await host.page.getByTestId('tcg-setup').waitFor();
    await host.page.getByTestId('tcg-version').waitFor();

    // A pasted list the validator refuses: its sentences appear at the field, nothing is created.
    await host.page.getByTestId('tcg-deck-0-select').selectOption({ label: 'Paste a deck list…' });
    await host.page.getByTestId('tcg-deck-0-list').fill('3 Pearl Diver\n# too few cards');
    await host.page
      .getByTestId('tcg-opponent')
      .selectOption({ label: 'Invite a friend (by code or link)' });
    const before = host.errors.length;
    await host.page.getByTestId('tcg-submit').click();
    const deckErrors = host.page.getByTestId('tcg-deck-0-errors');
    await deckErrors.waitFor();
    expect(await deckErrors.textContent()).toMatch(/12/);
    expect(await host.page.getByTestId('tcg-deck-0-list').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(new URL(host.page.url()).pathname).toBe('/');
    // The browser logs the refused request itself; nothing else may have gone wrong.
    expect(host.errors.splice(before)).toEqual([
      expect.stringContaining('status of 400 (Bad Request)'),
    ]);
    await screenshot(host.page, 'published-1-deck-errors-phone');

    await host.page.getByTestId('tcg-deck-0-select').selectOption({ label: 'Shallows' });
    await host.page.getByTestId('tcg-deck-1-select').selectOption({ label: 'Depths' });
    await host.page.getByTestId('tcg-submit').click();
    await host.page.getByTestId('lobby').waitFor();
    const code = (await host.page.getByTestId('room-code').textContent()) as string;
    expect(code).toMatch(/^\w{4,}$/);
    expect(await host.page.getByTestId('invite-link').inputValue()).toBe(`${app.url}/join/${code}`);
    await expect.poll(() => host.page.getByTestId('game-title').textContent()).toBe('Tidepool');
    expect(
      await host.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    await screenshot(host.page, 'published-2-lobby-phone');

    // The friend joins by the room code from the home page.
    const guest = await openPage(app.browser, app.url, motion);
    await guest.page.getByTestId('player-name').fill('Bea');
    await guest.page.getByTestId('join-code').fill(code.toLowerCase());
    await guest.page.getByTestId('join-submit').click();
    await guest.page.waitForURL(/\/tcg\//);
    expect(matchIdOf(guest.page.url())).toBe(matchIdOf(host.page.url()));
    for (const { page } of [host, guest]) {
      await page.getByTestId('tcg-table').waitFor();
      await expect.poll(() => page.getByTestId('game-title').textContent()).toMatch(/^Tidepool/);
    }
    // Each seat carries the name its player chose.
    await expect.poll(() => host.page.getByTestId('tcg-hero-them').textContent()).toContain('Bea');
    await expect.poll(() => guest.page.getByTestId('tcg-hero-them').textContent()).toContain('Ada');
    await screenshot(guest.page, 'published-3-table');
    // Every seat is taken: no room code invites to the table any more (the lobby showed it).
    expect(await host.page.getByTestId('room-code').count()).toBe(0);
    // The top bar has the controls of every table, in the same order as Golf's.
    await expect.poll(() => topbarControls(host.page)).toEqual(PLAYING_TOPBAR);

    // Both play real turns to the end; meanwhile, note how every card on screen is drawn.
    const seen: Record<string, string> = {};
    let playing = true;
    const watch = (async () => {
      while (playing) {
        for (const { page } of [host, guest]) {
          for (const [card, kind] of Object.entries(await artSeen(page)))
            if (seen[card] !== 'image') seen[card] = kind;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    const [hostPlayed, guestPlayed] = await Promise.all([
      playUntilOver(host.page),
      playUntilOver(guest.page),
    ]);
    playing = false;
    await watch;
    await screenshot(host.page, 'published-4-over-phone');
    expect(hostPlayed.moves + guestPlayed.moves).toBeGreaterThan(6);
    // Attacks come only after Next phase: both took it, and the match still ended.
    expect(hostPlayed.nextPhases).toBeGreaterThan(0);
    expect(guestPlayed.nextPhases).toBeGreaterThan(0);
    // Each saw where the turn was, named from the published phases, and where the button led.
    for (const played of [hostPlayed, guestPlayed]) {
      expect(played.phaseMoves).toEqual(['[Main] › Battle: Next: Battle']);
      expect(played.phaseContrast).toBeGreaterThanOrEqual(4.5);
    }
    // The Pearl Diver's activated ability was offered as a button in the battle phase, used,
    // and its target chosen on the table, in the words of its card.
    const activations = [...hostPlayed.activations, ...guestPlayed.activations];
    expect(new Set(activations)).toEqual(
      new Set(['Pearl Diver: deal 1 damage to an enemy creature (once a turn)']),
    );
    expect([...hostPlayed.targeting, ...guestPlayed.targeting]).toContain(
      'Pearl Diver: choose a target to deal 1 damage to an enemy creature',
    );

    const matchId = matchIdOf(host.page.url());
    const meta = await matchOf(await referee(app.url, host.page), matchId);
    expect(meta.status).toBe('over');
    expect(meta.content).toMatchObject({ slug: 'tidepool', version: 1, name: 'Tidepool' });
    expect(meta.content?.contentHash).toBe(version.contentHash);
    for (const { page } of [host, guest])
      await expect
        .poll(() => page.getByTestId('tcg-outcome').textContent())
        .toMatch(/^(You win|\w+ wins|A draw)\b/);

    // Pearl Diver has art in the package: shown as its image; every other card is generated.
    expect(seen['reef/pearl-diver']).toBe('image');
    const others = Object.entries(seen).filter(([card]) => card !== 'reef/pearl-diver');
    expect(others.length).toBeGreaterThan(2);
    for (const [, kind] of others) expect(kind).toBe('generated');

    // The export, downloaded from the final table, re-executes exactly with the CLI.
    const [download] = await Promise.all([
      host.page.waitForEvent('download'),
      host.page.getByTestId('replay-export').click(),
    ]);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      match: { matchId: string; content?: { contentHash: string } };
      content?: { contentHash: string };
    };
    expect(exported.match.matchId).toBe(matchId);
    expect(exported.match.content?.contentHash).toBe(version.contentHash);
    expect(exported.content?.contentHash).toBe(version.contentHash);
    const verified = spawnSync(process.execPath, [cliBin, 'replay', 'verify', file], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(verified.stdout).toMatch(/^OK: /);
    expect(verified.status).toBe(0);

    // The same export without its embedded files opens in the replay viewer: it fetches the
    // pinned version's files from the content API (checked against the pinned hash).
    const { content: _embedded, ...bare } = exported as typeof exported & { content?: unknown };
    const barePath = join(downloads, 'bare.json');
    writeFileSync(barePath, JSON.stringify(bare));
    await host.page.goto(`${app.url}/replay`);
    await host.page.getByTestId('replay-import').setInputFiles(barePath);
    await host.page.locator('.tcg-replay [data-testid=tcg-table]').waitFor();
    await host.page.getByTestId('replay-end').click();
    await expect
      .poll(() => host.page.getByTestId('tcg-outcome').textContent())
      .toMatch(/wins|draw/i);

    const games = ok(await creator.listGames()).games;
    expect(games.find((g) => g.slug === 'tidepool')?.playCount).toBe(1);
    expect([...host.errors, ...guest.errors]).toEqual([]);
  }, 600_000);

  it("the studio's new-game form fits a phone when a published game has a long name, and the home page lines up the games' buttons", async () => {
    const name = 'The Extraordinary Tidepool Expedition of the Northern Reefs';
    await publishTidepool(app.url, { slug: 'long-tidepool', name });

    const { page, errors } = await openPage(app.browser, `${app.url}/studio`, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    // "Start from" offers a copy of it, by its name.
    await page.getByRole('option', { name: `A copy of ${name} (version 1)` }).waitFor({
      state: 'attached',
    });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // Its edges are the account bar's, as on every page.
    expect(await contentEdges(page, '.studio')).toEqual(await contentEdges(page, '.account-bar'));
    expect(errors).toEqual([]);

    // On a wider screen the home page lists it beside a game with a short name, neither with a
    // description: each button sits at the bottom of its card, level with its neighbour's (the
    // short one's sat under its name).
    await publishTidepool(app.url, { slug: 'plain-tidepool', name: 'Plain' });
    const home = await openPage(app.browser, app.url);
    await home.page.getByTestId('game-plain-tidepool').waitFor();
    await home.page.getByTestId('game-long-tidepool').waitFor();
    const buttonsAboveBottom = await home.page.getByTestId('game-list').evaluate((list) =>
      [...list.children].map((item) => {
        const style = getComputedStyle(item);
        const inner =
          item.getBoundingClientRect().bottom -
          parseFloat(style.paddingBottom) -
          parseFloat(style.borderBottomWidth);
        return (
          Math.round(inner - item.querySelector('button')!.getBoundingClientRect().bottom) || 0
        );
      }),
    );
    expect(buttonsAboveBottom).toEqual(buttonsAboveBottom.map(() => 0));
    expect(home.errors).toEqual([]);
  }, 120_000);
});
