import type { ReplayTrust } from './useReplayTrust.ts';

const LABELS: Record<ReplayTrust['kind'], string> = {
  checking: 'Checking the file…',
  verified: 'Verified',
  unverified: 'Unverified',
};

/**
 * Whether an opened replay file can be trusted. Unverified files still play, but what they
 * show (players, dates, result, even the moves) may have been edited.
 */
export function ReplayTrustBadge({ trust }: { trust: ReplayTrust }) {
  return (
    <p
      className={`replay-trust replay-trust-${trust.kind}`}
      data-testid="replay-trust"
      data-trust={trust.kind}
      role="status"
    >
      <strong>{LABELS[trust.kind]}</strong>
      {trust.kind === 'verified' ? (
        <span> — re-executed, and identical to this server’s record of the match.</span>
      ) : null}
      {trust.kind === 'unverified' ? (
        <span> — this file may have been edited: {trust.reason}</span>
      ) : null}
    </p>
  );
}
