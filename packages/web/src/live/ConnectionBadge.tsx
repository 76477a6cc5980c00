import type { ConnectionState } from '@cardtable/sdk';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
};

/** Always visible: whether moves reach the table right now. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  return (
    <span
      className={`connection connection-${state}`}
      data-testid="connection-status"
      data-state={state}
      role="status"
    >
      <span className="connection-dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
