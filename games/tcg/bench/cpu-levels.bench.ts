import { isMain } from '@cardtable/engine/bench';
import { spiritboundContent, tcgGameFor } from '../content/demo/index.ts';
import { simulateLevels, type LevelReport } from '../src/index.ts';

const percent = (share: number | null) => (share === null ? '-' : `${Math.round(share * 100)}%`);

/**
 * How far apart the CPU levels play on Spiritbound: `hard` against `easy` and `easy` against
 * the random player, in mirror matches of every starter deck with seats swapped. Prints win
 * rates with their 95% intervals (and the time taken); `cardtable simulate tcg --levels` runs
 * the same at any size on worker threads.
 */
export async function run(gamesPerDeck = Number(process.env.LEVEL_GAMES ?? 4)): Promise<void> {
  const content = spiritboundContent();
  const game = await tcgGameFor(content, 'spiritbound');
  const decks = content.decks.map((deck) => deck.id);
  const rows: Record<string, Record<string, number | string>> = {};
  for (const levels of [
    ['hard', 'easy'],
    ['easy', 'random'],
  ] as const) {
    const t0 = performance.now();
    const report: LevelReport = simulateLevels(game, {
      ruleset: 'spiritbound',
      decks,
      levels: [...levels],
      gamesPerDeck,
      seed: 'bench-levels',
    });
    const { winRate, games, draws } = report.overall;
    rows[`spiritbound: ${levels[0]} against ${levels[1]}`] = {
      winRate: percent(winRate.rate),
      interval95: `${percent(winRate.low)}-${percent(winRate.high)}`,
      games,
      draws,
      errors: report.errors.length,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
  }
  console.table(rows);
  game.dispose();
}

if (isMain(import.meta.url)) await run();
