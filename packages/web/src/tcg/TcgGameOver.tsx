import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Outcome, Seat } from '@cardtable/engine';
import { TcgOutcome } from './TcgOutcome.tsx';

/** Game over: the result in words and the ways on (rematch, new game, replay, home). */
export function TcgGameOver({
  outcome,
  me,
  name,
  matchId,
  gameSlug,
  rematch,
  life,
}: {
  outcome: Outcome;
  me: Seat | null;
  name: (seat: Seat) => string;
  matchId: string;
  gameSlug: string;
  rematch: ReactNode;
  /** The ruleset's word for a hero's life, when the view is known. */
  life?: string;
}) {
  return (
    <section className="panel tcg-game-over" aria-labelledby="tcg-over-title">
      {/* Focusable by script: the live table moves the focus here at the end. */}
      <h2 id="tcg-over-title" tabIndex={-1}>
        Game over
      </h2>
      <TcgOutcome outcome={outcome} me={me} name={name} {...(life ? { life } : {})} />
      <p className="actions">
        {rematch}
        <Link
          className="button"
          to={`/?game=${encodeURIComponent(gameSlug)}`}
          data-testid="new-game"
        >
          New game
        </Link>
        {/* The replay is its players' own (the server refuses anyone else without its link). */}
        {me !== null ? (
          <Link className="button" to={`/replay/${matchId}`} data-testid="watch-replay">
            Watch the replay
          </Link>
        ) : null}
        <Link className="button" to="/" data-testid="home">
          Home
        </Link>
      </p>
    </section>
  );
}
