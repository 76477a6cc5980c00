import type { LevelReport } from '@cardtable/tcg';
import { formatLuaFailures } from './lua-failures.ts';
import { formatErrors, table, tallyCells } from './tcg-report.ts';

/** `simulate tcg --levels A,B` for a person: A's win rate against B, per deck and overall. */
export function formatLevelReport(r: LevelReport): string {
  const [first, second] = r.levels;
  return [
    [
      `${first} against ${second}: ${r.games} mirror matches of ${r.ruleset.id} ${r.ruleset.version} (${r.gamesPerDeck} per deck, seats swapped every other match), seed "${r.seed}"`,
      `Average length: ${r.averageActions.toFixed(0)} actions`,
      'Each win rate shows its 95% confidence interval (Wilson score) in parentheses.',
    ].join('\n'),
    table(
      ['Deck', 'Games', 'Wins', 'Losses', 'Draws', `${first}'s win rate`],
      [
        ...r.byDeck.map((d) => [`${d.deck} ${d.name}`, ...tallyCells(d)]),
        ['all decks', ...tallyCells(r.overall)],
      ],
    ),
    formatErrors(r.errors),
    formatLuaFailures(r.luaFailures),
  ].join('\n\n');
}
