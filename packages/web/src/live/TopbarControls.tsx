import type { ConnectionState } from '@cardtable/sdk';
import { TableSettings } from '../settings/TableSettings.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { LeaveControls } from './LeaveControls.tsx';

/**
 * The end of every live table's top bar, in one order (Golf's and the card game's differed):
 * Leave and Resign while playing, then sound and speed, then the connection.
 */
export function TopbarControls({
  matchId,
  playing,
  connection,
}: {
  matchId: string;
  /** This browser holds a seat of a running match: it may leave or resign. */
  playing: boolean;
  connection: ConnectionState;
}) {
  return (
    <>
      {playing ? <LeaveControls matchId={matchId} /> : null}
      <TableSettings />
      <ConnectionBadge state={connection} />
    </>
  );
}
