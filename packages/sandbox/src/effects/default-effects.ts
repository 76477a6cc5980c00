import type { EffectSpec } from './effect-spec.ts';

const AMOUNT_MAX = 1_000_000;

/** `log(...)` (and `print`) is built in: scripts always have it and hosts cannot replace it. */
export const LOG_EFFECT: EffectSpec = {
  name: 'log',
  params: [{ name: 'message', type: 'string' }],
  summary: 'log(...): a debug line in the match log (arguments joined by spaces)',
};

/** The card-game effects every host gets unless it passes its own list. */
export const DEFAULT_EFFECTS: readonly EffectSpec[] = [
  {
    name: 'damage',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'amount', type: 'integer', min: 0, max: AMOUNT_MAX },
    ],
    summary: 'damage(target, amount)',
  },
  {
    name: 'heal',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'amount', type: 'integer', min: 0, max: AMOUNT_MAX },
    ],
    summary: 'heal(target, amount)',
  },
  {
    name: 'draw',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'count', type: 'integer', min: 0, max: 100 },
    ],
    summary: 'draw(player, count)',
  },
  {
    name: 'discard',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'count', type: 'integer', min: 0, max: 100 },
    ],
    summary: 'discard(player, count)',
  },
  {
    name: 'summon',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'card', type: 'string', maxBytes: 128 },
      { name: 'count', type: 'integer', min: 1, max: 10, optional: true },
    ],
    summary: 'summon(player, cardId [, count])',
  },
  {
    name: 'buff',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'attack', type: 'integer', min: -AMOUNT_MAX, max: AMOUNT_MAX },
      { name: 'health', type: 'integer', min: -AMOUNT_MAX, max: AMOUNT_MAX },
      { name: 'turns', type: 'integer', min: 1, max: 100, optional: true },
    ],
    summary: 'buff(target, attack, health [, turns])',
  },
  {
    name: 'destroy',
    params: [{ name: 'target', type: 'ref' }],
    summary: 'destroy(target)',
  },
  {
    name: 'move',
    params: [
      { name: 'card', type: 'ref' },
      { name: 'zone', type: 'string', maxBytes: 64 },
      { name: 'player', type: 'ref', optional: true },
    ],
    summary: 'move(card, zone [, player])',
  },
  {
    name: 'gain',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'resource', type: 'string', maxBytes: 64 },
      { name: 'amount', type: 'integer', min: -AMOUNT_MAX, max: AMOUNT_MAX },
    ],
    summary: 'gain(player, resource, amount)',
  },
  {
    name: 'shuffle',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'zone', type: 'string', maxBytes: 64, optional: true },
    ],
    summary: 'shuffle(player [, zone])',
  },
  {
    name: 'reveal',
    params: [
      { name: 'card', type: 'ref' },
      { name: 'to', type: 'ref', optional: true },
    ],
    summary: 'reveal(card [, toPlayer])',
  },
  {
    name: 'choose',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'options', type: 'list', of: 'ref', minItems: 1, maxItems: 64 },
      { name: 'count', type: 'integer', min: 1, max: 64, optional: true },
      { name: 'prompt', type: 'string', maxBytes: 256, optional: true },
    ],
    check: (args) =>
      typeof args.count === 'number' &&
      Array.isArray(args.options) &&
      args.count > args.options.length
        ? `count (${args.count}) is larger than the number of options (${args.options.length})`
        : undefined,
    summary: 'choose(player, options [, count [, prompt]]): asks the player to pick',
  },
];
