/**
 * What a new game starts from: the studio's blank game and `cardtable content init` write the
 * same ruleset, so a game begun in either place plays by the same defaults.
 */
import { selfTriggeredSentence } from './words.ts';

/** A ruleset id from a game's slug (ids start with a letter). */
export const rulesetIdFor = (slug: string): string => (/^[a-z]/.test(slug) ? slug : `g${slug}`);

/**
 * A complete, plain ruleset (20 life, 20-card decks of at most 3 copies, a mana pool that grows
 * to 10, units and spells, attack heroes, 40-turn limit). Every field is the creator's to change.
 */
export function blankRuleset(id: string, name: string): Record<string, unknown> {
  return {
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
}

const unit = (set: string, name: string, cost: number, attack: number, health: number) => ({
  id: `${set}/${name.toLowerCase()}`,
  name,
  type: 'unit',
  cost,
  stats: { attack, health },
});

const HEALER_LUA = `-- When the Healer is played, your hero regains 1 life for each unit you have.
function mend()
  heal(state.friendly.hero, #state.friendly.board)
end
`;

/**
 * A starter package on the blank ruleset, valid and playable at once: seven cards (six units,
 * one of them with a Lua ability, and a targeted spell) and two 20-card decks.
 * Files by path, as a content folder holds them.
 */
export function starterPackage(id: string, name: string): Map<string, string> {
  const healer = {
    ...unit(id, 'Healer', 3, 2, 3),
    abilities: [
      {
        id: 'mend',
        kind: 'triggered',
        trigger: { on: 'played' },
        lua: { module: 'healer', entry: 'mend' },
        text: selfTriggeredSentence('played', 'your hero regains 1 life for each unit you have.'),
      },
    ],
  };
  const spark = {
    id: `${id}/spark`,
    name: 'Spark',
    type: 'spell',
    cost: 1,
    abilities: [
      {
        id: 'zap',
        kind: 'spell',
        targets: [{ id: 't', choose: '(unit | hero) & enemy' }],
        effects: [{ do: 'damage', to: '$t', amount: 2 }],
      },
    ],
  };
  const cards = [
    unit(id, 'Recruit', 1, 1, 2),
    unit(id, 'Scout', 2, 2, 2),
    unit(id, 'Archer', 2, 3, 1),
    unit(id, 'Knight', 3, 3, 3),
    healer,
    unit(id, 'Giant', 5, 5, 6),
    spark,
  ];
  // Two 20-card decks (the ruleset's size), so a balance batch has a pair to play.
  const deck = (deckId: string, deckName: string, counts: number[]) => ({
    id: deckId,
    name: deckName,
    cards: cards.map((card, i) => ({ card: card.id, count: counts[i]! })),
  });
  const decks = [
    deck('steady', 'Steady', [3, 3, 3, 3, 3, 2, 3]),
    deck('giants', 'Giants', [3, 3, 3, 3, 2, 3, 3]),
  ];
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return new Map([
    ['ruleset.json', json(blankRuleset(id, name))],
    ['cards.json', json({ schema: 'tcg/cards@1', ruleset: id, cards })],
    ['decks.json', json({ schema: 'tcg/decks@1', ruleset: id, decks })],
    ['lua/healer.lua', HEALER_LUA],
  ]);
}
