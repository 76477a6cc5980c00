import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { rememberMatch, tablePath } from '../net/last-match.ts';
import { client, ensureSignedIn, playerName, setPlayerName } from '../net/session.ts';

/** An invite link (`/join/CODE`): take the next free seat, then go to the table. */
export default function JoinPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const navigate = useNavigate();
  const [name, setName] = useState(playerName);
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  const join = useCallback(async () => {
    setJoining(true);
    setError(null);
    const signedIn = await ensureSignedIn();
    const joined = signedIn.ok ? await client.api.joinMatch(code) : signedIn;
    if (!joined.ok) {
      setJoining(false);
      setError(joined.error.message);
      return;
    }
    // Golf and the card games have tables of their own.
    const meta = await client.api.getMatch(joined.value.matchId);
    const path = tablePath(joined.value.matchId, meta.ok ? meta.value.game : 'golf');
    rememberMatch({ matchId: joined.value.matchId, seat: joined.value.seat, code, path });
    void navigate(path, { replace: true });
  }, [code, navigate]);

  // Someone who has a name here already has said who they are: join at once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || (!client.api.session && !playerName())) return;
    started.current = true;
    void join();
  }, [join]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPlayerName(name);
    void join();
  };

  return (
    <main className="page narrow">
      <section className="panel" aria-labelledby="join-title">
        <h1 id="join-title">Join table {code}</h1>
        {error ? (
          <p className="notice notice-error" role="alert" data-testid="join-error">
            {error} <Link to="/">Back to the start</Link>
          </p>
        ) : null}
        <form className="inline-form" onSubmit={submit}>
          <label className="field">
            <span>Your name</span>
            <input
              value={name}
              maxLength={40}
              onChange={(event) => setName(event.target.value)}
              data-testid="player-name"
            />
          </label>
          <button type="submit" className="primary" disabled={joining} data-testid="join-as">
            {joining ? 'Joining…' : 'Join the table'}
          </button>
        </form>
      </section>
    </main>
  );
}
