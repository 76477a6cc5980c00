import { writeDocument, type DraftFiles } from './draft-files.ts';

/** A ruleset id from a game's slug (ids start with a letter). */
export const rulesetIdFor = (slug: string): string => (/^[a-z]/.test(slug) ? slug : `g${slug}`);

/**
 * A new game from nothing: a complete, plain ruleset (20 life, 20-card decks of at most 3
 * copies, a mana pool that grows to 10, units and spells, attack heroes, 40-turn limit) and
 * empty card and deck files. Every field is the creator's to change in the ruleset editor.
 */
export function blankGame(slug: string, name: string): DraftFiles {
  const id = rulesetIdFor(slug);
  const ruleset = {
    schema: 'tcg/ruleset@1',
    id,
    version: '1.0.0',
    name,
    players: { life: 20, maxLife: 20 },
    deck: { minSize: 20, maxSize: 20, copyLimit: 3, banned: [] },
    openingHand: { first: 3, second: 4 },
    mulligan: 'none',
    zones: [
      { id: 'deck', visibility: 'hidden' },
      { id: 'hand', visibility: 'owner', limit: 8 },
      { id: 'board', visibility: 'public', limit: 6 },
      { id: 'discard', visibility: 'public' },
    ],
    cardTypes: {
      unit: { kind: 'unit', name: 'Unit' },
      spell: { kind: 'spell', name: 'Spell', thenTo: 'discard' },
    },
    resources: { model: 'pool', id: 'mana', name: 'mana', start: 1, growPerTurn: 1, cap: 10 },
    turn: {
      phases: [
        {
          id: 'start',
          kind: 'auto',
          raises: 'turnStart',
          steps: ['readyUnits', 'growResources', 'refillResources', 'draw'],
        },
        { id: 'main', kind: 'main', actions: ['play', 'attack'] },
        { id: 'end', kind: 'auto', raises: 'turnEnd', steps: ['expireEndOfTurn'] },
      ],
      draw: { perTurn: 1, firstPlayerSkipsFirstDraw: true, emptyDeck: 'fatigue' },
    },
    combat: {
      attacksPerTurn: 1,
      summoningSickness: true,
      canAttackHeroes: true,
      blocking: 'none',
      retaliation: true,
    },
    keywords: {},
    stack: { mode: 'none', windows: [] },
    triggerOrder: 'apnap',
    win: [{ check: 'lifeAtOrBelowZero', result: 'lose' }],
    simultaneousLoss: 'draw',
    turnLimit: { turns: 40, result: 'mostLife' },
    clock: { turnSeconds: 60, decisionSeconds: 20, timeoutStrikes: 3 },
    limits: { stepsPerCommand: 5000, triggersPerCommand: 128, luaInstructions: 100000 },
    vocabulary: { unit: 'unit', hero: 'hero', spell: 'spell' },
  };
  let files: DraftFiles = writeDocument({}, 'ruleset.json', ruleset);
  files = writeDocument(files, 'cards.json', { schema: 'tcg/cards@1', ruleset: id, cards: [] });
  files = writeDocument(files, 'decks.json', { schema: 'tcg/decks@1', ruleset: id, decks: [] });
  return files;
}
