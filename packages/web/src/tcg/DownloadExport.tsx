import { useState } from 'react';
import type { ReplayFile } from '@cardtable/engine';
import { client } from '../net/session.ts';
import { downloadReplay } from '../replay/replay-file.ts';

/**
 * A finished match's export as a file: its full log, seed and the content hash of the exact game
 * version it was played with, for `cardtable replay verify`.
 */
export function DownloadExport({ matchId }: { matchId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    const exported = await client.api.exportMatch(matchId);
    setBusy(false);
    if (exported.ok) downloadReplay(exported.value as ReplayFile);
    else setError(exported.error.message);
  };
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => void download()}
        data-testid="replay-export"
      >
        Download the replay file
      </button>
      {error ? (
        <span className="notice notice-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
