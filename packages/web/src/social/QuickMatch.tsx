import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { CLOSE_CODES, type QueueMode, type QueueServerMessage } from '@cardtable/sdk';
import { rememberMatch, tablePath } from '../net/last-match.ts';
import { client, ensureSignedIn, setPlayerName } from '../net/session.ts';
import { GOLF_QUEUE_SEATS, playerCounts } from './queue-seats.ts';
import { queueWords, type QueuePlace } from './queue-words.ts';

type Queued = QueuePlace | null;

/**
 * Find strangers to play: a casual or rated queue for a game (Golf, or a published game's latest
 * version) with its standard rules. The server pushes the place in the queue and an estimate;
 * once a table is formed the page goes to it.
 */
export function QuickMatch({
  name,
  game = 'golf',
  title = 'Golf',
  seatRange = GOLF_QUEUE_SEATS,
}: {
  name: string;
  game?: string;
  title?: string;
  /** How many players a match of the game may have. */
  seatRange?: { min: number; max: number };
}) {
  const navigate = useNavigate();
  const choices = playerCounts(seatRange);
  const [chosenSeats, setSeats] = useState(choices[0]!);
  const seats = choices.includes(chosenSeats) ? chosenSeats : choices[0]!;
  const [queued, setQueued] = useState<Queued>(null);
  const [searching, setSearching] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const guest = client.api.session?.user.guest ?? true;

  useEffect(() => () => socket.current?.close(), []);

  const find = async (mode: QueueMode) => {
    setMessage(null);
    setSearching(true);
    setPlayerName(name);
    const signedIn = await ensureSignedIn();
    if (!signedIn.ok) {
      setSearching(false);
      return setMessage(signedIn.error.message);
    }
    const token = await client.api.accessToken();
    const base = window.location.origin.replace(/^http/, 'ws');
    const ws = new WebSocket(
      `${base}/ws/matchmaking?token=${encodeURIComponent(token)}&game=${encodeURIComponent(game)}&mode=${mode}&seats=${seats}`,
    );
    socket.current = ws;
    ws.onmessage = (event) => {
      const data = JSON.parse(String(event.data)) as QueueServerMessage;
      switch (data.type) {
        case 'QUEUE_STATUS':
          setQueued({
            position: data.position,
            waiting: data.waiting,
            estimatedWaitMs: data.estimatedWaitMs,
          });
          break;
        case 'QUEUE_MATCHED': {
          const path = tablePath(data.matchId, data.game);
          rememberMatch({ matchId: data.matchId, seat: null, code: null, path });
          void navigate(path);
          break;
        }
        case 'QUEUE_ENDED':
          setMessage(
            data.reason === 'cancelled'
              ? 'You left the queue.'
              : 'The queue lost your place: try again.',
          );
          break;
        case 'ERROR':
          setMessage(data.message);
          break;
      }
    };
    ws.onclose = (event) => {
      // The token was refused (a session signed out elsewhere): refresh it, or forget the
      // session so the app shows itself signed out and the next search signs in afresh.
      if (event.code === CLOSE_CODES.unauthorized)
        void client.api.accessToken(true).catch(() => undefined);
      socket.current = null;
      setSearching(false);
      setQueued(null);
    };
  };

  const cancel = () => socket.current?.send(JSON.stringify({ type: 'CANCEL' }));

  return (
    <section className="panel" aria-labelledby="quick-match-title">
      <h2 id="quick-match-title">Find an opponent</h2>
      <p className="muted">
        Play {title} {game === 'golf' ? 'with standard rules' : 'in its latest version'} against
        other people. Rated matches count for the leaderboard and need an account.
      </p>
      {searching ? (
        <div role="status" aria-live="polite" data-testid="queue-status">
          {queued ? <p>{queueWords(queued, seats)}</p> : <p>Joining the queue…</p>}
          <button type="button" onClick={cancel} data-testid="queue-cancel">
            Cancel
          </button>
        </div>
      ) : (
        <div className="inline-form">
          {choices.length > 1 ? (
            <label className="field">
              <span>Players</span>
              <select
                value={seats}
                onChange={(event) => setSeats(Number(event.target.value))}
                data-testid="queue-seats"
              >
                {choices.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button
            type="button"
            className="primary"
            onClick={() => void find('casual')}
            data-testid="queue-casual"
          >
            Casual match
          </button>
          <button
            type="button"
            onClick={() => void find('rated')}
            disabled={guest}
            title={guest ? 'Rated play needs an account' : undefined}
            data-testid="queue-rated"
          >
            Rated match
          </button>
        </div>
      )}
      {message ? (
        <p className="notice" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}
