import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { SessionFacts } from './useMatchSession.ts';
import { Topbar } from '../ui/Topbar.tsx';

/**
 * The server refused the match before it said anything of it: there is no such match, or it is
 * over and this browser may not see it (the server answers both alike). Nothing of a table is
 * known, not even its game, so the page shows none of one.
 */
export const isNoSuchMatch = ({ closed, status }: Pick<SessionFacts, 'closed' | 'status'>) =>
  closed?.code === 'NOT_FOUND' && status === null;

/**
 * A match page for a match that is not there: no game's title and no connection badge (both
 * spoke of a table that does not exist), why, and the way home. The heading takes the focus, so
 * a screen reader is told at once.
 */
export function NoSuchMatch() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="page match-page">
      <Topbar />
      <main className="narrow">
        <section
          className="panel"
          data-testid="no-such-match"
          aria-labelledby="no-such-match-title"
        >
          <h1 id="no-such-match-title" ref={heading} tabIndex={-1}>
            No such match
          </h1>
          <p>
            This link leads to no match: it may be mistyped, or the match is over and its replay is
            for its players only.
          </p>
          <p className="actions">
            <Link className="button primary" to="/" data-testid="no-such-match-home">
              Back to the start
            </Link>
          </p>
        </section>
      </main>
    </div>
  );
}
