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
  loadContent,
  scheduleMatches,
  validateContentPackage,
  type BalancePlan,
  type BalanceReport,
  type Content,
  type ContentSource,
} from '@cardtable/tcg';
import { contentSourceFrom, demoSource } from '@cardtable/tcg/demo';
import { readContentFolder } from '../content-folder.ts';
import { progressBar } from '../simulate/progress.ts';
import { playOnWorkers } from '../simulate/tcg-pool.ts';
import { formatBalanceReport } from '../simulate/tcg-report.ts';

const PROFILES = Object.keys(CPU_PROFILES);
/** Each worker thread holds its own engine and Lua VM: more than this only costs memory. */
const MAX_THREADS = 64;

export const SIMULATE_TCG_USAGE = `Usage: cardtable simulate tcg --games N [--content DIR] [--decks A,B,...]
                              [--cpu P[,Q,...]] [--seed S] [--threads T] [--strict] [--json]

Plays CPU-only matches between every pair of decks and prints a balance report: each deck's
win rate, a matchup grid (three or more decks), the first player's win rate, how games ended,
per-card play rate and win rate when played, average match length, any engine errors (exit
code 1 if there are) and Lua failures per card. Every win rate comes with its 95% confidence interval (Wilson score).
  --games N        matches per pair of decks (required); the decks swap seats every other match
  --content DIR    a content folder (ruleset.json, cards.json, decks.json, lua/); default: the
                   shipped demo set (--ruleset demo|DIR is the older spelling)
  --decks A,B,...  two or more deck ids of the ruleset (default: all its decks)
  --cpu P[,Q,...]  the CPU level (${PROFILES.join(' or ')}), once for every deck or once per deck
                   (default: easy)
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
  '--seed',
  '--threads',
];

const bad = (message: string) => fail('BAD_FLAG', message);
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
    return bad(`--cpu takes ${PROFILES.join(' or ')}, once or for each deck: --cpu easy,hard`);
  return ok({
    games,
    ruleset: values.get('--ruleset') ?? 'demo',
    decks,
    profiles,
    seed: values.get('--seed') ?? 'cardtable',
    threads,
    json,
    strict,
  });
}

/** The plan for these arguments on this content: every deck when none are named. */
function planFor(args: Args, content: Content): Result<BalancePlan> {
  const decks = args.decks ?? content.decks.map((deck) => deck.id);
  const profiles = args.profiles.length === 1 ? decks.map(() => args.profiles[0]!) : args.profiles;
  const plan: BalancePlan = {
    ruleset: content.ruleset.id,
    decks,
    profiles,
    gamesPerPairing: args.games,
    seed: args.seed,
  };
  const problem = balancePlanProblem(content, plan);
  return problem ? bad(problem) : ok(plan);
}

/** The demo set, or a folder through the one validator: its findings, never a stack trace. */
async function readSource(
  ruleset: string,
): Promise<Result<{ source: ContentSource; content: Content }>> {
  if (ruleset === 'demo') {
    const source = demoSource();
    const loaded = loadContent(source);
    if (!loaded.ok) return bad(loaded.problems.map(describeLoadProblem).join('\n'));
    return ok({ source, content: loaded.content });
  }
  const path = resolve(ruleset);
  if (!existsSync(path))
    return bad(
      `No ruleset "${ruleset}": use "demo" or a folder with ruleset.json, cards.json and decks.json.`,
    );
  const validated = await validateContentPackage(await readContentFolder(path));
  if (!validated.content)
    return bad(
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
): Promise<Result<{ args: Args; source: ContentSource; content: Content; plan: BalancePlan }>> {
  const args = parseArgs(argv);
  if (!args.ok) return args;
  const read = await readSource(args.value.ruleset);
  if (!read.ok) return read;
  const plan = planFor(args.value, read.value.content);
  if (!plan.ok) return plan;
  return ok({ args: args.value, ...read.value, plan: plan.value });
}

/** Plays the plan on worker threads, with a progress bar, and reports on it. */
export async function runTcgSimulation(
  source: ContentSource,
  content: Content,
  plan: BalancePlan,
  threads: number,
): Promise<BalanceReport> {
  const matches = scheduleMatches(plan);
  const progress = progressBar('simulate tcg', matches.length);
  try {
    const records = await playOnWorkers(source, plan, matches, threads, (done) =>
      progress.update(done),
    );
    return balanceReport(content, plan, records);
  } finally {
    progress.finish();
  }
}

/**
 * `cardtable simulate tcg ...`: exit 0, 1 when there were engine errors (or a worker thread
 * failed, or with --strict a Lua ability failed), 2 for bad flags.
 */
export async function simulateTcgCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(SIMULATE_TCG_USAGE);
    return 0;
  }
  const prepared = await prepare(argv);
  if (!prepared.ok) {
    console.error(`${prepared.error.message}\n\n${SIMULATE_TCG_USAGE}`);
    return 2;
  }
  const { args, source, content, plan } = prepared.value;
  let report: BalanceReport;
  try {
    report = await runTcgSimulation(source, content, plan, args.threads);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  console.log(args.json ? JSON.stringify(report) : formatBalanceReport(report));
  const strictFailure = args.strict && report.luaFailures.length > 0;
  return report.errors.length > 0 || strictFailure ? 1 : 0;
}
