import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PublicSeat } from '@cardtable/sdk';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { seatName } from '../game/names.ts';
import { forgetMatch } from '../net/last-match.ts';
import { client } from '../net/session.ts';
import { CloseTable } from './CloseTable.tsx';
import { CopyField } from './CopyField.tsx';
import {
  hostMayRemove,
  hostSeatOf,
  lobbySeatState,
  seatsToFill,
  unreadyOthers,
} from './lobby-seats.ts';

const TAG = { cpu: 'CPU', open: 'open', pending: 'waiting for approval', seated: 'seated' };

/**
 * Before the start: who is seated, and the code and link that bring the others in. The host
 * approves or removes who joined, and may start now with CPUs in the empty seats; a joiner
 * waiting for approval, or removed, is told so. At an open (listed) table everyone marks ready:
 * a full table starts when all are, and the host's start waits for those seated. A joiner who
 * changes their mind leaves (the seat opens again) rather than hold it by closing the page; the
 * host who does closes the table (after a confirmation): everyone seated is told, and the code
 * stops working. The table's chat sits next to the seats on wide screens.
 */
export function Lobby({
  matchId,
  seats,
  code,
  mySeat,
  listed = false,
  gone = false,
}: {
  matchId: string;
  seats: PublicSeat[];
  code: string | null;
  mySeat: number | null;
  listed?: boolean;
  /** The server answers this match as one it does not know (as it does a user the host removed). */
  gone?: boolean;
}) {
  const navigate = useNavigate();
  // Set while this player leaves: the seat they give up is not "the host removed you".
  const [leaving, setLeaving] = useState(false);
  const removed = useRemoved(mySeat, gone) && !leaving;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const host = hostSeatOf(seats);
  const amHost = mySeat !== null && mySeat === host;
  const mine = mySeat === null ? undefined : seats[mySeat];
  const open = seatsToFill(seats);

  const unready = listed ? unreadyOthers(seats, host) : [];
  const run = async (request: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setBusy(true);
    setError(null);
    const done = await request();
    setBusy(false);
    if (!done.ok) setError(done.error?.message ?? 'That did not work.');
  };
  /**
   * Leaves the table (a joiner: home at once) or closes it (the host: the table's end follows on
   * the socket, and the page says "You closed this table" with the ways on, as it tells whoever
   * was seated; going home without a word left the host unsure it was done).
   */
  const leave = async (how: 'leave' | 'close') => {
    setLeaving(true);
    setBusy(true);
    setError(null);
    const left =
      how === 'leave' ? await client.api.leaveMatch(matchId) : await client.api.closeMatch(matchId);
    setBusy(false);
    if (left.ok) {
      forgetMatch(matchId);
      if (how === 'leave') void navigate('/');
      return;
    }
    setLeaving(false);
    setError(left.error.message);
  };
  // The people the host would send back: whoever else holds a seat.
  const othersSeated = seats.filter((seat) => hostMayRemove(seat, host)).length;
  const decide = (seat: number, how: 'approve' | 'remove') =>
    run(() =>
      how === 'approve'
        ? client.api.approveSeat(matchId, seat)
        : client.api.removeSeat(matchId, seat),
    );

  return (
    <div className="lobby-layout">
      <section className="panel lobby" data-testid="lobby" aria-labelledby="lobby-title">
        <h2 id="lobby-title">
          {open > 0
            ? `Waiting for ${open === 1 ? 'one more player' : `${open} more players`}`
            : 'Waiting for everyone to be ready'}
        </h2>
        {removed ? (
          <p className="notice notice-error" role="alert" data-testid="lobby-removed">
            The host removed you from this match. <Link to="/">Back to the start</Link>
          </p>
        ) : null}
        {mine?.pending && !removed ? (
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
                {listed && state === 'seated' ? (
                  <span
                    className={`seat-tag ${seat.ready ? 'ready' : 'not-ready'}`}
                    data-testid={`ready-tag-${seat.seat}`}
                  >
                    {seat.ready ? '✓ ready' : 'not ready'}
                  </span>
                ) : null}
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
        {!removed && listed && mine && !mine.pending ? (
          <p className="lobby-actions">
            <button
              type="button"
              className={mine.ready ? undefined : 'primary'}
              aria-pressed={!!mine.ready}
              disabled={busy}
              onClick={() => void run(() => client.api.setReady(matchId, !mine.ready))}
              data-testid="ready-toggle"
            >
              {mine.ready ? 'Ready ✓ (click if not ready after all)' : 'I’m ready'}
            </button>
          </p>
        ) : null}
        {mine && !amHost && !removed ? (
          <p className="lobby-actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => void leave('leave')}
              data-testid="lobby-leave"
            >
              Leave this table
            </button>
          </p>
        ) : null}
        {amHost ? (
          <p className="lobby-actions">
            <button
              type="button"
              disabled={busy || unready.length > 0}
              aria-describedby={unready.length > 0 ? 'lobby-start-why' : undefined}
              onClick={() => void run(() => client.api.startMatch(matchId))}
              data-testid="start-now"
            >
              {open > 0 ? 'Start now, CPUs take the empty seats' : 'Start now'}
            </button>
            {unready.length > 0 ? (
              <span id="lobby-start-why" className="muted">
                {' '}
                Waiting for {unready.map((seat) => seatName(seats, seat.seat)).join(', ')} to be
                ready.
              </span>
            ) : null}
          </p>
        ) : null}
        {amHost ? (
          <div className="lobby-actions">
            <CloseTable others={othersSeated} busy={busy} onClose={() => void leave('close')} />
          </div>
        ) : null}
      </section>
      <ChatPanel key={mySeat ?? 'watching'} room={`match:${matchId}`} title="Table chat" />
    </div>
  );
}

/**
 * True once this browser held a seat here and the table is gone for it: the host removed it
 * (the server then answers the match to it as an unknown id: `gone`).
 */
function useRemoved(mySeat: number | null, gone: boolean): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (mySeat !== null) setHeld(true);
  }, [mySeat]);
  return held && (mySeat === null || gone);
}
