import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentPackage } from '@cardtable/sdk/content';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../src/app.ts';
import { defaultGames } from '../../src/default-games.ts';
import { packageBody, readContentFolder } from '../../src/content/folder.ts';
import { call, guest } from './http.ts';
import { startTestServer, type StoreKind } from './server.ts';

/** The content package written for the content tests: a small game unlike the demo. */
export const TIDEPOOL_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../fixtures/content/tidepool',
);

export const tidepoolPackage = async (): Promise<ContentPackage> =>
  packageBody(await readContentFolder(TIDEPOOL_DIR));

/** Tidepool with its cards file edited: a patch for a new version. */
export async function patchedTidepool(
  edit: (cards: { id: string; stats?: { attack: number; health: number } }[]) => void,
): Promise<ContentPackage> {
  const body = await tidepoolPackage();
  const set = JSON.parse(await readFile(join(TIDEPOOL_DIR, 'cards.json'), 'utf8'));
  edit(set.cards);
  return { files: { ...body.files, 'cards.json': JSON.stringify(set, null, 2) } };
}

/** Creates a game with an empty draft; throws unless it was created. */
export async function createGame(
  url: string,
  token: string,
  game: { slug: string; name: string; description?: string },
): Promise<void> {
  const made = await call(url, 'POST', '/api/content/games', { token, body: game });
  if (made.status !== 201) throw new Error(`create: ${made.status} ${JSON.stringify(made.body)}`);
}

/** Creates a game, uploads its draft and publishes it; throws on anything unexpected. */
export async function publishGame(
  url: string,
  token: string,
  slug: string,
  pkg: ContentPackage,
): Promise<{ version: number; contentHash: string }> {
  const created = await call(url, 'GET', `/api/content/games/${slug}`, { token });
  if (created.status === 404)
    await createGame(url, token, { slug, name: 'Tidepool', description: 'Creatures of the reef.' });
  const draft = await call<{ ok: boolean }>(url, 'PUT', `/api/content/games/${slug}/draft`, {
    token,
    body: pkg,
  });
  if (draft.status !== 200 || !draft.body.ok)
    throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.body)}`);
  const published = await call<{ version: { version: number; contentHash: string } }>(
    url,
    'POST',
    `/api/content/games/${slug}/publish`,
    { token },
  );
  if (published.status !== 201)
    throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body.version;
}

/** A server with every default game and two signed-in creators, Alice and Bob (their tokens). */
export interface ContentSite {
  readonly server: RunningServer;
  readonly alice: string;
  readonly bob: string;
}

/**
 * Starts a ContentSite on `store` (with `env` added to the test environment) before the enclosing describe block's tests and closes it
 * after them. Read its fields inside tests, once `beforeAll` has run.
 */
export function useContentServer(store: StoreKind, env: Record<string, string> = {}): ContentSite {
  let site: ContentSite | undefined;
  beforeAll(async () => {
    const server = await startTestServer(store, env, await defaultGames());
    const [alice, bob] = await Promise.all([guest(server.url, 'Alice'), guest(server.url, 'Bob')]);
    site = { server, alice: alice.accessToken, bob: bob.accessToken };
  }, 60_000);
  afterAll(async () => site?.server.close());
  const started = (): ContentSite => {
    if (!site) throw new Error('useContentServer: read inside a test, after beforeAll');
    return site;
  };
  return {
    get server() {
      return started().server;
    },
    get alice() {
      return started().alice;
    },
    get bob() {
      return started().bob;
    },
  };
}
