import type { Page } from 'playwright-core';

/**
 * On the studio's "My games" page: a new game named `name` started as a copy of a published
 * game (`from`, the label the "Start from" list shows); resolves on its cards tab, where a game
 * that plays already opens.
 */
export async function createGameFrom(page: Page, name: string, from: string, slug: string) {
  await page.getByRole('heading', { name: 'Creator studio' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Start from').selectOption({ label: from });
  await page.getByRole('button', { name: 'Create game' }).click();
  await page.waitForURL(new RegExp(`/studio/${slug}/cards$`));
}
