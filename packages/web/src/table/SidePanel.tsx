import type { Seat } from '@cardtable/engine';
import type { GolfView, Rank } from '@cardtable/golf';
import { FLIP_MODE_TEXT } from '../game/rule-text.ts';
import { counted } from '../ui/counted.ts';

const RANK_ORDER: Rank[] = [
  'A',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  'J',
  'Q',
  'K',
  'JOKER',
];

/**
 * The scorecard (every hole so far) and the rules in force with each card's value. `me` is the
 * viewer's seat (null when watching): their row reads "You".
 */
export function SidePanel(props: {
  view: GolfView;
  name: (seat: Seat) => string;
  me: Seat | null;
}) {
  const { view, name, me } = props;
  // The names' column is narrow (the holes take the panel): "Guest 672" was cut to "Gu…", so a
  // new player could not find their own row. Each name in full is the cell's title.
  const rowName = (seat: Seat) => (seat === me ? 'You' : name(seat));
  return (
    <aside className="side">
      <ScoreCard view={view} name={rowName} fullName={name} />
      <RulesCard view={view} />
    </aside>
  );
}

/** Holes a scorecard row holds, as a paper card's front and back nine: a score fits its column. */
const HOLES_PER_ROW = 9;

/** The holes in rows of at most nine, as even as they split (twelve holes: six and six). */
function holeRows(count: number): number[][] {
  const rows = Math.ceil(count / HOLES_PER_ROW);
  const size = Math.ceil(count / rows);
  return Array.from({ length: rows }, (_, row) =>
    Array.from({ length: Math.min(size, count - row * size) }, (_, i) => row * size + i + 1),
  );
}

function ScoreCard(props: {
  view: GolfView;
  name: (seat: Seat) => string;
  fullName: (seat: Seat) => string;
}) {
  const { view, name, fullName } = props;
  // Every hole has its column from the start, as on a paper scorecard; unplayed ones read '–'.
  const rows = holeRows(view.options.rounds);
  const columns = rows[0]?.length ?? 0;
  const played = (hole: number) => view.rounds.find((round) => round.round === hole);
  // A shorter last row keeps the columns of the first: the holes line up, the rest is blank.
  const padding = (holes: number[]) =>
    Array.from({ length: columns - holes.length }, (_, i) => <td key={`pad-${i}`} />);
  return (
    <section className="panel" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">
        Scorecard · hole {Math.max(view.round, 1)} of {view.options.rounds}
      </h2>
      <div className="scroll-x">
        <table className="scorecard" data-testid="scorecard">
          {/* Fixed column widths, so every hole of a row and the total fit the panel at any
              size; the names take what is left and are cut short past that. */}
          <colgroup>
            <col />
            {Array.from({ length: columns }, (_, i) => (
              <col key={i} style={{ width: `${Math.min(8, 64 / columns)}%` }} />
            ))}
            <col style={{ width: '17%' }} />
          </colgroup>
          {rows.map((holes, row) => (
            <tbody key={holes[0]}>
              <tr>
                <th scope="col">Player</th>
                {holes.map((hole) => (
                  <th scope="col" key={hole} className="hole">
                    {hole}
                  </th>
                ))}
                {padding(holes)}
                {row === 0 ? <th scope="col">Total</th> : <td />}
              </tr>
              {view.players.map((player) => (
                <tr key={player.seat}>
                  <th scope="row" title={fullName(player.seat)}>
                    {name(player.seat)}
                  </th>
                  {holes.map((hole) => {
                    const score = played(hole)?.scores.find((s) => s.seat === player.seat);
                    return (
                      <td key={hole} className={score?.wonHole ? 'hole won-hole' : 'hole'}>
                        {score?.roundScore ?? '–'}
                      </td>
                    );
                  })}
                  {padding(holes)}
                  {row === 0 ? (
                    <td className="total" data-testid={`total-${player.seat}`}>
                      {player.total}
                    </td>
                  ) : (
                    <td />
                  )}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

function RulesCard({ view }: { view: GolfView }) {
  const { options } = view;
  const ranks = RANK_ORDER.filter((rank) => rank !== 'JOKER' || options.jokerMode !== 'none');
  return (
    <details className="panel rules" data-testid="rules">
      <summary>
        <h2>Rules and card values</h2>
      </summary>
      <ul className="rule-list">
        {view.activeRules.length === 0 ? <li>Standard rules</li> : null}
        {view.activeRules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
        {options.flipMode === 'never' ? null : <li>{FLIP_MODE_TEXT[options.flipMode].help}</li>}
        <li>
          {options.initialFlips === 0
            ? 'No cards are turned up at the start.'
            : `Everyone turns up ${counted(options.initialFlips, 'card')} at the start.`}
        </li>
        <li>A column of two same-rank cards scores 0. Lowest total wins.</li>
      </ul>
      <h3 className="values-title">Card values</h3>
      <dl className="values" data-testid="card-values">
        {ranks.map((rank) => (
          <div key={rank}>
            <dt>{rank === 'JOKER' ? 'Joker' : rank}</dt>
            <dd>{view.cardValues[rank]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
