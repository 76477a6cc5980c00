import type { Locator, Page } from 'playwright-core';

/** What the page offers its player right now. */
type Situation = 'over' | 'tally' | 'choose' | 'move' | 'wait';

const situation = (page: Page) =>
  page.evaluate((): Situation => {
    if (document.querySelector('[data-testid=standings]')) return 'over';
    if (document.querySelector('[data-testid=round-tally]')) return 'tally';
    if (document.querySelector('.mine .slot-active[aria-pressed]')) return 'choose';
    if (document.querySelector('.mine .slot-active, .pile-active, [data-testid^=action-]')) {
      return 'move';
    }
    return 'wait';
  });

/** Clicks, unless the control went away first (the table moved on): then there is nothing to do. */
const clickIfThere = (locator: Locator) =>
  locator.click({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );

/**
 * Makes one move the way a person would, by clicking what the table offers: turn up cards,
 * draw from the deck, swap into a face-down slot (so the hand fills up and the round ends).
 * Returns what it did.
 */
export async function clickOneMove(page: Page): Promise<Situation> {
  const now = await situation(page);
  switch (now) {
    case 'tally':
      return (await clickIfThere(page.getByTestId('tally-continue'))) ? now : 'wait';
    case 'choose':
      return (await clickIfThere(page.locator('.mine .slot-active[aria-pressed=false]').first()))
        ? now
        : 'wait';
    case 'move': {
      const deck = page.locator('.pile-active[data-testid=deck]');
      const faceDown = page.locator('.mine .slot-active[data-face=down]');
      const anySlot = page.locator('.mine .slot-active');
      const buttons = page.locator('[data-testid^=action-]');
      const target = (await deck.count())
        ? deck
        : (await faceDown.count())
          ? faceDown.first()
          : (await anySlot.count())
            ? anySlot.first()
            : (await buttons.count())
              ? buttons.first()
              : page.locator('.pile-active').first();
      return (await clickIfThere(target)) ? now : 'wait';
    }
    case 'over':
    case 'wait':
      break;
  }
  return now;
}

/** Plays by clicking until the standings show; `beforeMove` runs before each click. */
export async function playUntilOver(
  page: Page,
  beforeMove: (moves: number) => Promise<void> = async () => {},
): Promise<number> {
  let moves = 0;
  for (;;) {
    await page.waitForFunction(
      () =>
        document.querySelector(
          '[data-testid=standings], [data-testid=round-tally], .mine .slot-active, .pile-active, [data-testid^=action-]',
        ) !== null,
      null,
      { timeout: 90_000, polling: 50 },
    );
    await beforeMove(moves);
    const did = await clickOneMove(page);
    if (did === 'over') return moves;
    if (did !== 'wait') moves++;
  }
}

/** The standings on screen, by seat: place and score. */
export async function standingsOnScreen(page: Page) {
  const rows = page.getByTestId('standing-row');
  await rows.first().waitFor();
  return rows.evaluateAll((elements) =>
    elements.map((element) => ({
      seat: Number((element as HTMLElement).dataset.seat),
      place: Number((element as HTMLElement).dataset.place),
      score: Number((element as HTMLElement).dataset.score),
    })),
  );
}
