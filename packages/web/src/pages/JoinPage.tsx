import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ROOM_CODE_LENGTH } from '@cardtable/sdk';
import { rememberMatch, tablePath } from '../net/last-match.ts';
import { client, ensureSignedIn, playerName, setPlayerName } from '../net/session.ts';
import { PlayerNameField } from '../home/PlayerNameField.tsx';

/** An invite link (`/join/CODE`): take the next free seat, then go to the table. */
export default function JoinPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const navigate = useNavigate();
  const [name, setName] = useState(playerName);
  const [error, setError] = useState<string | null>(null);
  // A code no open table has (a typo, or a table since started): the form asks for it again,
  // rather than offering to join the same missing table once more.
  const [askCode, setAskCode] = useState(false);
  const [codeInput, setCodeInput] = useState(code);
  const [joining, setJoining] = useState(false);

  const join = useCallback(
    async (code: string) => {
      // A code no table could have is a typo too: said in words (the server's schema would
      // answer "Invalid /code: Expected string length…"), and the code asked for again.
      if (code.length < ROOM_CODE_LENGTH.min || code.length > ROOM_CODE_LENGTH.max) {
        setError(
          `That is not a room code: one has ${ROOM_CODE_LENGTH.min} to ${ROOM_CODE_LENGTH.max} letters and digits.`,
        );
        setAskCode(true);
        return;
      }
      setJoining(true);
      setError(null);
      const signedIn = await ensureSignedIn();
      const joined = signedIn.ok ? await client.api.joinMatch(code) : signedIn;
      if (!joined.ok) {
        setJoining(false);
        setError(joined.error.message);
        setAskCode(joined.error.code === 'NOT_FOUND');
        return;
      }
      // Golf and the card games have tables of their own.
      const meta = await client.api.getMatch(joined.value.matchId);
      const path = tablePath(joined.value.matchId, meta.ok ? meta.value.game : 'golf');
      rememberMatch({ matchId: joined.value.matchId, seat: joined.value.seat, code, path });
      void navigate(path, { replace: true });
    },
    [navigate],
  );

  // Someone who has a name here already has said who they are: join at once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || (!client.api.session && !playerName())) return;
    started.current = true;
    void join(code);
  }, [join, code]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPlayerName(name);
    const wanted = askCode ? codeInput.trim().toUpperCase() : code;
    if (wanted !== code) void navigate(`/join/${encodeURIComponent(wanted)}`, { replace: true });
    void join(wanted);
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
          {askCode ? (
            <label className="field">
              <span>Room code</span>
              <input
                value={codeInput}
                autoComplete="off"
                autoFocus
                onChange={(event) => setCodeInput(event.target.value)}
                data-testid="join-page-code"
              />
            </label>
          ) : null}
          <PlayerNameField value={name} onChange={setName} />
          <button
            type="submit"
            className="primary"
            disabled={joining || (askCode && codeInput.trim() === '')}
            data-testid="join-as"
          >
            {joining ? 'Joining…' : askCode ? 'Try this code' : 'Join the table'}
          </button>
        </form>
      </section>
    </main>
  );
}
