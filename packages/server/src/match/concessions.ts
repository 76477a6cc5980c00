import type { Outcome } from '@cardtable/engine';
import type { SeatRecord } from '../store/event-store.ts';

/** The seats that conceded (surrendered), in seat order. */
export const concededSeats = (seats: readonly SeatRecord[]): number[] =>
  seats.flatMap((seat, index) => (seat.surrendered ? [index] : []));

/** Seats still contending: not conceded, and not a person who left. */
const contending = (seat: SeatRecord) => !seat.surrendered && !(seat.kind === 'human' && seat.left);

/**
 * After a concession the others play on while at least two seats contend and one of them is a
 * person still playing (CPUs alone do not play on for nobody). The conceded seat is then played
 * by the timeout rule and placed last when the rules end the match (`withConcessions`).
 */
export const othersPlayOn = (seats: readonly SeatRecord[]): boolean =>
  seats.filter(contending).length >= 2 &&
  seats.some((seat) => contending(seat) && seat.kind === 'human');

/**
 * The result when a concession ends the match: the seats still contending share first place,
 * then the people who left, then every seat that conceded.
 */
export function concessionResult(seats: readonly SeatRecord[]): Outcome {
  const groups = [
    seats.flatMap((seat, index) => (contending(seat) ? [index] : [])),
    seats.flatMap((seat, index) => (!seat.surrendered && !contending(seat) ? [index] : [])),
    concededSeats(seats),
  ].filter((group) => group.length > 0);
  let place = 1;
  const standings = groups.flatMap((group) => {
    const placed = group.map((seat) => ({ seat, place }));
    place += group.length;
    return placed;
  });
  const winners = groups[0] ?? [];
  return {
    winners,
    tie: winners.length > 1,
    standings,
    reason: 'surrender',
    conceded: concededSeats(seats),
  };
}
