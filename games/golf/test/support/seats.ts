export const humanSeats = (count: number) =>
  Array.from({ length: count }, () => ({ kind: 'human' as const }));
