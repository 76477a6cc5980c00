import type { GolfOptions } from '../types.ts';
import { catalogFor } from './catalog.ts';

/** At most this many cards of the shoe per seat makes a table starved (one deck at six seats). */
const STARVED_CARDS_PER_SEAT = 9;

/**
 * A starved table deals out so much of its shoe (one deck at six seats leaves 16 cards to go
 * round) that the low cards soon all sit in hands and the deck holds nothing but high cards.
 * There, refusing ever to put an 8 or more into a face-down slot would stall the round for
 * ever, so neither the CPUs nor the dumb-move judge hold to that rule at such a table.
 */
export const isStarvedTable = (options: GolfOptions, seats: number): boolean =>
  catalogFor(options).size <= STARVED_CARDS_PER_SEAT * seats;
