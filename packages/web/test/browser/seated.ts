import { CardtableApi, type AuthResponse, type CreateMatchRequest } from '@cardtable/sdk';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { openPage, type WatchedPage } from './browser.ts';

/** A guest signed in from the test, to hand to a browser page as its session. */
export async function signedInGuest(baseUrl: string, name: string) {
  const api = new CardtableApi({ baseUrl });
  const signedIn = await api.guest(name);
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return { api, session: signedIn.value };
}

/** Creates a match as this guest (it takes the first human seat); returns id and room code. */
export async function createAs(api: CardtableApi, body: CreateMatchRequest) {
  const created = await api.createMatch(body);
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** A page of the app signed in as `session` (and its name), opened at `path`. */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  session: AuthResponse,
  path: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const watched = await openPage(browser, `${baseUrl}/404-blank`, options);
  await watched.page.evaluate(
    ([value, name]) => {
      localStorage.setItem('cardtable.session', value);
      localStorage.setItem('cardtable.name', name);
    },
    [JSON.stringify(session), JSON.stringify(session.user.name)] as const,
  );
  await watched.page.goto(`${baseUrl}${path}`);
  return watched;
}

/** A page of the app signed in as `session`, opened at the match. */
export async function openMatchAs(
  browser: Browser,
  baseUrl: string,
  session: AuthResponse,
  matchId: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const watched = await openAs(browser, baseUrl, session, `/match/${matchId}`, options);
  await watched.page.getByTestId('table').waitFor({ timeout: 60_000 });
  return watched;
}

/** Every text the prompt showed, recorded in the page as it changes. */
export async function recordPrompts(watched: WatchedPage): Promise<() => Promise<string[]>> {
  await watched.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { promptsSeen: string[] }).promptsSeen = seen;
    const record = () => {
      const text = document.querySelector('[data-testid=prompt] p')?.textContent ?? '';
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    };
    record();
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () =>
    watched.page.evaluate(() => (window as unknown as { promptsSeen: string[] }).promptsSeen);
}
