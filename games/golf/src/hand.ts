import type { Seat } from '@cardtable/engine';
import type { GolfState, Slot } from './types.ts';

export const HAND_SIZE = 6;
export const SLOT_INDEXES: readonly number[] = [0, 1, 2, 3, 4, 5];

export const isSlotIndex = (slot: number): boolean =>
  Number.isInteger(slot) && slot >= 0 && slot < HAND_SIZE;

export const faceDownSlots = (hand: readonly Slot[]): number[] =>
  SLOT_INDEXES.filter((slot) => hand[slot]?.faceUp === false);

export const isAllFaceUp = (hand: readonly Slot[]): boolean => faceDownSlots(hand).length === 0;

export const handOf = (state: GolfState, seat: Seat): Slot[] => {
  const player = state.players[seat];
  if (!player) throw new RangeError(`Seat ${seat} is not at this table.`);
  return player.hand;
};

export const nextSeat = (seat: Seat, seatCount: number): Seat => (seat + 1) % seatCount;

/** Seat 0 deals round 1 and the deal moves one seat per round. */
export const dealerOfRound = (round: number, seatCount: number): Seat => (round - 1) % seatCount;

/** The seat after the dealer plays first. */
export const firstPlayer = (state: Pick<GolfState, 'dealer' | 'seatCount'>): Seat =>
  nextSeat(state.dealer, state.seatCount);

/** The other seats in play order, starting after `seat`. */
export const seatsAfter = (seat: Seat, seatCount: number): Seat[] =>
  Array.from({ length: seatCount - 1 }, (_, offset) => (seat + 1 + offset) % seatCount);
