import { useEffect, useRef } from 'react';
import type { Outcome } from '@cardtable/engine';
import { Link } from 'react-router';

/**
 * A table that ended before its game started: its host closed it, or it waited too long for
 * players. No standings, replay or rematch (nothing was played): why, and the ways back. The
 * heading takes the focus, so whoever was waiting here (keyboard, screen reader) is told at once.
 */
export function TableClosed({
  outcome,
  mine,
  tablesHref,
}: {
  outcome: Outcome;
  /** The one looking is the host who closed it. */
  mine: boolean;
  /** The game's open tables, to find another one (an open table's players came from there). */
  tablesHref: string | null;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const closed = outcome.reason === 'closed';
  return (
    <section
      className="panel table-closed"
      data-testid="table-closed"
      data-reason={outcome.reason}
      aria-labelledby="table-closed-title"
    >
      <h2 id="table-closed-title" ref={heading} tabIndex={-1}>
        {closed ? 'Table closed' : 'Table expired'}
      </h2>
      <p data-testid="table-closed-why">
        {closed
          ? mine
            ? 'You closed this table before the game started.'
            : 'The host closed this table before the game started.'
          : 'This table waited too long for players, so it closed before the game started.'}
      </p>
      <p className="actions">
        <Link className="button primary" to="/" data-testid="table-closed-home">
          Back to the start
        </Link>
        {tablesHref ? (
          <Link className="button" to={tablesHref}>
            Find another table
          </Link>
        ) : null}
      </p>
    </section>
  );
}
