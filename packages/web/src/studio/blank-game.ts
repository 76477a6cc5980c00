import { blankRuleset, rulesetIdFor, starterPackage } from '@cardtable/tcg';
import { writeDocument, type DraftFiles } from './draft-files.ts';

/** A new game from nothing: the blank ruleset (`blankRuleset`) and empty card and deck files. */
export function blankGame(slug: string, name: string): DraftFiles {
  const id = rulesetIdFor(slug);
  let files: DraftFiles = writeDocument({}, 'ruleset.json', blankRuleset(id, name));
  files = writeDocument(files, 'cards.json', { schema: 'tcg/cards@1', ruleset: id, cards: [] });
  files = writeDocument(files, 'decks.json', { schema: 'tcg/decks@1', ruleset: id, decks: [] });
  return files;
}

/**
 * A new game that plays at once: what `cardtable content init` writes (the blank ruleset, seven
 * cards, one with a Lua ability, two decks). A blank game opens with two errors (no cards, no
 * decks) and nothing to playtest until a creator has made both.
 */
export function starterGame(slug: string, name: string): DraftFiles {
  return Object.fromEntries(starterPackage(rulesetIdFor(slug), name));
}
