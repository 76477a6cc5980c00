import type { JsonValue } from '../values.ts';

/** The card an ability belongs to in a dry run when the creator gives none. */
export const SAMPLE_SELF: JsonValue = {
  id: 'u1',
  name: 'Fire Imp',
  owner: 'p1',
  cost: 2,
  power: 3,
  health: 2,
  keywords: [],
};

const unit = (id: string, owner: string, power: number, health: number): JsonValue => ({
  id,
  name: `Unit ${id}`,
  owner,
  cost: 2,
  power,
  health,
  keywords: [],
});

/** A small two-player table for dry runs: life, resources, hands and boards with units. */
export const SAMPLE_STATE: JsonValue = {
  turn: 3,
  activePlayer: 'p1',
  players: [
    { id: 'p1', life: 20, mana: 3, handCount: 4, deckCount: 22 },
    { id: 'p2', life: 18, mana: 3, handCount: 5, deckCount: 21 },
  ],
  board: [SAMPLE_SELF, unit('u2', 'p1', 2, 3), unit('u3', 'p2', 4, 4), unit('u4', 'p2', 1, 1)],
};
