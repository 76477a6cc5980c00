import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fail, ok, type Result } from '@cardtable/engine';
import {
  balancePlanProblem,
  balanceReport,
  CPU_PROFILES,
  describeLoadProblem,
  formatDiagnostic,
  levelPlanProblem,
  levelReport,
  loadContent,
  RANDOM_PLAYER,
  scheduleLevelMatches,
  scheduleMatches,
  validateContentPackage,
  type BalancePlan,
  type BalanceReport,
  type Content,
  type ContentSource,
  type LevelPlan,
  type LevelReport,
  type MatchRecord,
  type ScheduledMatch,
} from '@cardtable/tcg';
import { contentSourceFrom, demoSource } from '@cardtable/tcg/demo';
import { readContentFolder } from '../content-folder.ts';
import { progressBar } from '../simulate/progress.ts';
import { formatLevelReport } from '../simulate/tcg-levels.ts';
import { playOnWorkers } from '../simulate/tcg-pool.ts';
import { formatBalanceReport } from '../simulate/tcg-report.ts';

/** The CPU levels, and the random player they are measured against. */
const PROFILES = [...Object.keys(CPU_PROFILES), RANDOM_PLAYER];
/** Each worker thread holds its own engine and Lua VM: more than this only costs memory. */
const MAX_THREADS = 64;

export const SIMULATE_TCG_USAGE = `Usage: cardtable simulate tcg --games N [--content DIR] [--decks A,B,...]
                              [--cpu P[,Q,...] | --levels P,Q] [--seed S] [--threads T]
                              [--strict] [--json]

Plays CPU-only matches between every pair of decks and prints a balance report: each deck's
win rate, a matchup grid (three or more decks), the first player's win rate, how games ended,
per-card play rate and win rate when played, average match length, any engine errors (exit
code 1 if there are) and Lua failures per card. Every win rate comes with its 95% confidence interval (Wilson score).
  --games N        matches per pair of decks (required); the decks swap seats every other match
  --content DIR    a content folder (ruleset.json, cards.json, decks.json, lua/); default: the
                   shipped demo set (--ruleset demo|DIR is the older spelling)
  --decks A,B,...  two or more deck ids of the ruleset (default: all its decks)
  --cpu P[,Q,...]  the CPU level (${PROFILES.join(', ')}: uniformly random legal moves), once
                   for every deck or once per deck (default: easy)
  --levels P,Q     compare two levels instead: each deck plays itself (a mirror), --games N
                   matches per deck with P and Q swapping seats every other match; prints P's
                   win rate against Q per deck and overall
  --seed S         the seed every match's seed derives from (default: cardtable)
  --threads T      worker threads to play on, 1 to 64 (default: the machine's cores); the
                   report is the same for any number
  --strict         exit code 1 when any Lua ability failed (they are always counted per card)
  --json           print only the report, as one JSON object`;

interface Args {
  games: number;
  ruleset: string;
  decks: string[] | null;
  profiles: string[];
  /** `--levels`: the two levels compared in mirror matches, or null for a balance report. */
  levels: [string, string] | null;
  seed: string;
  threads: number;
  json: boolean;
  strict: boolean;
}

const VALUE_FLAGS = [
  '--games',
  '--ruleset',
  '--content',
  '--decks',
  '--cpu',
  '--levels',
  '--seed',
  '--threads',
];

const bad = (message: string) => fail('BAD_FLAG', message);
/** A folder that does not validate: the content's problem (exit 1, as `content validate`), not the flags'. */
const invalid = (message: string) => fail('INVALID_CONTENT', message);
const wholeNumber = (text: string | undefined) =>
  text !== undefined && /^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : null;

function parseArgs(argv: readonly string[]): Result<Args> {
  const values = new Map<string, string>();
  let json = false;
  let strict = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json') json = true;
    else if (flag === '--strict') strict = true;
    else if (VALUE_FLAGS.includes(flag)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return bad(`${flag} needs a value.`);
      values.set(flag === '--content' ? '--ruleset' : flag, value);
    } else return bad(`Unknown option: ${flag}`);
  }
  const games = wholeNumber(values.get('--games'));
  if (games === null) return bad('--games must be a whole number of at least 1.');
  const threads = values.has('--threads')
    ? wholeNumber(values.get('--threads'))
    : Math.min(availableParallelism(), MAX_THREADS);
  if (threads === null || threads > MAX_THREADS)
    return bad(`--threads must be a whole number from 1 to ${MAX_THREADS}.`);
  const decks = values.get('--decks')?.split(',') ?? null;
  if (decks && (decks.length < 2 || decks.some((d) => d === '')))
    return bad('--decks takes two or more deck ids: --decks A,B');
  const profiles = (values.get('--cpu') ?? 'easy').split(',');
  if (profiles.some((p) => !PROFILES.includes(p)))
    return bad(`--cpu takes ${PROFILES.join(', ')}, once or for each deck: --cpu easy,hard`);
  const levels = values.get('--levels')?.split(',') ?? null;
  if (levels && (levels.length !== 2 || levels.some((p) => !PROFILES.includes(p))))
    return bad(`--levels takes two of ${PROFILES.join(', ')}: --levels hard,easy`);
  if (levels && values.has('--cpu')) return bad('Give --cpu or --levels, not both.');
  return ok({
    games,
    ruleset: values.get('--ruleset') ?? 'demo',
    decks,
    profiles,
    levels: levels as [string, string] | null,
    seed: values.get('--seed') ?? 'cardtable',
    threads,
    json,
    strict,
  });
}

/** A balance plan (every pair of decks) or a level plan (two levels in mirror matches). */
type Planned = { kind: 'balance'; plan: BalancePlan } | { kind: 'levels'; plan: LevelPlan };

/** The plan for these arguments on this content: every deck when none are named. */
function planFor(args: Args, content: Content): Result<Planned> {
  const decks = args.decks ?? content.decks.map((deck) => deck.id);
  const shared = { ruleset: content.ruleset.id, decks, seed: args.seed };
  if (args.levels) {
    const plan: LevelPlan = { ...shared, levels: args.levels, gamesPerDeck: args.games };
    const problem = levelPlanProblem(content, plan);
    return problem ? bad(problem) : ok({ kind: 'levels', plan });
  }
  const profiles = args.profiles.length === 1 ? decks.map(() => args.profiles[0]!) : args.profiles;
  const plan: BalancePlan = { ...shared, profiles, gamesPerPairing: args.games };
  const problem = balancePlanProblem(content, plan);
  return problem ? bad(problem) : ok({ kind: 'balance', plan });
}

/** The demo set, or a folder through the one validator: its findings, never a stack trace. */
async function readSource(
  ruleset: string,
): Promise<Result<{ source: ContentSource; content: Content }>> {
  if (ruleset === 'demo') {
    const source = demoSource();
    const loaded = loadContent(source);
    if (!loaded.ok) return invalid(loaded.problems.map(describeLoadProblem).join('\n'));
    return ok({ source, content: loaded.content });
  }
  const path = resolve(ruleset);
  if (!existsSync(path))
    return bad(
      `No ruleset "${ruleset}": use "demo" or a folder with ruleset.json, cards.json and decks.json.`,
    );
  const validated = await validateContentPackage(await readContentFolder(path));
  if (!validated.content)
    return invalid(
      `The content in ${ruleset} is invalid (cardtable content validate ${ruleset}):\n${validated.errors.map(formatDiagnostic).join('\n')}`,
    );
  try {
    return ok({ source: contentSourceFrom(path), content: validated.content });
  } catch (error) {
    return bad(`Cannot read the content in ${ruleset}: ${(error as Error).message}`);
  }
}

/** The arguments, the content they name and the plan to play, or what is wrong with them. */
async function prepare(
  argv: readonly string[],
): Promise<Result<{ args: Args; source: ContentSource; content: Content; planned: Planned }>> {
  const args = parseArgs(argv);
  if (!args.ok) return args;
  const read = await readSource(args.value.ruleset);
  if (!read.ok) return read;
  const planned = planFor(args.value, read.value.content);
  if (!planned.ok) return planned;
  return ok({ args: args.value, ...read.value, planned: planned.value });
}

/** Plays scheduled matches on worker threads with a progress bar. */
async function playWithProgress(
  source: ContentSource,
  plan: BalancePlan | LevelPlan,
  matches: readonly ScheduledMatch[],
  threads: number,
): Promise<MatchRecord[]> {
  const progress = progressBar('simulate tcg', matches.length);
  try {
    return await playOnWorkers(source, plan, matches, threads, (done) => progress.update(done));
  } finally {
    progress.finish();
  }
}

/** Plays a balance or level plan on worker threads, with a progress bar, and reports on it. */
async function simulate(
  source: ContentSource,
  content: Content,
  planned: Planned,
  threads: number,
): Promise<BalanceReport | LevelReport> {
  if (planned.kind === 'levels') {
    const { plan } = planned;
    return levelReport(
      content,
      plan,
      await playWithProgress(source, plan, scheduleLevelMatches(plan), threads),
    );
  }
  const { plan } = planned;
  return balanceReport(
    content,
    plan,
    await playWithProgress(source, plan, scheduleMatches(plan), threads),
  );
}

/**
 * `cardtable simulate tcg ...`: exit 0, 1 when there were engine errors (or a worker thread
 * failed, or with --strict a Lua ability failed, or the folder does not validate), 2 for bad
 * flags. A folder's findings are printed alone: the usage text under them said nothing about them.
 */
export async function simulateTcgCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(SIMULATE_TCG_USAGE);
    return 0;
  }
  const prepared = await prepare(argv);
  if (!prepared.ok) {
    if (prepared.error.code === 'INVALID_CONTENT') {
      console.error(prepared.error.message);
      return 1;
    }
    console.error(`${prepared.error.message}\n\n${SIMULATE_TCG_USAGE}`);
    return 2;
  }
  const { args, source, content, planned } = prepared.value;
  let report: BalanceReport | LevelReport;
  try {
    report = await simulate(source, content, planned, args.threads);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (args.json) console.log(JSON.stringify(report));
  else console.log('levels' in report ? formatLevelReport(report) : formatBalanceReport(report));
  const strictFailure = args.strict && report.luaFailures.length > 0;
  return report.errors.length > 0 || strictFailure ? 1 : 0;
}
