import type { ContentSource } from '@cardtable/tcg/replay';
import cards from '../../../../../games/tcg/content/demo/cards.json';
import decks from '../../../../../games/tcg/content/demo/decks.json';
import ruleset from '../../../../../games/tcg/content/demo/ruleset.json';

/**
 * The built-in card game's documents, bundled into the replay viewer's chunk (a replay of the
 * built-in game does not embed its content, unlike a published game's). The files are the
 * ones the server loads, so the two cannot drift.
 */
const luaFiles = import.meta.glob<string>('../../../../../games/tcg/content/demo/lua/*.lua', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function demoContentSource(): ContentSource {
  const scripts: Record<string, string> = {};
  for (const [path, text] of Object.entries(luaFiles))
    scripts[path.slice(path.lastIndexOf('/') + 1, -'.lua'.length)] = text;
  return { ruleset, cards, decks, scripts };
}
