import type { EndingOutsideRules, Outcome } from '@cardtable/engine';

/**
 * Why a match ends as a no-contest outside its rules: the server's own doing (a waiting match
 * that expired, a started one nobody was connected to) or the host's (a table closed before the
 * start). A surrender is a player's, and has a result of its own.
 */
export type EndReason = Exclude<EndingOutsideRules, 'surrender'>;

/**
 * The result of a match ended as a no-contest: nobody won or lost, and `reason` says why. Like
 * a surrender it is no game event (the game has none): it lives in the match row, so metadata,
 * MATCH_STATUS and exports show it while the log still re-executes.
 */
export const endedResult = (reason: EndReason): Outcome => ({
  winners: [],
  tie: false,
  standings: [],
  reason,
});
