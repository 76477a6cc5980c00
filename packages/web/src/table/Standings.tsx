import type { ReactNode } from 'react';
import type { Outcome, Seat } from '@cardtable/engine';
import { Link } from 'react-router';
import { outcomeHeadline, outcomeRule, outcomeWhy, standingRows } from '../game/standings.ts';

/** Game over: places with ties shown as ties, and the ways on (replay, home). */
export function Standings(props: {
  outcome: Outcome;
  name: (seat: Seat) => string;
  /** The seat of the player looking, null for a spectator or a replay. */
  me: Seat | null;
  replayHref: string | null;
  /** The rematch offer, for players. */
  rematch?: ReactNode;
}) {
  const { outcome, name, me, replayHref, rematch } = props;
  const why = outcomeWhy(outcome, name);
  const rule = outcomeRule(outcome);
  return (
    <section className="panel standings" data-testid="standings" aria-labelledby="standings-title">
      {/* Focusable by script: the live table moves the focus here at the end. */}
      <h2 id="standings-title" tabIndex={-1}>
        Game over
      </h2>
      <p className="headline" data-testid="standings-headline">
        {outcomeHeadline(outcome, name, me)}
      </p>
      {why ? <p data-testid="standings-why">{why}</p> : null}
      {rule ? <p data-testid="standings-rule">{rule}</p> : null}
      <ol className="standing-list">
        {standingRows(outcome, name, me).map((row) => (
          <li
            key={row.seat}
            className={
              [row.winner ? 'winner' : '', row.mine ? 'mine' : ''].join(' ').trim() || undefined
            }
            data-testid="standing-row"
            data-seat={row.seat}
            data-place={row.place}
            data-score={row.score ?? ''}
          >
            <span className="place">{row.placeLabel}</span>
            <span className="who">
              {row.name}
              {row.mine ? <span className="standing-you"> (you)</span> : null}
            </span>
            <span className="score">{row.score ?? ''}</span>
          </li>
        ))}
      </ol>
      <p className="actions">
        {rematch}
        {replayHref ? (
          <Link className="button primary" to={replayHref} data-testid="watch-replay">
            Watch the replay
          </Link>
        ) : null}
        <Link className="button" to="/">
          New game
        </Link>
      </p>
    </section>
  );
}
