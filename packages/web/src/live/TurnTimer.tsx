import { useEffect, useState } from 'react';

/** Seconds left at which the clock turns to a warning. */
export const WARN_SECONDS = 10;

export interface TurnTimerProps {
  /** When the time runs out: ISO text or ms since the epoch, in server time. */
  endsAt: string | number;
  /** When the clock starts (ms since the epoch, server time): nothing is shown before. */
  startsAt?: number;
  /** Server time minus this browser's. */
  offsetMs?: number;
  /** Whose clock it is, when it is not the viewer's own. */
  who?: string;
  mine?: boolean;
}

/**
 * A turn clock counting down. Near the end it turns to a warning and, on the viewer's own
 * clock, says so to screen readers.
 */
export function TurnTimer({ endsAt, startsAt, offsetMs = 0, who, mine = true }: TurnTimerProps) {
  const deadline = typeof endsAt === 'number' ? endsAt : Date.parse(endsAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  // A clock held while the table shows a summary (the hole tally) is not running yet.
  if (startsAt !== undefined && now + offsetMs < startsAt) return null;
  const seconds = Math.max(0, Math.ceil((deadline - offsetMs - now) / 1000));
  const low = seconds <= WARN_SECONDS;
  return (
    <span
      className={`turn-timer${low ? ' turn-timer-low' : ''}`}
      role="timer"
      data-testid="turn-timer"
      data-mine={mine ? 'yes' : 'no'}
      data-low={low ? 'yes' : 'no'}
    >
      {who === undefined || mine ? `${seconds}s left` : `${who}: ${seconds}s`}
      <span className="visually-hidden" aria-live="assertive">
        {low && mine ? `${WARN_SECONDS} seconds or less left to move.` : ''}
      </span>
    </span>
  );
}
