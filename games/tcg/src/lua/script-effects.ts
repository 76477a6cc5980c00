import type { EffectSpec } from '@cardtable/sandbox';

const AMOUNT = { type: 'integer', min: 0, max: 999 } as const;
const DURATION = {
  type: 'string',
  oneOf: ['permanent', 'endOfTurn', 'untilYourNextTurn'],
  optional: true,
} as const;

/**
 * The functions a TCG script may call. Each becomes one node of the effect library (see
 * `toEffects`); a player is named by a hero id (`state.friendly.hero`) or a seat number.
 */
export const TCG_SCRIPT_EFFECTS: readonly EffectSpec[] = [
  {
    name: 'damage',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'amount', ...AMOUNT },
    ],
    summary: 'damage(target, amount)',
  },
  {
    name: 'heal',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'amount', ...AMOUNT },
    ],
    summary: 'heal(target, amount)',
  },
  {
    name: 'draw',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'count', type: 'integer', min: 0, max: 30 },
    ],
    summary: 'draw(player, count)',
  },
  {
    name: 'discard',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'count', type: 'integer', min: 0, max: 30 },
    ],
    summary: 'discard(player, count): at random',
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
  { name: 'destroy', params: [{ name: 'target', type: 'ref' }], summary: 'destroy(target)' },
  {
    name: 'buff',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'attack', type: 'integer', min: -99, max: 99 },
      { name: 'health', type: 'integer', min: -99, max: 99 },
      { name: 'duration', ...DURATION },
    ],
    summary: 'buff(target, attack, health [, duration])',
  },
  {
    name: 'grant',
    params: [
      { name: 'target', type: 'ref' },
      { name: 'keyword', type: 'string', maxBytes: 64 },
      { name: 'duration', ...DURATION },
    ],
    summary: 'grant(target, keyword [, duration])',
  },
  {
    name: 'gain',
    params: [
      { name: 'player', type: 'ref' },
      { name: 'amount', ...AMOUNT },
    ],
    summary: 'gain(player, amount): resource this turn',
  },
  {
    name: 'move',
    params: [
      { name: 'card', type: 'ref' },
      { name: 'zone', type: 'string', maxBytes: 64 },
    ],
    summary: "move(card, zone): to its owner's zone",
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
      { name: 'to', type: 'string', oneOf: ['all', 'opponent', 'controller'], optional: true },
    ],
    summary: "reveal(card [, 'all' | 'opponent' | 'controller'])",
  },
];
