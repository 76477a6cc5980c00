import { useEffect, useState } from 'react';
import type { MatchMetadata } from '@cardtable/sdk';
import { client, ensureSignedIn } from '../net/session.ts';

/** The match's metadata (room code, options) once signed in; fetched again as the status moves. */
export function useMatchMetadata(matchId: string, status: string | null): MatchMetadata | null {
  const [meta, setMeta] = useState<MatchMetadata | null>(null);
  useEffect(() => {
    let stale = false;
    void ensureSignedIn().then(async (signedIn) => {
      if (!signedIn.ok) return;
      const result = await client.api.getMatch(matchId);
      if (!stale && result.ok) setMeta(result.value);
    });
    return () => {
      stale = true;
    };
  }, [matchId, status]);
  return meta;
}
