import type { EffectSpec } from '@cardtable/sandbox';

const AMOUNT = { type: 'integer', min: 0, max: 999 } as const;
const DURATION = {
  type: 'string',
  oneOf: ['permanent', 'endOfTurn', 'untilYourNextTurn'],
  optional: true,
} as const;

/**
 * THE ability API: the functions a TCG script may call, with their parameters, types and
 * bounds. The sandbox checks every call against it at run time, the lint (`cardtable lua
 * check`, `content validate`) checks calls against it statically, `lua run` runs with it, and
 * `toEffects` turns each call into one node of the effect library. A player is named by a hero
 * id (`state.friendly.hero`) or a seat number; a target by an object id or a table with `id`.
 */
export const TCG_SCRIPT_EFFECTS: readonly EffectSpec[] = [
  {
    name: 'damage',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'amount', ...AMOUNT },
    ],
    summary: 'damage(target, amount)',
    example: 'damage(state.enemy.hero, 2)',
  },
  {
    name: 'heal',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'amount', ...AMOUNT },
    ],
    summary: 'heal(target, amount)',
    example: 'heal(state.friendly.hero, 3)',
  },
  {
    name: 'draw',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'count', type: 'integer', min: 0, max: 30 },
    ],
    summary: 'draw(player, count)',
    example: 'draw(state.friendly.hero, 1)',
  },
  {
    name: 'discard',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'count', type: 'integer', min: 0, max: 30 },
    ],
    summary: 'discard(player, count): at random',
    example: 'discard(state.enemy.hero, 1)',
  },
  {
    name: 'summon',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'card', type: 'string', maxBytes: 128 },
      { name: 'count', type: 'integer', min: 1, max: 10, optional: true },
    ],
    summary:
      'summon(player, cardId [, count]): a unit card id, "#token" of this card or "<card id>#token"',
    example: 'summon(state.friendly.hero, state.friendly.board[1].card, 1)',
  },
  {
    name: 'destroy',
    params: [{ name: 'target', type: 'ref' }],
    summary: 'destroy(target)',
    example: 'destroy(state.enemy.board[1])',
  },
  {
    name: 'buff',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'attack', type: 'integer', min: -99, max: 99 },
      { name: 'health', type: 'integer', min: -99, max: 99 },
      { name: 'duration', ...DURATION },
    ],
    summary: "buff(target, attack, health [, 'permanent' | 'endOfTurn' | 'untilYourNextTurn'])",
    example: "buff(state.friendly.board[1], 1, 1, 'endOfTurn')",
  },
  {
    name: 'grant',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'keyword', type: 'string', maxBytes: 64 },
      { name: 'duration', ...DURATION },
    ],
    summary: "grant(target, keyword [, 'permanent' | 'endOfTurn' | 'untilYourNextTurn'])",
    example: "grant(state.friendly.board[1], 'guard')",
  },
  {
    name: 'gain',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'amount', ...AMOUNT },
    ],
    summary: 'gain(player, amount): the resource, this turn',
    example: 'gain(state.friendly.hero, 1)',
  },
  {
    name: 'move',
    params: [
      { name: 'card', type: 'ref' },
      { name: 'zone', type: 'string', maxBytes: 64 },
    ],
    summary: "move(card, zone): to its owner's zone",
    example: "move(state.enemy.board[1], 'hand')",
  },
  {
    name: 'shuffle',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'zone', type: 'string', maxBytes: 64, optional: true },
    ],
    summary: 'shuffle(player [, zone])',
    example: "shuffle(state.friendly.hero, 'deck')",
  },
  {
    name: 'reveal',
    params: [
      { name: 'card', type: 'ref' },
      { name: 'to', type: 'string', oneOf: ['all', 'opponent', 'controller'], optional: true },
    ],
    summary: "reveal(card [, 'all' | 'opponent' | 'controller'])",
    example: "reveal(state.friendly.board[1], 'all')",
  },
];
