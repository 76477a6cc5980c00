import { Link } from 'react-router';
import type { SessionFacts } from './useMatchSession.ts';

/**
 * Why the connection closed for good, that it dropped and is being retried, and the last refusal
 * of an action: every table's alerts.
 */
export function MatchNotices({
  connection,
  closed,
  actionError,
}: Pick<SessionFacts, 'connection' | 'closed' | 'actionError'>) {
  return (
    <>
      {closed ? (
        <p className="notice notice-error" role="alert" data-testid="connection-error">
          {closed.message} <Link to="/">Back to the start</Link>
        </p>
      ) : null}
      {connection === 'reconnecting' ? (
        // Pinned to the screen: the header's badge has scrolled away by the time a player looks
        // at their hand, and the table still looks ready for moves that cannot arrive yet.
        <p className="notice notice-floating" role="status" data-testid="reconnecting-notice">
          Lost the connection to the server: trying again. Moves you make now are sent once it is
          back.
        </p>
      ) : null}
      {actionError ? (
        <p className="notice notice-error" role="alert" data-testid="action-error">
          {actionError.message}
        </p>
      ) : null}
    </>
  );
}
