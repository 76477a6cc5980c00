import type { Outcome, Seat } from './game.ts';

/**
 * The result of a match some seats conceded while the others played on to its end by the rules:
 * the seats still playing keep their order by the rules (places recounted among themselves),
 * and every conceded seat shares the place after them. A concession is no game event (the log
 * re-executes to the rules' own outcome), so a replay checks a result with `conceded` against
 * this function applied to the re-executed outcome. Seats not in the standings are ignored.
 */
export function withConcessions(outcome: Outcome, conceded: readonly Seat[]): Outcome {
  const known = new Set(outcome.standings.map((s) => s.seat));
  const gaveUp = [...new Set(conceded)].filter((seat) => known.has(seat)).sort((a, b) => a - b);
  if (gaveUp.length === 0) return outcome;
  const playing = outcome.standings.filter((s) => !gaveUp.includes(s.seat));
  const standings = [
    ...playing.map((s) => ({
      ...s,
      place: 1 + playing.filter((other) => other.place < s.place).length,
    })),
    ...outcome.standings
      .filter((s) => gaveUp.includes(s.seat))
      .map((s) => ({ ...s, place: playing.length + 1 })),
  ];
  const winners =
    playing.length > 0 ? standings.filter((s) => s.place === 1).map((s) => s.seat) : [];
  return { ...outcome, winners, tie: winners.length > 1, standings, conceded: gaveUp };
}
