import type { ContentSource } from '@cardtable/tcg/replay';

/**
 * The built-in card games' documents, by the game name their matches record. A replay of a
 * built-in game does not embed its content (a published game's does), so the app ships it:
 * the files are the ones the server loads, so the two cannot drift. Each set is its own chunk,
 * fetched only when a replay of it opens; so is each earlier version of one (a match replays
 * with the version it recorded: `games/tcg/content/demo-versions/<version>/`).
 */
const JSON_FILES = import.meta.glob<unknown>(
  [
    '../../../../../games/tcg/content/{demo,spiritbound}/*.json',
    '../../../../../games/tcg/content/demo-versions/*/*.json',
  ],
  { import: 'default' },
);
const LUA_FILES = import.meta.glob<string>(
  [
    '../../../../../games/tcg/content/demo/lua/*.lua',
    '../../../../../games/tcg/content/demo-versions/*/lua/*.lua',
  ],
  { query: '?raw', import: 'default' },
);
const CONTENT = '../../../../../games/tcg/content';

/** A content folder's documents (`folder` under games/tcg/content): ruleset, cards, decks, Lua. */
async function folderSource(folder: string): Promise<ContentSource> {
  const json = (name: string) => JSON_FILES[`${CONTENT}/${folder}/${name}`]!();
  const [ruleset, cards, decks] = await Promise.all([
    json('ruleset.json'),
    json('cards.json'),
    json('decks.json'),
  ]);
  const scripts: Record<string, string> = {};
  const lua = `${CONTENT}/${folder}/lua/`;
  for (const [path, load] of Object.entries(LUA_FILES))
    if (path.startsWith(lua) && !path.slice(lua.length).includes('/'))
      scripts[path.slice(lua.length, -'.lua'.length)] = await load();
  return { ruleset, cards, decks, scripts };
}

/** Whether an earlier version of the demo ships with the app. */
const earlierDemo = (version: string): boolean =>
  Object.hasOwn(JSON_FILES, `${CONTENT}/demo-versions/${version}/ruleset.json`);

/** Each built-in set's folder for the version a match recorded (the current one by default). */
const BUILT_IN: Readonly<Record<string, (version?: string) => string>> = {
  tcg: (version) =>
    version !== undefined && earlierDemo(version) ? `demo-versions/${version}` : 'demo',
  spiritbound: () => 'spiritbound',
};

/** Whether matches of this game name are card games whose content ships with the app. */
export const isBuiltInTcg = (game: string): boolean => Object.hasOwn(BUILT_IN, game);

/**
 * A built-in card game's content, at the version a match recorded when the app ships that one
 * (else the current version, which then refuses a version it is not), or null for other names.
 */
export const builtInContent = (game: string, version?: string): Promise<ContentSource> | null =>
  isBuiltInTcg(game) ? folderSource(BUILT_IN[game]!(version)) : null;
