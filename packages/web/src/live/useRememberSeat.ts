import { useEffect } from 'react';
import { forgetMatch, rememberMatch, tablePath } from '../net/last-match.ts';
import type { SessionFacts } from './useMatchSession.ts';

/**
 * Remembers the seat this browser holds at the match, so Home can offer the way back to it;
 * forgets it once `gone` (the table closed before its start: nothing to go back to).
 */
export function useRememberSeat(
  matchId: string,
  { role, seat }: Pick<SessionFacts, 'role' | 'seat'>,
  code: string | null,
  game: string,
  gone = false,
): void {
  useEffect(() => {
    if (gone) forgetMatch(matchId);
    else if (role === 'player')
      rememberMatch({ matchId, seat, code, path: tablePath(matchId, game) });
  }, [matchId, role, seat, code, game, gone]);
}
