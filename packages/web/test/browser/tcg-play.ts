import type { Locator, Page } from 'playwright-core';
import { textContrast } from './contrast.ts';

export interface Played {
  moves: number;
  targetedSpells: number;
  responses: number;
  /** Times the Pass button showed while no card in hand could be played (auto-pass failed). */
  passWithoutAnswer: number;
  /** The sentences shown while choosing a target for a card being played. */
  targeting: string[];
  /** The turn labels seen on the heroes. */
  turnTags: string[];
  /** Times it moved on to a later main phase of its turn (a ruleset with more than one). */
  nextPhases: number;
  /**
   * Before each move to a later phase, the phase track and the button as read:
   * "Main 1 › [Combat] › Main 2: Next: Main 2" (the current step in brackets), each once.
   */
  phaseMoves: string[];
  /** The contrast of the current step's name against its fill, the lowest seen. */
  phaseContrast: number | null;
  /** The buttons of units' activated abilities it used, as labelled, each once. */
  activations: string[];
}

const visible = async (page: Page, selector: string) => (await page.locator(selector).count()) > 0;

/**
 * Clicks if the element is still there: the table re-renders as steps arrive, so a control seen
 * a moment ago may be gone; the loop then looks again instead of waiting for it.
 */
async function tryClick(locator: Locator): Promise<boolean> {
  try {
    await locator.click({ timeout: 3000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Plays the TCG table by clicking, like a cautious player who keeps mana for answers.
 * `onMyMove` looks at the table each time it is this seat's move in its main phase, before the
 * move (a layout check over every position of a match, say).
 */
export async function playUntilOver(
  page: Page,
  onMyMove: () => Promise<void> = async () => {},
): Promise<Played> {
  const played: Played = {
    moves: 0,
    targetedSpells: 0,
    responses: 0,
    passWithoutAnswer: 0,
    targeting: [],
    turnTags: [],
    nextPhases: 0,
    phaseMoves: [],
    phaseContrast: null,
    activations: [],
  };
  const noteTargeting = async () => {
    const text = await page
      .getByTestId('tcg-targeting')
      .textContent({ timeout: 1000 })
      .catch(() => null);
    if (text) played.targeting.push(text);
  };
  const actionable =
    '[data-testid=tcg-outcome],[data-testid=tcg-mulligan],[data-testid=tcg-decision],[data-testid=tcg-pass],[data-testid=tcg-end-turn]';
  const clickFirst = async (selector: string) => {
    const target = page.locator(selector).first();
    return (await target.count()) > 0 && tryClick(target);
  };
  const chooseTarget = () =>
    clickFirst(
      '[data-testid=tcg-hero-them].tcg-clickable, [data-testid=tcg-board-them] .tcg-clickable, [data-testid=tcg-stack] .tcg-clickable, .tcg-clickable',
    );
  for (let turn = 0; turn < 800; turn++) {
    await page.waitForSelector(actionable, { timeout: 60_000 });
    if (await visible(page, '[data-testid=tcg-outcome]')) return played;
    played.moves++;
    // A target still to choose (a click before missed it): choose it first.
    if (await visible(page, '[data-testid=tcg-targeting]')) {
      await chooseTarget();
      continue;
    }
    for (const tag of await page.getByTestId('tcg-turn-tag').allTextContents())
      if (!played.turnTags.includes(tag)) played.turnTags.push(tag);
    if (await visible(page, '[data-testid=tcg-mulligan]')) {
      await tryClick(page.getByTestId('tcg-mulligan'));
    } else if (await visible(page, '[data-testid=tcg-decision]')) {
      const option = page
        .locator('.tcg-prompt button')
        .filter({ hasNotText: /Confirm|Cancel|End turn|Pass/ });
      if (await option.count()) await tryClick(option.first());
      else if (!(await clickFirst('.tcg-clickable')))
        await tryClick(page.getByTestId('tcg-confirm-picks'));
    } else if (await visible(page, '[data-testid=tcg-pass]')) {
      const answer = page.locator('[data-testid=tcg-hand] [data-playable=true]');
      if (!(await answer.count())) played.passWithoutAnswer++;
      if ((await page.locator('[data-testid=tcg-stack-item]').count()) && (await answer.count())) {
        if (await tryClick(answer.first())) {
          if (await visible(page, '[data-testid=tcg-targeting]')) {
            await noteTargeting();
            await chooseTarget();
          }
          played.responses++;
        }
      } else await tryClick(page.getByTestId('tcg-pass'));
    } else {
      // One atomic look at the table: the controls shown with the hand they belong to (a look
      // taken while a step animates would see no playable card and end the turn early).
      const table = await page.evaluate(() => {
        const all = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];
        const hero = document.querySelector<HTMLElement>('[data-testid=tcg-hero-me]');
        return {
          ready: document.querySelector('[data-testid=tcg-end-turn]') !== null,
          laterPhase: document.querySelector('[data-testid=tcg-next-phase]') !== null,
          mana: Number(hero?.dataset.mana ?? 0),
          holdsAnswer: all('[data-testid=tcg-hand] [data-speed=instant]').length > 0,
          cards: all('[data-testid=tcg-hand] [data-playable=true][data-speed=normal]').map(
            (element) => ({ ...element.dataset }),
          ),
          attackers: all('[data-testid=tcg-board-me] .tcg-clickable').length,
          activation: all('[data-testid=tcg-activate]').map((button) => button.textContent!)[0],
          phaseMove: `${all('[data-testid=tcg-phase]')
            .map((step) =>
              step.getAttribute('aria-current') === 'step'
                ? `[${step.textContent}]`
                : step.textContent,
            )
            .join(' › ')}: ${document.querySelector('[data-testid=tcg-next-phase]')?.textContent}`,
        };
      });
      if (!table.ready) {
        await page.waitForTimeout(60);
        continue;
      }
      await onMyMove();
      const { mana, cards } = table;
      const reserve = table.holdsAnswer ? 2 : 0;
      const card = cards.find((c) => mana - Number(c.cost) >= reserve);
      // A click that misses (the table re-rendered) looks again rather than doing something
      // else: the same position always gets the same move, so a seeded match replays alike.
      if (card) {
        if (!(await tryClick(page.locator(`[data-testid=tcg-hand] [data-id="${card.id}"]`))))
          continue;
        if (await visible(page, '[data-testid=tcg-targeting]')) {
          if (card.kind === 'spell') await noteTargeting();
          if ((await chooseTarget()) && card.kind === 'spell') played.targetedSpells++;
        }
      } else if (table.activation !== undefined) {
        // A unit's activated ability: its button, then its target on the table if it asks.
        if (!(await tryClick(page.getByTestId('tcg-activate').first()))) continue;
        if (!played.activations.includes(table.activation))
          played.activations.push(table.activation);
        if (await visible(page, '[data-testid=tcg-targeting]')) {
          await noteTargeting();
          await chooseTarget();
        }
      } else if (table.attackers > 0) {
        if (await clickFirst('[data-testid=tcg-board-me] .tcg-clickable')) await chooseTarget();
      } else if (table.laterPhase) {
        // Nothing left to do in this main phase: on to the next (its plays or attacks), as a
        // player would, rather than end a turn that has more to it.
        if (!played.phaseMoves.includes(table.phaseMove)) {
          played.phaseMoves.push(table.phaseMove);
          const contrast = await textContrast(
            page,
            '[data-testid=tcg-phase][aria-current=step] span',
          );
          played.phaseContrast = Math.min(played.phaseContrast ?? contrast, contrast);
        }
        if (await tryClick(page.getByTestId('tcg-next-phase'))) played.nextPhases++;
      } else await tryClick(page.getByTestId('tcg-end-turn'));
    }
    // Let the action reach the server and the new LEGAL list arrive.
    await page.waitForTimeout(60);
  }
  throw new Error('the match did not end');
}
