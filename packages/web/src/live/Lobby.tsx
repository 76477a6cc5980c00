import type { PublicSeat } from '@cardtable/sdk';
import { seatName } from '../game/names.ts';
import { CopyField } from './CopyField.tsx';

/** Before the start: who is seated, and the code and link that bring the others in. */
export function Lobby({
  seats,
  code,
  mySeat,
}: {
  seats: PublicSeat[];
  code: string | null;
  mySeat: number | null;
}) {
  const open = seats.filter((seat) => !seat.taken).length;
  return (
    <section className="panel lobby" data-testid="lobby" aria-labelledby="lobby-title">
      <h2 id="lobby-title">
        Waiting for {open === 1 ? 'one more player' : `${open} more players`}
      </h2>
      {code ? (
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
        {seats.map((seat) => (
          <li key={seat.seat}>
            <span>
              {seat.seat === mySeat
                ? `${seatName(seats, seat.seat)} (you)`
                : seatName(seats, seat.seat)}
            </span>
            <span className="seat-tag">
              {seat.kind === 'cpu' ? 'CPU' : seat.taken ? 'seated' : 'open'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
