import type { EffectSpec, StateField } from '@cardtable/sandbox';

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
    // The data effect `resource` spends as well as gains; without this a script could give coin
    // but never take it (a theft written in Lua had to fall back to data).
    name: 'spend',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'amount', ...AMOUNT },
    ],
    summary: 'spend(player, amount): the resource, as much as they have',
    example: 'spend(state.enemy.hero, 1)',
  },
  {
    // A spend then a gain gains the whole amount from an empty purse: this gains what was taken.
    name: 'steal',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'amount', ...AMOUNT },
    ],
    summary: "steal(player, amount): up to amount of their resource, to this ability's controller",
    example: 'steal(state.enemy.hero, 1)',
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

const UNIT: Record<string, StateField> = {
  id: { doc: 'its object id (pass the unit, or this, to an effect)' },
  card: { doc: 'its card id, e.g. "reef/pearl-diver"' },
  controller: { doc: 'the seat (0 or 1) of its controller' },
  attack: { doc: 'its attack now' },
  health: { doc: 'its health now' },
  maxHealth: { doc: 'its health when undamaged' },
  keywords: { doc: 'its keyword ids, sorted' },
  energy: {
    doc: 'the energy attached to it, one entry per energy card, oldest first: its element (e.g. "fire"), or "none" for an energy card without one; #energy counts them',
  },
  conditions: { doc: 'battler: its special conditions (e.g. "poisoned"), in the order they came' },
};

const SIDE: Record<string, StateField> = {
  hero: { doc: "the player's hero id (a player for draw, gain, summon, ...)" },
  life: { doc: 'their life' },
  hand: { doc: 'how many cards are in their hand' },
  deck: { doc: 'how many cards are in their deck' },
  resource: { doc: 'their resource now' },
  zones: {
    doc: "how many cards are in each of their zones, by the zone's id: every zone of the ruleset (zones.discard, zones.exile, ...)",
  },
  board: { doc: 'their units in play, in board order', items: UNIT },
  active: {
    doc: 'battler: the object id of their active creature (nil without one, or without a battler section)',
  },
  bench: {
    doc: 'battler: the object ids of their benched creatures, in board order (empty without a battler section)',
  },
  prizes: {
    doc: 'battler: how many prize cards they have left to take (0 without a battler section)',
  },
};

/**
 * THE `state` a TCG script reads (`scriptContext` builds it; a test holds the two together):
 * the lint warns on a field it does not have, and `cardtable lua api` prints it.
 */
export const TCG_SCRIPT_STATE: Readonly<Record<string, StateField>> = {
  self: { doc: "the ability's card as an object id (nil for a card no longer anywhere)" },
  controller: { doc: "the seat (0 or 1) of the ability's controller" },
  card: { doc: "the ability's card id" },
  turn: { doc: 'the turn number' },
  friendly: { doc: "the controller's side", fields: SIDE },
  enemy: { doc: "the opponent's side", fields: SIDE },
  bindings: { doc: 'the targets chosen for the ability, by binding name: lists of object ids' },
  event: { doc: 'the event that triggered the ability (a triggered ability), or nil' },
};
