import type { MatchMetadata } from '@cardtable/sdk';
import { CopyField } from './CopyField.tsx';
import { replayLinkUrl } from './lobby-seats.ts';

/** After the end of a match shared by link, its players get the link to hand on. */
export function ReplayLinkField({ meta }: { meta: MatchMetadata | null }) {
  if (!meta || meta.status !== 'over' || meta.replayPrivacy !== 'link' || !meta.replayLink)
    return null;
  return (
    <CopyField
      label="Copy replay link"
      value={replayLinkUrl(window.location.origin, meta.matchId, meta.replayLink)}
      testId="replay-link-copy"
    />
  );
}
