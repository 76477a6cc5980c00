import { useEffect, useState } from 'react';

/** Seconds left on the current turn, when the table has a turn timer. */
export function TurnTimer({ endsAt }: { endsAt: string }) {
  const deadline = Date.parse(endsAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <span className={`turn-timer${seconds <= 10 ? ' turn-timer-low' : ''}`} role="timer">
      {seconds}s left
    </span>
  );
}
