import { Link } from 'react-router';
import type { SessionFacts } from './useMatchSession.ts';

/** Why the connection closed for good, and the last refusal of an action: every table's alerts. */
export function MatchNotices({
  closed,
  actionError,
}: Pick<SessionFacts, 'closed' | 'actionError'>) {
  return (
    <>
      {closed ? (
        <p className="notice notice-error" role="alert" data-testid="connection-error">
          {closed.message} <Link to="/">Back to the start</Link>
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
