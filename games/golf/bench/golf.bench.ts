/**
 * Golf benchmarks (printed, never asserted): engine actions per second, full 4-seat 9-hole CPU
 * games per second on one core with p50/p99 game times, CPU decisions, fold speed, the
 * server's projections (every step for every seat and a spectator) and state hashes.
 * Each rate is given per second of wall time and per second of the process's CPU time (all its
 * threads), which a shared, loaded machine disturbs less.
 * Run alone with `node --import tsx games/golf/bench/golf.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import {
  applyAction,
  createRng,
  foldEvents,
  projectResolution,
  seatViewer,
  SPECTATOR,
  startMatch,
  stateHash,
  type MatchConfig,
  type Resolution,
  type StepEvent,
  type Viewer,
} from '@cardtable/engine';
import {
  chooseAction,
  type CpuInput,
  DEFAULT_OPTIONS,
  golf,
  simulateGame,
  type GameRecord,
  type GolfAction,
  type GolfEvent,
  type GolfOptions,
  type GolfState,
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

/** Wall and CPU milliseconds a run took. */
interface Took {
  wall: number;
  cpu: number;
}

function took<T>(run: () => T): { result: T; took: Took } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = run();
  const wall = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu0);
  return { result, took: { wall, cpu: (user + system) / 1000 } };
}

/** Whole CPU games, one after another, each timed. */
function cpuGames(): { records: GameRecord[]; millis: number[]; took: Took } {
  for (let game = 0; game < 20; game++) simulateGame(SETUP, GAMES + game); // warm-up
  const millis: number[] = [];
  const { result: records, took: spent } = took(() =>
    Array.from({ length: GAMES }, (_, game) => {
      const t0 = performance.now();
      const record = simulateGame(SETUP, game);
      millis.push(performance.now() - t0);
      return record;
    }),
  );
  return { records, millis, took: spent };
}

type GolfResolution = Resolution<GolfState, GolfAction, GolfEvent>;

/** The engine alone: the recorded actions applied again, with every resolution kept. */
function engineReplay(records: readonly GameRecord[]) {
  const events: StepEvent<GolfEvent>[][] = [];
  const resolutions: { before: GolfState; resolution: GolfResolution }[] = [];
  const micros: number[] = [];
  let actions = 0;
  const { took: spent } = took(() => {
    for (const record of records) {
      const config = configOf(record);
      const opened = startMatch(golf, config);
      resolutions.push({ before: golf.initialState(config), resolution: opened.resolution });
      const steps = [...opened.resolution.steps];
      let match = opened.match;
      for (const { seat, action } of record.log) {
        const t0 = performance.now();
        const applied = applyAction(golf, match, seat, action, 'bench');
        micros.push((performance.now() - t0) * 1000);
        if (!applied.ok) throw new Error(applied.error.message);
        resolutions.push({ before: match.state, resolution: applied.value.resolution });
        match = applied.value.match;
        steps.push(...applied.value.resolution.steps);
        actions++;
      }
      events.push(steps);
    }
  });
  return { events, resolutions, micros, actions, took: spent };
}

/** CPU decisions alone, on the positions of a few recorded games. */
function cpuDecisions(records: readonly GameRecord[]) {
  const inputs: CpuInput[] = [];
  for (const record of records) {
    let match = startMatch(golf, configOf(record)).match;
    for (const { seat, action } of record.log) {
      inputs.push({
        view: golf.view(match.state, seatViewer(seat)),
        legal: golf.legalActions(match.state, seat),
        seat,
        profile: record.profiles[seat] as string,
        rng: createRng('bench', match.version),
      });
      const applied = applyAction(golf, match, seat, action, 'bench');
      if (!applied.ok) throw new Error(applied.error.message);
      match = applied.value.match;
    }
  }
  const micros: number[] = [];
  const { took: spent } = took(() => {
    for (const input of inputs) {
      const t0 = performance.now();
      chooseAction(input);
      micros.push((performance.now() - t0) * 1000);
    }
  });
  return { micros, took: spent };
}

function fold(records: readonly GameRecord[], events: readonly StepEvent<GolfEvent>[][]) {
  let count = 0;
  const { took: spent } = took(() => {
    for (let rep = 0; rep < 5; rep++) {
      records.forEach((record, index) => {
        const log = events[index] ?? [];
        foldEvents(golf, configOf(record), log);
        count += log.length;
      });
    }
  });
  return { count, took: spent };
}

/**
 * What the server does for each accepted action: every step projected, with its view diff, for
 * each seat and a spectator. Timed per resolution (all five viewers).
 */
function projections(resolutions: readonly { before: GolfState; resolution: GolfResolution }[]) {
  const viewers: Viewer[] = [0, 1, 2, 3].map(seatViewer).concat(SPECTATOR);
  const micros: number[] = [];
  const { took: spent } = took(() => {
    for (const { before, resolution } of resolutions) {
      const t0 = performance.now();
      for (const viewer of viewers) projectResolution(golf, before, resolution, viewer);
      micros.push((performance.now() - t0) * 1000);
    }
  });
  return { micros, took: spent };
}

/** The kernel's hash of live states (what a finished match's export records). */
function hashes(resolutions: readonly { before: GolfState }[]) {
  const micros: number[] = [];
  const { took: spent } = took(() => {
    for (const { before } of resolutions) {
      const t0 = performance.now();
      stateHash(before);
      micros.push((performance.now() - t0) * 1000);
    }
  });
  return { micros, took: spent };
}

const percentile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
};
const perSecond = (count: number, millis: number) => Math.round((count / millis) * 1000);
const fixed = (value: number, digits = 2) => Number(value.toFixed(digits));

/** A row of the table: the rate per wall and per CPU second, and p50/p99 times if any. */
function row(count: number, spent: Took, millis?: readonly number[], digits = 4) {
  return {
    'per second': perSecond(count, spent.wall),
    'per CPU second': perSecond(count, spent.cpu),
    'p50 ms': millis ? fixed(percentile(millis, 0.5), digits) : null,
    'p99 ms': millis ? fixed(percentile(millis, 0.99), digits) : null,
  };
}

const toMillis = (micros: readonly number[]) => micros.map((value) => value / 1000);

export async function run(): Promise<void> {
  const games = cpuGames();
  const sample = games.records.slice(0, REPLAYED_GAMES);
  const engine = engineReplay(sample);
  const decisions = cpuDecisions(sample.slice(0, 20));
  const folded = fold(sample, engine.events);
  const projected = projections(engine.resolutions);
  const hashed = hashes(engine.resolutions);
  console.table({
    'CPU games (4 seats, 9 holes, one core)': row(GAMES, games.took, games.millis, 2),
    'engine actions (applyAction)': row(engine.actions, engine.took, toMillis(engine.micros)),
    'CPU decisions (chooseAction)': row(
      decisions.micros.length,
      decisions.took,
      toMillis(decisions.micros),
    ),
    'fold (events into state)': row(folded.count, folded.took),
    'projections (a resolution, 5 viewers)': row(
      engine.resolutions.length,
      projected.took,
      toMillis(projected.micros),
    ),
    'state hash (stateHash of a live state)': row(
      hashed.micros.length,
      hashed.took,
      toMillis(hashed.micros),
    ),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
