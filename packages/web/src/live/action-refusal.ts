import type { ActionError } from '@cardtable/sdk';

/**
 * A refused move as the player should read it. The server's words fit every code but one:
 * a stale move (someone else's move landed first and made it illegal) speaks of versions,
 * which a player never sees.
 */
export function refusalForPlayer(error: ActionError): ActionError {
  if (error.code !== 'STALE_VERSION') return error;
  return {
    ...error,
    message: 'The table changed just before your move arrived, so it was not made. Choose again.',
  };
}
