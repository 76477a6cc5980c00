import { useState } from 'react';
import { Link } from 'react-router';
import type { MatchContent } from '@cardtable/sdk';
import { client } from '../net/session.ts';

/**
 * At a playtest's table: what is being tested, the way back to the studio, and (for the seat
 * that made it) saving the position by name for the Lua editor's dry runs. The server saves it
 * only from a playtest against CPUs, so no friend's hidden cards ever reach the creator.
 */
export function PlaytestBar({
  matchId,
  content,
  mine,
}: {
  matchId: string;
  content: MatchContent;
  /** The caller made this playtest (seat 0): it may save positions. */
  mine: boolean;
}) {
  const [name, setName] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    const saved = await client.api.savePosition(content.slug, { matchId, name: name.trim() });
    setNote(
      saved.ok
        ? { ok: true, text: `Saved “${saved.value.position.name}” for dry runs in the studio.` }
        : { ok: false, text: saved.error.message },
    );
  };
  return (
    <section className="playtest-bar" aria-label="Playtest" data-testid="playtest-bar">
      <span className="playtest-lead">
        Playtest of the draft
        {content.draftRevision !== undefined ? ` (revision ${content.draftRevision})` : ''}: not
        rated, not listed.
      </span>{' '}
      {mine ? (
        <>
          <Link to={`/studio/${encodeURIComponent(content.slug)}/lua`}>Back to the studio</Link>
          <form
            className="playtest-save"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label>
              Position name{' '}
              <input
                value={name}
                maxLength={60}
                onChange={(e) => setName(e.target.value)}
                data-testid="position-name"
              />
            </label>
            <button type="submit" disabled={name.trim() === ''}>
              Save this position
            </button>
          </form>
          {note ? (
            <p role="status" className={note.ok ? 'notice' : 'notice notice-error'}>
              {note.text}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
