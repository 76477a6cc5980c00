import {
  addGame,
  createTally,
  DEFAULT_OPTIONS,
  simulateGame,
  summarize,
  type GameRecord,
  type GolfOptions,
  type SimulationSetup,
  type SimulationSummary,
} from '../../src/index.ts';

export interface Batch {
  summary: SimulationSummary;
  records: GameRecord[];
}

/** Plays `games` audited CPU-only games and sums them up. */
export function playBatch(
  games: number,
  setup: Partial<Omit<SimulationSetup, 'options'>> & { options?: Partial<GolfOptions> },
): Batch {
  const full: SimulationSetup = {
    seats: setup.profiles?.length ?? 4,
    profiles: null,
    seed: 'cpu-tests',
    audit: true,
    ...setup,
    options: { ...DEFAULT_OPTIONS, ...setup.options },
  };
  const tally = createTally();
  const records: GameRecord[] = [];
  for (let game = 0; game < games; game++) {
    const record = simulateGame(full, game);
    addGame(tally, record);
    records.push(record);
  }
  return { summary: summarize(tally), records };
}
