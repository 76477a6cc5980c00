import { useEffect } from 'react';
import { rememberMatch, tablePath } from '../net/last-match.ts';
import type { SessionFacts } from './useMatchSession.ts';

/** Remembers the seat this browser holds at the match, so Home can offer the way back to it. */
export function useRememberSeat(
  matchId: string,
  { role, seat }: Pick<SessionFacts, 'role' | 'seat'>,
  code: string | null,
  game: string,
): void {
  useEffect(() => {
    if (role === 'player') rememberMatch({ matchId, seat, code, path: tablePath(matchId, game) });
  }, [matchId, role, seat, code, game]);
}
