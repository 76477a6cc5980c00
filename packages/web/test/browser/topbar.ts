import type { Page } from 'playwright-core';

/** What a seated player finds at the end of a running table's top bar, in this order. */
export const PLAYING_TOPBAR = [
  'leave-table',
  'resign',
  'sound-toggle',
  'animation-speed',
  'connection-status',
];

/**
 * The top bar's table controls in their order on screen (every table's should match: Golf's
 * and the card game's differed).
 */
export const topbarControls = (page: Page): Promise<string[]> =>
  page.evaluate(
    (known) =>
      [...document.querySelectorAll('.topbar [data-testid]')]
        .map((element) => element.getAttribute('data-testid') ?? '')
        .filter((id) => known.includes(id)),
    PLAYING_TOPBAR,
  );
