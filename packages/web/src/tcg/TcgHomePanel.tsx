import { useState } from 'react';
import { useNavigate } from 'react-router';
import { client, ensureSignedIn, setPlayerName } from '../net/session.ts';

/** Home page entry to the card game: the demo ruleset ("Ember & Tide") against a CPU. */
export function TcgHomePanel({ name }: { name: string }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async (deck: 'A' | 'B', profile: 'easy' | 'hard') => {
    setBusy(true);
    setError(null);
    setPlayerName(name);
    const signedIn = await ensureSignedIn();
    const created = signedIn.ok
      ? await client.api.createMatch({
          game: 'tcg',
          options: { ruleset: 'demo', decks: [deck, deck === 'A' ? 'B' : 'A'] },
          seats: [
            name.trim() ? { kind: 'human', name: name.trim() } : { kind: 'human' },
            { kind: 'cpu', profile },
          ],
        })
      : signedIn;
    setBusy(false);
    if (!created.ok) return setError(created.error.message);
    void navigate(`/tcg/${created.value.matchId}`);
  };
  return (
    <section className="panel" aria-labelledby="tcg-title">
      <h2 id="tcg-title">Card game: Ember &amp; Tide</h2>
      <p>Units, spells and a stack you can answer. Pick a deck and play the CPU.</p>
      <p className="inline-form">
        <button
          type="button"
          disabled={busy}
          onClick={() => void start('A', 'easy')}
          data-testid="tcg-play-ember"
        >
          Ember Rush vs CPU
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void start('B', 'easy')}
          data-testid="tcg-play-tide"
        >
          Tide Control vs CPU
        </button>
        <button type="button" disabled={busy} onClick={() => void start('B', 'hard')}>
          Tide Control vs hard CPU
        </button>
      </p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
