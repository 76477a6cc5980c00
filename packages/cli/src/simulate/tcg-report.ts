import { type BalanceReport, type Rate, type Tally } from '@cardtable/tcg';
import { displayWidth, padTo } from './display-width.ts';
import { formatLuaFailures } from './lua-failures.ts';

/** One section of the printed report, or null when it has nothing to say. */
type Section = (report: BalanceReport) => string | null;

const percent = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(0)}%`);

/** `56% (49-63%)`: a win rate and its 95% confidence interval. */
export const rateText = ({ rate, low, high }: Rate) =>
  rate === null || low === null || high === null
    ? '-'
    : `${percent(rate)} (${(low * 100).toFixed(0)}-${percent(high)})`;

export const table = (header: string[], rows: string[][], leftColumns = 1): string => {
  const widths = header.map((_, c) =>
    Math.max(...[header, ...rows].map((row) => displayWidth(row[c]!))),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, c) => padTo(cell, widths[c]!, c < leftColumns ? 'end' : 'start'))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};

export const tallyCells = (t: Tally) => [
  String(t.games),
  String(t.wins),
  String(t.losses),
  String(t.draws),
  rateText(t.winRate),
];

const summary: Section = (r) =>
  [
    `${r.games} matches of ${r.ruleset.id} ${r.ruleset.version}: ${r.gamesPerPairing} per pair of decks, seed "${r.seed}"`,
    `Average length: ${r.averageTurns.toFixed(1)} turns, ${r.averageActions.toFixed(0)} actions`,
    'Each win rate shows its 95% confidence interval (Wilson score) in parentheses.',
  ].join('\n');

const decks: Section = (r) =>
  table(
    ['Deck', 'CPU', 'Games', 'Wins', 'Losses', 'Draws', 'Win rate'],
    r.decks.map((d) => [`${d.id} ${d.name}`, d.profile, ...tallyCells(d)]),
    2,
  );

/** The grid: each row deck's win rate against each column deck (only with 3 or more decks). */
const matchups: Section = (r) => {
  if (r.decks.length < 3) return null;
  const ids = r.decks.map((d) => d.id);
  const cell = (deck: string, opponent: string) => {
    const m = r.matchups.find((x) => x.deck === deck && x.opponent === opponent);
    return m ? `${rateText(m.winRate)} n=${m.games}` : '-';
  };
  return [
    'Matchups: the row deck against the column deck',
    table(
      ['', ...ids],
      ids.map((deck) => [deck, ...ids.map((opponent) => cell(deck, opponent))]),
    ),
  ].join('\n');
};

const firstPlayer: Section = (r) => {
  const f = r.firstPlayer;
  return `First player: won ${f.wins} of ${f.games}: ${rateText(f.winRate)}; lost ${f.losses}, drew ${f.draws}`;
};

const endings: Section = (r) =>
  r.endings.length === 0
    ? null
    : [
        'How games ended',
        table(
          ['Ending', 'Games', 'Share'],
          r.endings.map((e) => [e.words, String(e.games), percent(e.share)]),
        ),
      ].join('\n');

const cards: Section = (r) =>
  table(
    ['Card', 'Deck', 'Played', 'Win rate when played'],
    r.cards.map((c) => [c.name, c.deck, percent(c.playRate), rateText(c.winRateWhenPlayed)]),
    2,
  );

const errors: Section = (r) => formatErrors(r.errors);

/** The "Engine errors" section: how many, and each one's match and message. */
export const formatErrors = (list: BalanceReport['errors']) =>
  [
    list.length === 0 ? 'Engine errors: none' : `Engine errors: ${list.length}`,
    ...list.map((e) => `  match ${e.game}: ${e.message}`),
  ].join('\n');

/** The report's sections, in print order. */
const luaFailures: Section = (report) => formatLuaFailures(report.luaFailures);

export const TCG_REPORT_SECTIONS: readonly Section[] = [
  summary,
  decks,
  matchups,
  firstPlayer,
  endings,
  cards,
  errors,
  luaFailures,
];

/** The report for a person: one block per section, blank lines between. */
export function formatBalanceReport(report: BalanceReport): string {
  return TCG_REPORT_SECTIONS.map((section) => section(report))
    .filter((text): text is string => text !== null)
    .join('\n\n');
}
