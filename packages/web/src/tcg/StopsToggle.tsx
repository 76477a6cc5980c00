import { useEffect, useState } from 'react';
import { STOP_KINDS } from '@cardtable/tcg/ui';
import { client } from '../net/session.ts';

/**
 * "Always stop when…": the moments the player is asked at even with nothing to answer with
 * (otherwise the server passes for them). Saved on the server, which honours them.
 */
export function StopsToggle({ matchId, saved }: { matchId: string; saved: readonly string[] }) {
  const [stops, setStops] = useState<readonly string[]>(saved);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setStops(saved), [saved]);
  const toggle = async (id: string) => {
    const next = stops.includes(id) ? stops.filter((s) => s !== id) : [...stops, id];
    setStops(next);
    const result = await client.api.setStops(matchId, [...next]);
    if (!result.ok) {
      setError(result.error.message);
      setStops(stops);
    } else setError(null);
  };
  return (
    <details className="tcg-stops" data-testid="tcg-stops">
      <summary>Auto-pass</summary>
      <p className="muted">When you cannot respond, the table passes for you. Always stop when:</p>
      {STOP_KINDS.map((kind) => (
        <label key={kind.id} className="check">
          <input
            type="checkbox"
            checked={stops.includes(kind.id)}
            onChange={() => void toggle(kind.id)}
            data-testid={`tcg-stop-${kind.id}`}
          />
          {kind.label}
        </label>
      ))}
      {error ? (
        <span className="notice-error" role="alert">
          {error}
        </span>
      ) : null}
    </details>
  );
}
