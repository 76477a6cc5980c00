import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { PublicSeat } from '@cardtable/sdk';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { seatName } from '../game/names.ts';
import { client } from '../net/session.ts';
import { CopyField } from './CopyField.tsx';
import { hostMayRemove, hostSeatOf, lobbySeatState, seatsToFill } from './lobby-seats.ts';

const TAG = { cpu: 'CPU', open: 'open', pending: 'waiting for approval', seated: 'seated' };

/**
 * Before the start: who is seated, and the code and link that bring the others in. The host
 * approves or removes who joined; a joiner waiting for approval, or removed, is told so.
 */
export function Lobby({
  matchId,
  seats,
  code,
  mySeat,
}: {
  matchId: string;
  seats: PublicSeat[];
  code: string | null;
  mySeat: number | null;
}) {
  const removed = useRemoved(mySeat);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const host = hostSeatOf(seats);
  const amHost = mySeat !== null && mySeat === host;
  const mine = mySeat === null ? undefined : seats[mySeat];
  const open = seatsToFill(seats);

  const decide = async (seat: number, how: 'approve' | 'remove') => {
    setBusy(true);
    setError(null);
    const done =
      how === 'approve'
        ? await client.api.approveSeat(matchId, seat)
        : await client.api.removeSeat(matchId, seat);
    setBusy(false);
    if (!done.ok) setError(done.error.message);
  };

  return (
    <section className="panel lobby" data-testid="lobby" aria-labelledby="lobby-title">
      <h2 id="lobby-title">
        Waiting for {open === 1 ? 'one more player' : `${open} more players`}
      </h2>
      {removed ? (
        <p className="notice notice-error" role="alert" data-testid="lobby-removed">
          The host removed you from this match. <Link to="/">Back to the start</Link>
        </p>
      ) : null}
      {mine?.pending ? (
        <p className="notice notice-warning" role="status" data-testid="lobby-pending">
          Waiting for the host to let you in.
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="lobby-error">
          {error}
        </p>
      ) : null}
      {code && !removed ? (
        <>
          <p>
            Room code{' '}
            <strong className="room-code" data-testid="room-code">
              {code}
            </strong>
          </p>
          <CopyField
            label="Invite link"
            value={`${window.location.origin}/join/${code}`}
            testId="invite-link"
          />
        </>
      ) : null}
      <ul className="lobby-seats">
        {seats.map((seat) => {
          const state = lobbySeatState(seat);
          const name = seatName(seats, seat.seat);
          return (
            <li key={seat.seat} data-testid={`lobby-seat-${seat.seat}`} data-state={state}>
              <span>{seat.seat === mySeat ? `${name} (you)` : name}</span>
              <span className="seat-tag">
                {state === 'pending' && amHost ? 'waiting for your approval' : TAG[state]}
              </span>
              {amHost && hostMayRemove(seat, host) ? (
                <span className="lobby-actions">
                  {state === 'pending' ? (
                    <button
                      type="button"
                      className="primary"
                      disabled={busy}
                      onClick={() => void decide(seat.seat, 'approve')}
                      data-testid={`approve-${seat.seat}`}
                    >
                      Approve {name}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void decide(seat.seat, 'remove')}
                    data-testid={`remove-${seat.seat}`}
                  >
                    Remove {name}
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ChatPanel key={mySeat ?? 'watching'} room={`match:${matchId}`} title="Table chat" />
    </section>
  );
}

/** True once this browser held a seat here and holds none any more: the host removed it. */
function useRemoved(mySeat: number | null): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (mySeat !== null) setHeld(true);
  }, [mySeat]);
  return held && mySeat === null;
}
