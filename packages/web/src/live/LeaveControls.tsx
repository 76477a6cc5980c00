import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { client } from '../net/session.ts';

type Asking = 'leave' | 'resign' | null;

const QUESTIONS: Record<Exclude<Asking, null>, { question: string; confirm: string }> = {
  leave: {
    question: 'Leave the table? The game goes on and your turns are played automatically.',
    confirm: 'Leave',
  },
  resign: {
    question: 'Resign? The game ends now and everyone else shares first place.',
    confirm: 'Resign',
  },
};

/** Leave or resign a running match, each after a confirmation. */
export function LeaveControls({ matchId }: { matchId: string }) {
  const navigate = useNavigate();
  const [asking, setAsking] = useState<Asking>(null);
  const [error, setError] = useState<string | null>(null);
  // Kept playing (the button, or Escape): the focus goes back to the button that asked.
  const openers = useRef<Partial<Record<Exclude<Asking, null>, HTMLButtonElement | null>>>({});
  const [returnTo, setReturnTo] = useState<Asking>(null);
  useEffect(() => {
    if (asking !== null || returnTo === null) return;
    openers.current[returnTo]?.focus();
    setReturnTo(null);
  }, [asking, returnTo]);
  const keepPlaying = () => {
    setReturnTo(asking);
    setAsking(null);
  };

  const confirm = async (what: Exclude<Asking, null>) => {
    const result =
      what === 'leave'
        ? await client.api.leaveMatch(matchId)
        : await client.api.surrenderMatch(matchId);
    setAsking(null);
    if (!result.ok) setError(result.error.message);
    else if (what === 'leave') void navigate('/');
  };

  if (asking) {
    const { question, confirm: label } = QUESTIONS[asking];
    return (
      <div
        className="leave-confirm"
        role="group"
        aria-label={label}
        data-testid="leave-confirm"
        onKeyDown={(event) => {
          if (event.key === 'Escape') keepPlaying();
        }}
      >
        <span>{question}</span>
        <button
          type="button"
          className="danger"
          onClick={() => void confirm(asking)}
          data-testid={`confirm-${asking}`}
        >
          {label}
        </button>
        <button type="button" onClick={keepPlaying} autoFocus>
          Keep playing
        </button>
      </div>
    );
  }
  return (
    <div className="leave-controls">
      <button
        type="button"
        ref={(button) => {
          openers.current.leave = button;
        }}
        onClick={() => setAsking('leave')}
        data-testid="leave-table"
      >
        Leave
      </button>
      <button
        type="button"
        ref={(button) => {
          openers.current.resign = button;
        }}
        onClick={() => setAsking('resign')}
        data-testid="resign"
      >
        Resign
      </button>
      {error ? (
        <span className="notice-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
