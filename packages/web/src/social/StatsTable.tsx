/** One game's stats as a small table; Golf and TCG add their own rows. */
export function StatsTable({
  game,
  title,
  stats,
}: {
  game: string;
  /** The game's name, for its caption. */
  title: string;
  stats: Record<string, unknown>;
}) {
  const num = (value: unknown) => (typeof value === 'number' ? value : 0);
  const golf = stats.golf as Record<string, number | null> | undefined;
  const tcg = stats.tcg as { decks: Record<string, { games: number; wins: number }> } | undefined;
  const games = num(stats.games);
  const rows: [string, string][] = [
    ['Matches', String(games)],
    [
      'Wins',
      `${num(stats.wins)}${games ? ` (${Math.round((100 * num(stats.wins)) / games)}%)` : ''}`,
    ],
    ['Win streak', `${num(stats.currentStreak)} now, ${num(stats.bestStreak)} best`],
  ];
  if (golf) {
    const rounds = golf.rounds ?? 0;
    rows.push(
      ['Rounds', String(rounds)],
      ['Best / worst round', `${golf.bestRound ?? '–'} / ${golf.worstRound ?? '–'}`],
      ['Average round', rounds ? ((golf.roundScoreSum ?? 0) / rounds).toFixed(1) : '–'],
      ['Went out first', String(golf.knockOuts ?? 0)],
      ['Blackjacks', String(golf.blackjacks ?? 0)],
    );
  }
  for (const [deck, record] of Object.entries(tcg?.decks ?? {})) {
    rows.push([
      `Deck ${deck}`,
      `${record.wins} of ${record.games} won (${Math.round((100 * record.wins) / record.games)}%)`,
    ]);
  }
  return (
    <table className="stats-table" data-testid={`stats-${game}`}>
      <caption>{title}</caption>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
