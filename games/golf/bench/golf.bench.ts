/**
 * Golf benchmarks (printed, never asserted): engine actions per second, full 4-seat 9-hole CPU
 * games per second on one core with p50/p99 game times, CPU decisions, and fold speed.
 * Run alone with `node --import tsx games/golf/bench/golf.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import {
  applyAction,
  createRng,
  foldEvents,
  seatViewer,
  startMatch,
  type MatchConfig,
  type StepEvent,
} from '@cardtable/engine';
import {
  chooseAction,
  DEFAULT_OPTIONS,
  golf,
  simulateGame,
  type GameRecord,
  type GolfAction,
  type GolfEvent,
  type GolfOptions,
  type SimulationSetup,
} from '../src/index.ts';

const SETUP: SimulationSetup = {
  options: { ...DEFAULT_OPTIONS },
  seats: 4,
  profiles: null,
  seed: 'bench',
  audit: false,
};
const GAMES = 300;
const REPLAYED_GAMES = 60;

const configOf = (record: GameRecord): MatchConfig<GolfOptions> => ({
  options: SETUP.options,
  seats: record.profiles.map((profile) => ({ kind: 'cpu', profile })),
  seed: `${SETUP.seed}/${record.game}`,
});

/** Whole CPU games, one after another, each timed. */
function cpuGames(): { records: GameRecord[]; millis: number[]; total: number } {
  for (let game = 0; game < 20; game++) simulateGame(SETUP, GAMES + game); // warm-up
  const records: GameRecord[] = [];
  const millis: number[] = [];
  const started = performance.now();
  for (let game = 0; game < GAMES; game++) {
    const t0 = performance.now();
    records.push(simulateGame(SETUP, game));
    millis.push(performance.now() - t0);
  }
  return { records, millis, total: performance.now() - started };
}

/** The engine alone: the recorded actions applied again, with every event kept. */
function engineReplay(records: readonly GameRecord[]) {
  const events: StepEvent<GolfEvent>[][] = [];
  const micros: number[] = [];
  let actions = 0;
  const started = performance.now();
  for (const record of records) {
    const opened = startMatch(golf, configOf(record));
    const steps = [...opened.resolution.steps];
    let match = opened.match;
    for (const { seat, action } of record.log) {
      const t0 = performance.now();
      const applied = applyAction(golf, match, seat, action, 'bench');
      micros.push((performance.now() - t0) * 1000);
      if (!applied.ok) throw new Error(applied.error.message);
      match = applied.value.match;
      steps.push(...applied.value.resolution.steps);
      actions++;
    }
    events.push(steps);
  }
  return { events, micros, actions, total: performance.now() - started };
}

/** CPU decisions alone, on the positions of a few recorded games. */
function cpuDecisions(records: readonly GameRecord[]) {
  const micros: number[] = [];
  for (const record of records) {
    let match = startMatch(golf, configOf(record)).match;
    for (const { seat, action } of record.log) {
      const input = {
        view: golf.view(match.state, seatViewer(seat)),
        legal: golf.legalActions(match.state, seat) as readonly GolfAction[],
        seat,
        profile: record.profiles[seat] as string,
        rng: createRng('bench', match.version),
      };
      const t0 = performance.now();
      chooseAction(input);
      micros.push((performance.now() - t0) * 1000);
      const applied = applyAction(golf, match, seat, action, 'bench');
      if (!applied.ok) throw new Error(applied.error.message);
      match = applied.value.match;
    }
  }
  return micros;
}

function fold(records: readonly GameRecord[], events: readonly StepEvent<GolfEvent>[][]) {
  let count = 0;
  const started = performance.now();
  for (let rep = 0; rep < 5; rep++) {
    records.forEach((record, index) => {
      const log = events[index] ?? [];
      foldEvents(golf, configOf(record), log);
      count += log.length;
    });
  }
  return { count, total: performance.now() - started };
}

const percentile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
};
const perSecond = (count: number, millis: number) => Math.round((count / millis) * 1000);
const fixed = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function run(): Promise<void> {
  const games = cpuGames();
  const sample = games.records.slice(0, REPLAYED_GAMES);
  const engine = engineReplay(sample);
  const decisions = cpuDecisions(sample.slice(0, 20));
  const folded = fold(sample, engine.events);
  console.table({
    'CPU games (4 seats, 9 holes, one core)': {
      'per second': fixed(perSecond(GAMES, games.total), 1),
      'p50 ms': fixed(percentile(games.millis, 0.5)),
      'p99 ms': fixed(percentile(games.millis, 0.99)),
    },
    'engine actions (applyAction)': {
      'per second': perSecond(engine.actions, engine.total),
      'p50 ms': fixed(percentile(engine.micros, 0.5) / 1000, 4),
      'p99 ms': fixed(percentile(engine.micros, 0.99) / 1000, 4),
    },
    'CPU decisions (chooseAction)': {
      'per second': perSecond(decisions.length, decisions.reduce((a, b) => a + b, 0) / 1000),
      'p50 ms': fixed(percentile(decisions, 0.5) / 1000, 4),
      'p99 ms': fixed(percentile(decisions, 0.99) / 1000, 4),
    },
    'fold (events into state)': {
      'per second': perSecond(folded.count, folded.total),
      'p50 ms': null,
      'p99 ms': null,
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
