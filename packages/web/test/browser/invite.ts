import type { BrowserContextOptions } from 'playwright-core';
import { openPage, type WatchedPage } from './browser.ts';
import type { ServedTable } from './served-app.ts';

/** What the host ticks on the Golf setup form besides the two seats and one hole. */
export interface InviteTableOptions {
  /** "Approve who joins": a joiner waits in the lobby until the host lets them in. */
  approve?: boolean;
  /** "Replays: anyone with the link". */
  publicReplays?: boolean;
  page?: BrowserContextOptions;
}

/**
 * Ada sets up a one-hole Golf table for two from the home page, seat 2 "A friend (invite by
 * code)"; answers her page, in the lobby, and the room code.
 */
export async function hostInviteTable(
  app: ServedTable,
  options: InviteTableOptions = {},
): Promise<{ host: WatchedPage; code: string }> {
  const host = await openPage(app.browser, app.url, options.page);
  const { page } = host;
  await page.getByTestId('player-name').fill('Ada');
  // The game list, arriving, pushes the setup down the page: a click aimed just before it came
  // landed elsewhere and the setup stayed folded (seen once on a loaded machine).
  await page.getByTestId('choose-golf').waitFor();
  await page.getByText('Set up a table').click();
  await page.getByTestId('seat-count').selectOption('2');
  await page.getByTestId('seat-choice-1').selectOption({ label: 'A friend (invite by code)' });
  await page.getByTestId('holes').fill('1');
  if (options.approve) await page.getByLabel('Approve who joins').check();
  if (options.publicReplays) await page.getByLabel('Replays: anyone with the link').check();
  await page.getByTestId('create-submit').click();
  await page.getByTestId('lobby').waitFor();
  const code = (await page.getByTestId('room-code').textContent()) as string;
  return { host, code };
}

/** `name` joins by the room code from the home page, in a new browser context of their own. */
export async function joinByCode(
  app: ServedTable,
  name: string,
  code: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const guest = await openPage(app.browser, app.url, options);
  await guest.page.getByTestId('player-name').fill(name);
  await guest.page.getByTestId('join-code').fill(code);
  await guest.page.getByTestId('join-submit').click();
  await guest.page.waitForURL(/\/match\//);
  return guest;
}
