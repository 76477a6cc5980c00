import type { ReplayFileBody } from '@cardtable/sdk/protocol';
import { useEffect, useState } from 'react';
import { client, ensureSignedIn } from '../net/session.ts';

/** What the server found a replay file to be (see `POST /api/replays/import`). */
export type ReplayTrust =
  { kind: 'checking' } | { kind: 'verified' } | { kind: 'unverified'; reason: string };

/**
 * Has the server check an opened replay file: it is imported (the same file again returns the
 * stored verdict, so reloading costs nothing) and is verified only when it is the server's own
 * record of a finished match and re-executes exactly. Null for no file.
 */
export function useReplayTrust(raw: unknown): ReplayTrust | null {
  const [trust, setTrust] = useState<ReplayTrust | null>(null);
  useEffect(() => {
    if (raw === null) {
      setTrust(null);
      return;
    }
    let stale = false;
    setTrust({ kind: 'checking' });
    void (async () => {
      const signedIn = await ensureSignedIn();
      const imported = signedIn.ok
        ? await client.api.importReplay(raw as ReplayFileBody)
        : signedIn;
      if (stale) return;
      if (!imported.ok) {
        setTrust({ kind: 'unverified', reason: `Not checked: ${imported.error.message}` });
      } else if (imported.value.verified) {
        setTrust({ kind: 'verified' });
      } else {
        setTrust({
          kind: 'unverified',
          reason: imported.value.problem ?? 'The server could not verify it.',
        });
      }
    })();
    return () => {
      stale = true;
    };
  }, [raw]);
  return trust;
}
