import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, ok, type Result } from '@cardtable/engine';
import { simulateBalance, type BalanceReport } from '@cardtable/tcg';
import { demoContent, loadContentFrom, tcgGameFor } from '@cardtable/tcg/demo';
import { formatLuaFailures } from '../simulate/lua-failures.ts';
import { progressBar } from '../simulate/progress.ts';

export const SIMULATE_TCG_USAGE = `Usage: cardtable simulate tcg --games N [--content DIR] [--decks A,B]
                              [--cpu easy|hard[,easy|hard]] [--seed S] [--strict] [--json]

Plays CPU-only matches between two decks and prints win rate per deck, per-card play rate and
win rate when played, average match length and any engine errors (exit code 1 if there are).
  --games N        how many matches (required); the decks swap seats every other match
  --content DIR    a content folder (ruleset.json, cards.json, decks.json, lua/); default: the
                   shipped demo set (--ruleset demo|DIR is the older spelling)
  --decks A,B      two deck ids of the ruleset (default: its first two decks)
  --cpu P[,Q]      the CPU level of each deck: easy or hard (default: easy)
  --seed S         the seed every match's seed derives from (default: cardtable)
  --strict         exit code 1 when any Lua ability failed (they are always counted per card)
  --json           print only the report, as one JSON object`;

interface Args {
  games: number;
  ruleset: string;
  decks: [string, string] | null;
  profiles: [string, string];
  seed: string;
  json: boolean;
  strict: boolean;
}

const bad = (message: string) => fail('BAD_FLAG', message);

function parseArgs(argv: readonly string[]): Result<Args> {
  const values = new Map<string, string>();
  let json = false;
  let strict = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json') json = true;
    else if (flag === '--strict') strict = true;
    else if (['--games', '--ruleset', '--content', '--decks', '--cpu', '--seed'].includes(flag)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return bad(`${flag} needs a value.`);
      values.set(flag === '--content' ? '--ruleset' : flag, value);
    } else return bad(`Unknown option: ${flag}`);
  }
  const games = Number(values.get('--games'));
  if (!values.has('--games') || !Number.isInteger(games) || games < 1)
    return bad('--games must be a whole number of at least 1.');
  const decks = values.get('--decks')?.split(',');
  if (decks && (decks.length !== 2 || decks.some((d) => d === '')))
    return bad('--decks takes two deck ids: --decks A,B');
  const cpu = (values.get('--cpu') ?? 'easy').split(',');
  if (cpu.length > 2 || cpu.some((p) => p !== 'easy' && p !== 'hard'))
    return bad('--cpu takes easy or hard, once or for each deck: --cpu easy,hard');
  return ok({
    games,
    ruleset: values.get('--ruleset') ?? 'demo',
    decks: decks ? [decks[0]!, decks[1]!] : null,
    profiles: [cpu[0]!, cpu[1] ?? cpu[0]!],
    seed: values.get('--seed') ?? 'cardtable',
    json,
    strict,
  });
}

/** `cardtable simulate tcg ...`: exit 0, 1 on engine errors (or Lua failures with --strict), 2 for bad flags. */
export async function simulateTcgCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(SIMULATE_TCG_USAGE);
    return 0;
  }
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    console.error(`${parsed.error.message}\n\n${SIMULATE_TCG_USAGE}`);
    return 2;
  }
  const args = parsed.value;
  let content;
  try {
    content = args.ruleset === 'demo' ? demoContent() : loadFolder(args.ruleset);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const decks = args.decks ?? (content.decks.slice(0, 2).map((d) => d.id) as [string, string]);
  const unknown = decks.find((id) => !content.decks.some((d) => d.id === id));
  if (unknown || decks.length < 2) {
    console.error(
      `No deck "${unknown ?? ''}" in ${content.ruleset.id}; its decks: ${content.decks.map((d) => d.id).join(', ')}.`,
    );
    return 2;
  }
  const game = await tcgGameFor(content);
  try {
    const progress = progressBar('simulate tcg', args.games);
    const report = simulateBalance(game, {
      ruleset: content.ruleset.id,
      decks,
      games: args.games,
      profiles: args.profiles,
      seed: args.seed,
      onGame: (done) => progress.update(done),
    });
    progress.finish();
    console.log(
      args.json
        ? JSON.stringify(report)
        : `${formatReport(report)}\n${formatLuaFailures(report.luaFailures)}`,
    );
    const strictFailure = args.strict && report.luaFailures.length > 0;
    return report.errors.length > 0 || strictFailure ? 1 : 0;
  } finally {
    game.dispose();
  }
}

function loadFolder(dir: string) {
  const path = resolve(dir);
  if (!existsSync(path))
    throw new Error(
      `No ruleset "${dir}": use "demo" or a folder with ruleset.json, cards.json and decks.json.`,
    );
  return loadContentFrom(path);
}

const percent = (share: number | null) =>
  share === null ? '   -' : `${(share * 100).toFixed(0).padStart(3)}%`;

export function formatReport(report: BalanceReport): string {
  const lines = [
    `${report.games} matches of ${report.ruleset.id} ${report.ruleset.version} (CPU ${report.profiles.join(' vs ')})`,
    `Average length: ${report.averageTurns.toFixed(1)} turns, ${report.averageActions.toFixed(0)} actions`,
    '',
    'Deck                 Wins Losses Draws  Win rate',
    ...report.decks.map(
      (d) =>
        `${`${d.id} ${d.name}`.padEnd(20)} ${String(d.wins).padStart(4)} ${String(d.losses).padStart(6)} ${String(d.draws).padStart(5)}  ${percent(d.winRate)}`,
    ),
    '',
    'Card                      Deck  Played  Win rate when played',
    ...report.cards.map(
      (c) =>
        `${c.name.padEnd(25)} ${c.deck.padEnd(5)} ${percent(c.playRate)}    ${percent(c.winRateWhenPlayed)}`,
    ),
    '',
    report.errors.length === 0 ? 'Engine errors: none' : `Engine errors: ${report.errors.length}`,
    ...report.errors.map((e) => `  match ${e.game}: ${e.message}`),
  ];
  return lines.join('\n');
}
