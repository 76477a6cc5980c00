import type { SeatRecord } from '../store/event-store.ts';

/** FNV-1a over a string: a stable pick, not a secret. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Gives every CPU seat without a name one from `names`, the same for the same match and seat,
 * never a name another seat already has. Without names (a game whose profiles are names) the
 * seats are returned as they are.
 */
export function nameCpuSeats(
  seats: readonly SeatRecord[],
  names: readonly string[] | undefined,
  matchId: string,
): SeatRecord[] {
  if (!names?.length) return [...seats];
  const taken = new Set(seats.flatMap((s) => (s.name ? [s.name.toLowerCase()] : [])));
  return seats.map((seat, index) => {
    if (seat.kind !== 'cpu' || seat.name) return seat;
    const start = hash(`${matchId}:${index}`) % names.length;
    for (let step = 0; step < names.length; step++) {
      const name = names[(start + step) % names.length]!;
      if (taken.has(name.toLowerCase())) continue;
      taken.add(name.toLowerCase());
      return { ...seat, name };
    }
    return seat;
  });
}
