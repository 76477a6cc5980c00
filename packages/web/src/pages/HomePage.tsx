import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MatchMetadata } from '@cardtable/sdk';
import { createRequest, quickSetup, type TableSetup } from '../game/table-setup.ts';
import { seatName } from '../game/names.ts';
import { lastMatch, rememberMatch } from '../net/last-match.ts';
import { client, ensureSignedIn, playerName, setPlayerName } from '../net/session.ts';
import { CreateTableForm } from '../home/CreateTableForm.tsx';
import { TcgHomePanel } from '../tcg/TcgHomePanel.tsx';

/** Start here: play now, set up a table, join by code, or go back to a match. */
export default function HomePage() {
  const navigate = useNavigate();
  const [name, setName] = useState(playerName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');

  const start = async (setup: TableSetup) => {
    setBusy(true);
    setError(null);
    setPlayerName(name);
    const signedIn = await ensureSignedIn();
    const created = signedIn.ok
      ? await client.api.createMatch(createRequest(setup, name.trim()))
      : signedIn;
    setBusy(false);
    if (!created.ok) {
      setError(created.error.message);
      return;
    }
    rememberMatch({
      matchId: created.value.matchId,
      seat: created.value.seat,
      code: created.value.code,
    });
    void navigate(`/match/${created.value.matchId}`);
  };

  const join = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    setPlayerName(name);
    if (trimmed) void navigate(`/join/${encodeURIComponent(trimmed)}`);
  };

  const back = lastMatch();

  return (
    <main className="page home">
      <header className="hero">
        <h1>Cardtable · Golf</h1>
        <p>
          Six cards, face down, in two rows. Swap in low cards, pair up columns, and finish each
          hole with the lowest score.
        </p>
        <label className="field">
          <span>Your name</span>
          <input
            value={name}
            maxLength={40}
            autoComplete="nickname"
            placeholder="Guest"
            onChange={(event) => setName(event.target.value)}
            onBlur={() => setPlayerName(name)}
            data-testid="player-name"
          />
        </label>
        <button
          type="button"
          className="primary big"
          disabled={busy}
          onClick={() => void start(quickSetup())}
          data-testid="play-now"
        >
          Play now against 3 CPUs
        </button>
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
      </header>

      {back ? (
        <section className="panel">
          <h2>Your table</h2>
          <p>
            <Link className="button" to={`/match/${back.matchId}`} data-testid="back-to-table">
              Back to your last match
            </Link>
          </p>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="join-title">
        <h2 id="join-title">Join a table</h2>
        <form className="inline-form" onSubmit={join}>
          <label className="field">
            <span>Room code</span>
            <input
              value={code}
              onChange={(event) => setCode(event.target.value.toUpperCase())}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              placeholder="ABCD"
              data-testid="join-code"
            />
          </label>
          <button type="submit" data-testid="join-submit" disabled={code.trim() === ''}>
            Join
          </button>
        </form>
      </section>

      <section className="panel" aria-labelledby="rules-title">
        <details>
          <summary>
            <h2 id="rules-title">How to play</h2>
          </summary>
          <ul className="rule-list">
            <li>
              Everyone has six cards face down in two rows of three. Turn two of yours up to start.
            </li>
            <li>
              On your turn, draw from the deck or take the top discard, then swap it into any of
              your six places (the old card goes to the discard pile), or discard a drawn card.
            </li>
            <li>
              Cards score their face value: A = 1, 2 = −2, J and Q = 10, K = 0. Two cards of the
              same rank in a column score 0.
            </li>
            <li>
              When someone has all six cards face up, everyone else gets one last turn. Lowest score
              wins the hole; lowest total wins the game.
            </li>
          </ul>
        </details>
      </section>

      <CreateTableForm busy={busy} onCreate={(setup) => void start(setup)} />

      <TcgHomePanel name={name} />

      <RecentMatches />

      <section className="panel">
        <h2>Replays</h2>
        <p>
          Every finished match can be rewatched from its page. Got a replay file?{' '}
          <Link to="/replay">Open it here</Link>.
        </p>
      </section>
    </main>
  );
}

function RecentMatches() {
  const [matches, setMatches] = useState<MatchMetadata[] | null>(null);
  useEffect(() => {
    if (!client.api.session) return;
    let stale = false;
    void client.api.myMatches().then((result) => {
      if (!stale && result.ok) setMatches(result.value.matches);
    });
    return () => {
      stale = true;
    };
  }, []);
  if (!matches || matches.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="recent-title">
      <h2 id="recent-title">Your recent matches</h2>
      <ul className="recent" data-testid="recent-matches">
        {matches.slice(0, 10).map((match) => (
          <li key={match.matchId}>
            <span>
              {match.seats.map((seat) => seatName(match.seats, seat.seat)).join(', ')}
              <span className="muted"> · {new Date(match.createdAt).toLocaleString()}</span>
            </span>
            <span className="seat-tag">{match.status}</span>
            {match.game === 'tcg' ? (
              <Link to={`/tcg/${match.matchId}`}>
                {match.status === 'over' ? 'Final table' : 'Resume'}
              </Link>
            ) : match.status === 'over' ? (
              <Link to={`/replay/${match.matchId}`}>Replay</Link>
            ) : (
              <Link to={`/match/${match.matchId}`}>
                {match.status === 'waiting' ? 'Open' : 'Resume'}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
