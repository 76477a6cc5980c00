import type { ReactNode } from 'react';
import type { ReplayFile } from '@cardtable/engine';
import { CopyField } from '../live/CopyField.tsx';
import { downloadReplay } from './replay-file.ts';

/** Under the replay controls: the share link (a match of this server) and the file download. */
export function ReplayTools({
  replay,
  shareable,
  children,
}: {
  replay: ReplayFile;
  shareable: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="replay-tools">
      {children}
      {shareable ? (
        <CopyField
          label="Share this replay"
          value={`${window.location.origin}/replay/${replay.match.matchId}`}
          testId="replay-share"
        />
      ) : null}
      <button type="button" onClick={() => downloadReplay(replay)} data-testid="replay-export">
        Download the replay file
      </button>
    </div>
  );
}
