import type { ContentSource } from '@cardtable/tcg/replay';

/**
 * The built-in card games' documents, by the game name their matches record. A replay of a
 * built-in game does not embed its content (a published game's does), so the app ships it:
 * the files are the ones the server loads, so the two cannot drift. Each set is its own chunk,
 * fetched only when a replay of it opens.
 */
const BUILT_IN: Readonly<Record<string, () => Promise<ContentSource>>> = {
  tcg: async () => {
    const [ruleset, cards, decks] = await Promise.all([
      import('../../../../../games/tcg/content/demo/ruleset.json'),
      import('../../../../../games/tcg/content/demo/cards.json'),
      import('../../../../../games/tcg/content/demo/decks.json'),
    ]);
    const lua = import.meta.glob<string>('../../../../../games/tcg/content/demo/lua/*.lua', {
      query: '?raw',
      import: 'default',
    });
    const scripts: Record<string, string> = {};
    for (const [path, load] of Object.entries(lua))
      scripts[path.slice(path.lastIndexOf('/') + 1, -'.lua'.length)] = await load();
    return { ruleset: ruleset.default, cards: cards.default, decks: decks.default, scripts };
  },
  spiritbound: async () => {
    const [ruleset, cards, decks] = await Promise.all([
      import('../../../../../games/tcg/content/spiritbound/ruleset.json'),
      import('../../../../../games/tcg/content/spiritbound/cards.json'),
      import('../../../../../games/tcg/content/spiritbound/decks.json'),
    ]);
    return { ruleset: ruleset.default, cards: cards.default, decks: decks.default, scripts: {} };
  },
};

/** Whether matches of this game name are card games whose content ships with the app. */
export const isBuiltInTcg = (game: string): boolean => Object.hasOwn(BUILT_IN, game);

/** A built-in card game's content, or null for other names. */
export const builtInContent = (game: string): Promise<ContentSource> | null =>
  isBuiltInTcg(game) ? BUILT_IN[game]!() : null;
