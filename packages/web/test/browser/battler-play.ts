import type { Locator, Page } from 'playwright-core';

export interface BattlerPlayed {
  moves: number;
  setups: number;
  attaches: number;
  evolutions: number;
  attacks: number;
  benched: number;
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

/**
 * Plays the battler table by clicking its controls like a plain player: sets up with its first
 * basic (and benches one more), then each turn benches basics, attaches energy (to the active
 * first), evolves, uses the strongest attack it can pay for, else ends the turn.
 */
export async function playBattlerUntilOver(
  page: Page,
  onFirstAttack?: () => Promise<void>,
): Promise<BattlerPlayed> {
  const played: BattlerPlayed = {
    moves: 0,
    setups: 0,
    attaches: 0,
    evolutions: 0,
    attacks: 0,
    benched: 0,
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
  for (let step = 0; step < 2000; step++) {
    await page.waitForSelector(actionable, { timeout: 90_000 });
    if (await visible(page, '[data-testid=tcg-outcome]')) return played;
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
      const basic = page.locator('[data-testid=tcg-hand] [data-playable=true][data-kind=unit]');
      const toActive = page.getByTestId('battler-attach-to').filter({ hasText: '(active)' });
      const attach = page.getByTestId('battler-attach-to');
      const evolve = page.getByTestId('battler-evolve-button');
      const attacks = page.locator('[data-testid=battler-attack]:not([disabled])');
      if ((await basic.count()) && (await tryClick(basic.first()))) played.benched++;
      else if ((await toActive.count()) && (await tryClick(toActive.first()))) played.attaches++;
      else if ((await attach.count()) && (await tryClick(attach.first()))) played.attaches++;
      else if ((await evolve.count()) && (await tryClick(evolve.first()))) played.evolutions++;
      else if ((await attacks.count()) && (await tryClick(attacks.last()))) {
        played.attacks++;
        if (played.attacks === 1) await onFirstAttack?.();
      } else await tryClick(page.getByTestId('tcg-end-turn'));
    }
  }
  throw new Error('The battler match did not end in 2000 moves.');
}
