import type { Locator, Page } from 'playwright-core';

export interface BattlerPlayed {
  moves: number;
  setups: number;
  attaches: number;
  evolutions: number;
  attacks: number;
  benched: number;
  retreats: number;
  tools: number;
  items: number;
  supporters: number;
  stadiums: number;
  /** The first coin flip seen on the table (its words), and whether its coin spun. */
  coin: { words: string; spins: boolean } | null;
  /** The first special condition marker seen on a creature (its words). */
  condition: string | null;
}

const visible = async (page: Page, selector: string) => (await page.locator(selector).count()) > 0;

/** Clicks if the control is still there (the table re-renders as steps arrive). */
async function tryClick(locator: Locator): Promise<boolean> {
  try {
    await locator.click({ timeout: 3000 });
    return true;
  } catch {
    return false;
  }
}

/** Plays a trainer from the hand by clicking it, and a target on the table if it asks for one. */
async function playFromHand(page: Page, card: Locator): Promise<boolean> {
  if (!(await card.count()) || !(await tryClick(card.first()))) return false;
  if (await visible(page, '[data-testid=tcg-hand] .tcg-selected'))
    return tryClick(page.locator('[data-testid^=tcg-board] .tcg-clickable').first());
  return true;
}

/**
 * Watches the table for the first coin flip and condition marker, whenever they appear (the
 * CPU's turn included): a MutationObserver in the page notes them as they are added.
 */
async function watchTable(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { coin: string | null; condition: string | null } = { coin: null, condition: null };
    (window as unknown as { battlerSeen: typeof seen }).battlerSeen = seen;
    const look = () => {
      const coin = document.querySelector('[data-testid=battler-coin]');
      if (!seen.coin && coin) seen.coin = coin.textContent;
      const condition = document.querySelector('[data-testid=battler-condition]');
      if (!seen.condition && condition) seen.condition = condition.textContent;
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
    look();
  });
}

/**
 * Whether the last coin on the table spins for a player who does not reduce motion (the match
 * is played with reduced motion, which stills it).
 */
async function coinSpins(page: Page): Promise<boolean> {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const animation = await page
    .locator('.battler-coin-face')
    .evaluate((face) => getComputedStyle(face).animationName);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return animation === 'battler-coin-spin';
}

/** What the watcher saw. */
const seenOnTable = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          battlerSeen: { coin: string | null; condition: string | null };
        }
      ).battlerSeen,
  );

/** What the test looks at on the way: the table at the first attack, and before each move. */
export interface BattlerWatch {
  onFirstAttack?: () => Promise<void>;
  /** Before each move of this seat's own turn (its offers on screen), say to check the layout. */
  onMyMove?: () => Promise<void>;
}

/**
 * Plays the battler table by clicking its controls like a plain player: sets up with its first
 * basic (and benches one more), then each turn benches basics, plays a stadium, a supporter and
 * items, attaches a tool and energy (to the active first), evolves, retreats once a match,
 * uses the strongest attack it can pay for, else ends the turn.
 */
export async function playBattlerUntilOver(
  page: Page,
  { onFirstAttack, onMyMove }: BattlerWatch = {},
): Promise<BattlerPlayed> {
  const played: BattlerPlayed = {
    moves: 0,
    setups: 0,
    attaches: 0,
    evolutions: 0,
    attacks: 0,
    benched: 0,
    retreats: 0,
    tools: 0,
    items: 0,
    supporters: 0,
    stadiums: 0,
    coin: null,
    condition: null,
  };
  const actionable = [
    'tcg-outcome',
    'battler-setup-active',
    'tcg-mulligan',
    'tcg-decision',
    'tcg-pass',
    'tcg-end-turn',
  ]
    .map((id) => `[data-testid=${id}]`)
    .join(',');
  await watchTable(page);
  for (let step = 0; step < 2000; step++) {
    await page.waitForSelector(actionable, { timeout: 90_000 });
    if (await visible(page, '[data-testid=tcg-outcome]')) {
      const seen = await seenOnTable(page);
      played.coin = seen.coin === null ? null : { words: seen.coin, spins: await coinSpins(page) };
      played.condition = seen.condition;
      return played;
    }
    played.moves++;
    if (await visible(page, '[data-testid=battler-setup-active]')) {
      // Setup by keyboard: every battler control is a button reachable with Tab and Enter.
      await page.getByTestId('battler-setup-active').first().focus();
      await page.keyboard.press('Enter');
      const bench = page.getByTestId('battler-setup-bench');
      if (await bench.count()) {
        await bench.first().focus();
        await page.keyboard.press('Enter');
      }
      const confirm = page.getByTestId('battler-setup-confirm');
      if (await confirm.isEnabled()) {
        await confirm.focus();
        await page.keyboard.press('Enter');
        played.setups++;
      }
    } else if (await visible(page, '[data-testid=tcg-mulligan]')) {
      await tryClick(page.getByTestId('tcg-mulligan'));
    } else if (await visible(page, '[data-testid=tcg-decision]')) {
      const option = page
        .locator('.tcg-prompt > button')
        .filter({ hasNotText: /Confirm|Cancel|End turn|Pass/ });
      if (await option.count()) await tryClick(option.first());
      else if (!(await tryClick(page.locator('.tcg-clickable').first())))
        await tryClick(page.getByTestId('tcg-confirm-picks'));
    } else if (await visible(page, '[data-testid=tcg-pass]')) {
      await tryClick(page.getByTestId('tcg-pass'));
    } else {
      await onMyMove?.();
      const hand = (which: string) =>
        page.locator(`[data-testid=tcg-hand] [data-playable=true]${which}`);
      const basic = hand('[data-kind=unit]');
      const tool = page.getByTestId('battler-tool-to');
      const toActive = page.getByTestId('battler-attach-to').filter({ hasText: '(active)' });
      const attach = page.getByTestId('battler-attach-to');
      const evolve = page.getByTestId('battler-evolve-button');
      const retreat = page.getByTestId('battler-retreat-to');
      // An attack that cannot be used is marked aria-disabled, not disabled (it keeps the focus).
      const attacks = page.locator('[data-testid=battler-attack]:not([aria-disabled=true])');
      if ((await basic.count()) && (await tryClick(basic.first()))) played.benched++;
      else if (await playFromHand(page, hand('[data-kind=stadium]'))) played.stadiums++;
      else if (await playFromHand(page, hand('[data-type=supporter]'))) played.supporters++;
      else if (await playFromHand(page, hand('[data-type=item]'))) played.items++;
      else if ((await tool.count()) && (await tryClick(tool.first()))) played.tools++;
      else if ((await toActive.count()) && (await tryClick(toActive.first()))) played.attaches++;
      else if ((await attach.count()) && (await tryClick(attach.first()))) played.attaches++;
      else if ((await evolve.count()) && (await tryClick(evolve.first()))) played.evolutions++;
      else if (!played.retreats && (await retreat.count()) && (await tryClick(retreat.first())))
        played.retreats++;
      else if ((await attacks.count()) && (await tryClick(attacks.last()))) {
        played.attacks++;
        if (played.attacks === 1) await onFirstAttack?.();
      } else await tryClick(page.getByTestId('tcg-end-turn'));
    }
  }
  throw new Error('The battler match did not end in 2000 moves.');
}
