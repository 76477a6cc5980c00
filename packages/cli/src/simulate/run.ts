import {
  addGame,
  createTally,
  simulateGame,
  summarize,
  type GolfOptions,
  type SimulationSummary,
} from '@cardtable/golf';
import type { SimulateArgs } from './args.ts';
import type { Progress } from './progress.ts';

export interface SimulationReport extends SimulationSummary {
  game: 'golf';
  seats: number;
  seed: string;
  /** The seats' profiles when fixed by --cpu, else null (the seeded rotation). */
  cpu: string[] | null;
  options: GolfOptions;
  elapsedMs: number;
  gamesPerSecond: number;
}

/** Plays the games one after another on this thread, audited, and sums them up. */
export function runSimulation(args: SimulateArgs, progress: Progress): SimulationReport {
  const setup = {
    options: args.options,
    seats: args.seats,
    profiles: args.profiles,
    seed: args.seed,
    audit: true,
  };
  const tally = createTally();
  const started = performance.now();
  for (let game = 0; game < args.games; game++) {
    addGame(tally, simulateGame(setup, game));
    progress.update(game + 1);
  }
  const elapsedMs = performance.now() - started;
  progress.finish();
  return {
    game: 'golf',
    seats: args.seats,
    seed: args.seed,
    cpu: args.profiles,
    options: args.options,
    elapsedMs: Math.round(elapsedMs),
    gamesPerSecond: Math.round((args.games / Math.max(elapsedMs, 1e-3)) * 1000 * 10) / 10,
    ...summarize(tally),
  };
}
