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

export interface BatchSetup {
  seed?: string;
  seats?: number;
  options?: Partial<GolfOptions>;
  /** The seats' profiles: fixed, per game, or (absent) the simulator's seeded rotation. */
  profiles?: readonly string[] | ((game: number) => readonly string[]);
}

/** Plays `games` audited CPU-only games and sums them up. */
export function playBatch(games: number, setup: BatchSetup = {}): Batch {
  const options: GolfOptions = { ...DEFAULT_OPTIONS, ...setup.options };
  const tally = createTally();
  const records: GameRecord[] = [];
  for (let game = 0; game < games; game++) {
    const profiles =
      typeof setup.profiles === 'function' ? setup.profiles(game) : (setup.profiles ?? null);
    const full: SimulationSetup = {
      options,
      seats: profiles?.length ?? setup.seats ?? 4,
      profiles,
      seed: setup.seed ?? 'cpu-tests',
      audit: true,
    };
    const record = simulateGame(full, game);
    addGame(tally, record);
    records.push(record);
  }
  return { summary: summarize(tally), records };
}

/** The table turned one seat per game, so that everyone sits everywhere. */
export const rotating =
  (table: readonly string[]) =>
  (game: number): string[] =>
    table.map((_, seat) => table[(seat + game) % table.length] as string);
