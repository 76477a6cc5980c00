import { useState } from 'react';
import type { CreateMatchRequest } from '@cardtable/sdk';
import { useNavigate } from 'react-router';
import {
  defaultTcgSetup,
  TCG_CPU_LEVELS,
  tcgMatchRequest,
  type Opponent,
} from '../home/tcg-setup.ts';
import { rememberMatch, tablePath } from '../net/last-match.ts';
import { playerName } from '../net/session.ts';
import { decksOf } from './draft-files.ts';
import { withApi } from './studio-api.ts';
import type { DraftSession } from './useDraft.ts';
import { StudioError } from './StudioError.tsx';

const OPPONENTS: { value: string; label: string; opponent: Opponent }[] = [
  ...TCG_CPU_LEVELS.map(({ profile, label }) => ({
    value: profile,
    label: `the CPU (${label.toLowerCase()})`,
    opponent: { kind: 'cpu' as const, profile },
  })),
  { value: 'friend', label: 'a friend (invite link)', opponent: { kind: 'friend' } },
];

/** Creates a match and opens its table; the error's sentence when the server refuses it. */
export function useOpenMatch(): (request: CreateMatchRequest) => Promise<string | null> {
  const navigate = useNavigate();
  return async (request) => {
    const created = await withApi((api) => api.createMatch(request));
    if (!created.ok) return created.error.message;
    const path = tablePath(created.value.matchId, 'tcg');
    rememberMatch({ ...created.value, path });
    void navigate(path);
    return null;
  };
}

/**
 * Playtest: saves the draft, has the server freeze it as a playtest, and opens that match at the
 * real table, against the CPU or with a friend who joins by the table's invite link. The first
 * two decks of the draft face each other.
 */
export function PlaytestControls({ draft }: { draft: DraftSession }) {
  const openMatch = useOpenMatch();
  const [against, setAgainst] = useState(OPPONENTS[0]!.value);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const playable = draft.report?.ok === true;

  const playtest = async () => {
    if (!draft.game || !draft.files) return;
    setBusy(true);
    setError(null);
    const saved = await draft.flush();
    if (!saved) {
      setBusy(false);
      return setError('The draft could not be saved; a playtest plays the saved draft.');
    }
    const decks = decksOf(draft.files).map(({ id, name }) => ({ id, name }));
    const game = { ...draft.game, decks };
    const opponent = OPPONENTS.find((o) => o.value === against)!.opponent;
    const request = {
      ...tcgMatchRequest(game, { ...defaultTcgSetup(game), opponent }, playerName()),
      draft: true,
    };
    const refused = await openMatch(request);
    setBusy(false);
    setError(refused);
  };

  return (
    <div className="studio-playtest">
      <label>
        Playtest against{' '}
        <select value={against} onChange={(e) => setAgainst(e.target.value)}>
          {OPPONENTS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => void playtest()}
        disabled={busy || !playable}
        title={playable ? 'Play the draft as it is now at the table' : 'Fix the errors first'}
        data-testid="playtest"
      >
        {busy ? 'Starting…' : 'Playtest'}
      </button>
      <StudioError error={error} />
    </div>
  );
}
