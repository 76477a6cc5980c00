import { DUMB_MOVE_KINDS, type DumbMoveKind } from './dumb-moves.ts';
import { ANOMALY_KINDS, type Anomaly, type AnomalyKind, type GameRecord } from './simulate.ts';
import { mean, quantile, round2, standardDeviation } from './stats.ts';

interface ProfileTally {
  seatings: number;
  wins: number;
  goOuts: number;
  pairs: number;
  dumbMoves: number;
  scores: number[];
}

/** Running totals over simulated games. */
export interface SimulationTally {
  games: number;
  rounds: number;
  actions: number;
  events: number;
  roundScores: number[];
  dumbMovesByKind: Record<DumbMoveKind, number>;
  anomaliesByKind: Record<AnomalyKind, number>;
  /** The first few anomalies, to show what went wrong. */
  anomalyExamples: Anomaly[];
  byProfile: Map<string, ProfileTally>;
}

export interface ProfileSummary {
  /** Games this profile sat in. */
  games: number;
  rounds: number;
  winRate: number;
  medianRoundScore: number;
  meanRoundScore: number;
  stdDevRoundScore: number;
  p10RoundScore: number;
  p90RoundScore: number;
  /** Share of its rounds in which this profile went out first. */
  goOutRate: number;
  pairsPerRound: number;
  dumbMoves: number;
}

export interface SimulationSummary {
  games: number;
  rounds: number;
  actions: number;
  events: number;
  medianRoundScore: number;
  meanRoundScore: number;
  p10RoundScore: number;
  p90RoundScore: number;
  dumbMoves: number;
  dumbMovesByKind: Record<DumbMoveKind, number>;
  anomalies: number;
  anomaliesByKind: Record<AnomalyKind, number>;
  anomalyExamples: Anomaly[];
  byProfile: Record<string, ProfileSummary>;
}

const MAX_EXAMPLES = 5;

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export function createTally(): SimulationTally {
  return {
    games: 0,
    rounds: 0,
    actions: 0,
    events: 0,
    roundScores: [],
    dumbMovesByKind: zeroes(DUMB_MOVE_KINDS),
    anomaliesByKind: zeroes(ANOMALY_KINDS),
    anomalyExamples: [],
    byProfile: new Map(),
  };
}

export function addGame(tally: SimulationTally, record: GameRecord): void {
  tally.games++;
  tally.rounds += record.rounds.length;
  tally.actions += record.actions;
  tally.events += record.events;
  const profileOf = (seat: number): ProfileTally => {
    const name = record.profiles[seat] as string;
    let entry = tally.byProfile.get(name);
    if (!entry) {
      entry = { seatings: 0, wins: 0, goOuts: 0, pairs: 0, dumbMoves: 0, scores: [] };
      tally.byProfile.set(name, entry);
    }
    return entry;
  };
  record.profiles.forEach((_, seat) => {
    const entry = profileOf(seat);
    entry.seatings++;
    if (record.winners.includes(seat)) entry.wins++;
  });
  for (const round of record.rounds) {
    round.scores.forEach((score, seat) => {
      const entry = profileOf(seat);
      entry.scores.push(score);
      entry.pairs += round.pairs[seat] ?? 0;
      if (round.finisher === seat) entry.goOuts++;
      tally.roundScores.push(score);
    });
  }
  for (const { seat, kind } of record.dumbMoves) {
    tally.dumbMovesByKind[kind]++;
    profileOf(seat).dumbMoves++;
  }
  for (const anomaly of record.anomalies) {
    tally.anomaliesByKind[anomaly.kind]++;
    if (tally.anomalyExamples.length < MAX_EXAMPLES) tally.anomalyExamples.push(anomaly);
  }
}

export function summarize(tally: SimulationTally): SimulationSummary {
  const sorted = [...tally.roundScores].sort((a, b) => a - b);
  const byProfile: Record<string, ProfileSummary> = {};
  for (const [name, entry] of [...tally.byProfile].sort(([a], [b]) => a.localeCompare(b))) {
    const scores = [...entry.scores].sort((a, b) => a - b);
    const rounds = scores.length;
    byProfile[name] = {
      games: entry.seatings,
      rounds,
      winRate: round2(entry.wins / Math.max(1, entry.seatings)),
      medianRoundScore: round2(quantile(scores, 0.5)),
      meanRoundScore: round2(mean(scores)),
      stdDevRoundScore: round2(standardDeviation(scores)),
      p10RoundScore: round2(quantile(scores, 0.1)),
      p90RoundScore: round2(quantile(scores, 0.9)),
      goOutRate: round2(entry.goOuts / Math.max(1, rounds)),
      pairsPerRound: round2(entry.pairs / Math.max(1, rounds)),
      dumbMoves: entry.dumbMoves,
    };
  }
  const total = (counts: Record<string, number>) =>
    Object.values(counts).reduce((sum, count) => sum + count, 0);
  return {
    games: tally.games,
    rounds: tally.rounds,
    actions: tally.actions,
    events: tally.events,
    medianRoundScore: round2(quantile(sorted, 0.5)),
    meanRoundScore: round2(mean(sorted)),
    p10RoundScore: round2(quantile(sorted, 0.1)),
    p90RoundScore: round2(quantile(sorted, 0.9)),
    dumbMoves: total(tally.dumbMovesByKind),
    dumbMovesByKind: { ...tally.dumbMovesByKind },
    anomalies: total(tally.anomaliesByKind),
    anomaliesByKind: { ...tally.anomaliesByKind },
    anomalyExamples: [...tally.anomalyExamples],
    byProfile,
  };
}
