import type { Seat } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import type { TcgGame } from '../engine/game.ts';
import { RANDOM_PLAYER, type MatchRecord, type ScheduledMatch } from './balance-plan.ts';
import { average, errorsOf, tally, type Finished, type Tally } from './balance-report.ts';
import { playBalanceMatch } from './balance.ts';
import { luaFailureCounts, type LuaFailureCount } from './lua-failures.ts';
import { CPU_PROFILES } from './search.ts';

/**
 * What to simulate to compare two CPU levels: each deck plays itself (a mirror, so only the
 * players differ), `gamesPerDeck` matches, the levels swapping seats every other match.
 */
export interface LevelPlan {
  ruleset: string;
  decks: string[];
  /** The two players compared: CPU profiles, or `random` (uniformly random legal moves). */
  levels: [string, string];
  gamesPerDeck: number;
  seed: string;
  maxActions?: number;
}

/** Two levels compared: the first level's wins, losses and draws against the second. */
export interface LevelReport {
  ruleset: { id: string; version: string };
  seed: string;
  levels: [string, string];
  gamesPerDeck: number;
  games: number;
  /** From the first level's side, over every deck. */
  overall: Tally;
  byDeck: (Tally & { deck: string; name: string })[];
  averageActions: number;
  errors: { game: number; message: string }[];
  luaFailures: LuaFailureCount[];
}

const known = (level: string) => level === RANDOM_PLAYER || level in CPU_PROFILES;

/** Why a level plan cannot run on this content, or null when it can. */
export function levelPlanProblem(content: Content, plan: LevelPlan): string | null {
  const decks = content.decks.map((deck) => deck.id);
  const unknownDeck = plan.decks.find((id) => !decks.includes(id));
  if (plan.decks.length === 0 || unknownDeck !== undefined)
    return `Name decks of ${content.ruleset.id}: ${decks.join(', ')}.`;
  if (plan.levels.length !== 2 || !plan.levels.every(known))
    return `Compare two levels of ${[...Object.keys(CPU_PROFILES), RANDOM_PLAYER].join(', ')}.`;
  if (!Number.isInteger(plan.gamesPerDeck) || plan.gamesPerDeck < 1)
    return 'Play at least one match per deck.';
  return null;
}

/** Every match of a level plan, deck by deck, numbered from 0; match `i` has seed `SEED:i`. */
export function scheduleLevelMatches(plan: LevelPlan): ScheduledMatch[] {
  return plan.decks.flatMap((deck, d) =>
    Array.from({ length: plan.gamesPerDeck }, (_, g): ScheduledMatch => {
      const [first, second] = plan.levels;
      return {
        index: d * plan.gamesPerDeck + g,
        decks: [deck, deck],
        profiles: g % 2 === 0 ? [first, second] : [second, first],
      };
    }),
  );
}

/** The report on a level plan's records (pure; the records may come in any order). */
export function levelReport(
  content: Content,
  plan: LevelPlan,
  records: readonly MatchRecord[],
): LevelReport {
  const schedule = scheduleLevelMatches(plan);
  const sorted = [...records].sort((a, b) => a.index - b.index);
  const finished = sorted.filter((r): r is Finished => r.outcome !== null);
  const firstLevelSeat = (record: MatchRecord) =>
    schedule[record.index]!.profiles.indexOf(plan.levels[0]) as Seat;
  const ofDeck = (deck: string) => finished.filter((r) => r.decks[0] === deck);
  return {
    ruleset: { id: content.ruleset.id, version: content.ruleset.version },
    seed: plan.seed,
    levels: plan.levels,
    gamesPerDeck: plan.gamesPerDeck,
    games: sorted.length,
    overall: tally(finished, firstLevelSeat),
    byDeck: plan.decks.map((deck) => ({
      deck,
      name: content.decks.find((d) => d.id === deck)?.name ?? deck,
      ...tally(ofDeck(deck), firstLevelSeat),
    })),
    averageActions: average(finished.map((r) => r.actions)),
    errors: errorsOf(sorted),
    luaFailures: luaFailureCounts(sorted),
  };
}

/** Plays a whole level plan on this thread (tests, benchmarks); the CLI uses worker threads. */
export function simulateLevels(game: TcgGame, plan: LevelPlan): LevelReport {
  const content = game.registry.find(plan.ruleset);
  if (!content) throw new Error(`No ruleset "${plan.ruleset}".`);
  const problem = levelPlanProblem(content, plan);
  if (problem) throw new Error(problem);
  const records = scheduleLevelMatches(plan).map((match) => playBalanceMatch(game, plan, match));
  return levelReport(content, plan, records);
}
