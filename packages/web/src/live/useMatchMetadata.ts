import { useEffect, useState } from 'react';
import type { MatchMetadata } from '@cardtable/sdk';
import { client, ensureSignedIn } from '../net/session.ts';

/**
 * The match's metadata (room code, options) once signed in; fetched again as the status moves,
 * except at the end for one watching without a seat: a finished match is for whoever may see
 * its replay (the server answers others 404), so a spectator keeps what they had while the
 * socket shows them the end; `link`, a shared replay's token, opens it to anyone holding it. No
 * match (a replay opened from a file): null.
 */
export function useMatchMetadata(
  matchId: string | null,
  status: string | null,
  link?: string,
): MatchMetadata | null {
  const [meta, setMeta] = useState<MatchMetadata | null>(null);
  const watchedToTheEnd = status === 'over' && meta !== null && meta.yourSeat === null;
  useEffect(() => {
    if (watchedToTheEnd || matchId === null) return;
    let stale = false;
    void ensureSignedIn().then(async (signedIn) => {
      if (!signedIn.ok) return;
      const result = await client.api.getMatch(matchId, link);
      if (!stale && result.ok) setMeta(result.value);
    });
    return () => {
      stale = true;
    };
  }, [matchId, status, watchedToTheEnd, link]);
  return meta;
}
