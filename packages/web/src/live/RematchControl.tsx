import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Seat } from '@cardtable/engine';
import { client } from '../net/session.ts';
import type { SessionFacts } from './useMatchSession.ts';

/**
 * After the end, for a player: offer a rematch, or accept the one another player offered. The
 * server starts it once every person at the table agreed; then everyone is moved to the new
 * match. Nothing for a spectator or before the end.
 */
export function RematchControl({
  matchId,
  session,
  agreedRematchId,
  pathOf,
  name,
}: {
  matchId: string;
  session: Pick<SessionFacts, 'role' | 'seat' | 'status' | 'seats' | 'rematchId'>;
  /** The rematch the match's metadata names (a page opened after everyone agreed). */
  agreedRematchId: string | null;
  /** Where the new match is played. */
  pathOf: (matchId: string) => string;
  name: (seat: Seat) => string;
}) {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = session.role === 'player' ? session.seat : null;
  const rematchId = me === null ? null : (session.rematchId ?? agreedRematchId);
  useEffect(() => {
    if (rematchId) void navigate(pathOf(rematchId));
  }, [rematchId, navigate, pathOf]);
  if (me === null || session.status !== 'over') return null;
  const { seats } = session;

  const offer = async () => {
    setBusy(true);
    const result = await client.api.rematch(matchId);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else if (result.value.rematchId) void navigate(pathOf(result.value.rematchId));
  };
  const mine = seats[me]?.rematch === true;
  const offeredBy = seats.filter((s) => s.seat !== me && s.rematch).map((s) => name(s.seat));
  const waitingFor = seats
    .filter((s) => s.kind === 'human' && s.seat !== me && !s.rematch)
    .map((s) => name(s.seat));

  return (
    <span className="rematch" data-testid="rematch-control">
      {mine ? (
        <span role="status" data-testid="rematch-waiting">
          Rematch offered. Waiting for {waitingFor.join(' and ')} to accept…
        </span>
      ) : (
        <>
          {offeredBy.length ? (
            <span role="status" data-testid="rematch-offer">
              {offeredBy.join(' and ')} {offeredBy.length === 1 ? 'offers' : 'offer'} a rematch.
            </span>
          ) : null}
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void offer()}
            data-testid="rematch"
          >
            {offeredBy.length ? 'Accept the rematch' : 'Rematch'}
          </button>
        </>
      )}
      {error ? (
        <span className="notice-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
