import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
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
  // new player could not find their own row. A name cut short shows whole on hover, and on
  // focus: it can be tabbed to, or tapped.
  const rowName = (seat: Seat) => (seat === me ? 'You' : name(seat));
  return (
    <aside className="side">
      <ScoreCard view={view} name={rowName} />
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

/**
 * The seats whose name the table's names column cuts short, measured again as the table's width
 * or the names change. A name is cut when it is wider than its cell's content box, which holds
 * whether or not it is shown whole at the moment.
 */
function useCutNames(names: string): [RefObject<HTMLTableElement | null>, Set<string>] {
  const table = useRef<HTMLTableElement>(null);
  const [cut, setCut] = useState<Set<string>>(() => new Set());
  useLayoutEffect(() => {
    const element = table.current;
    if (!element) return;
    const measure = () => {
      const now = new Set<string>();
      for (const span of element.querySelectorAll<HTMLElement>('[data-seat-name]')) {
        const cell = span.parentElement!;
        const style = getComputedStyle(cell);
        const room =
          cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (span.scrollWidth > room + 0.5) now.add(span.dataset.seatName!);
      }
      setCut((before) =>
        before.size === now.size && [...now].every((seat) => before.has(seat)) ? before : now,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [names]);
  return [table, cut];
}

function ScoreCard(props: { view: GolfView; name: (seat: Seat) => string }) {
  const { view, name } = props;
  const [tableRef, cut] = useCutNames(view.players.map((p) => name(p.seat)).join('\n'));
  // Every hole has its column from the start, as on a paper scorecard; unplayed ones read '–'.
  const rows = holeRows(view.options.rounds);
  const columns = rows[0]?.length ?? 0;
  const played = (hole: number) => view.rounds.find((round) => round.round === hole);
  // A shorter last row keeps the columns of the first: the holes line up, the rest is blank.
  const padding = (holes: number[]) =>
    Array.from({ length: columns - holes.length }, (_, i) => <td key={`pad-${i}`} />);
  return (
    <section className="panel scorecard-panel" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">
        Scorecard · hole {Math.max(view.round, 1)} of {view.options.rounds}
      </h2>
      {/* No scrolling box around it: it always fits, and a name shown whole may stand out of it. */}
      <table className="scorecard" data-testid="scorecard" ref={tableRef}>
        {/* Fixed column widths, so every hole of a row and the total fit the panel at any
              size; the names take what is left and are cut short past that. A hole is as wide
              as two digits and the total as three, no wider: at 64% and 14% a nine-hole card
              left a guest's name "Gues…" on a desktop's 320 px panel. */}
        <colgroup>
          <col />
          {Array.from({ length: columns }, (_, i) => (
            <col key={i} style={{ width: `${Math.min(7, 58 / columns)}%` }} />
          ))}
          <col style={{ width: '12%' }} />
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
                <th scope="row">
                  <span
                    className="score-name"
                    data-seat-name={player.seat}
                    data-cut={cut.has(String(player.seat)) || undefined}
                    tabIndex={cut.has(String(player.seat)) ? 0 : undefined}
                  >
                    {name(player.seat)}
                  </span>
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
