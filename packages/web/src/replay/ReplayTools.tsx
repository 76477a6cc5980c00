import type { ReactNode } from 'react';
import type { ReplayFile } from '@cardtable/engine';
import { CopyField } from '../live/CopyField.tsx';
import { downloadReplay } from './replay-file.ts';

/**
 * Under the replay controls: the share link (a match of this server whose replay is shared by
 * link; a private one's address would only refuse whoever it is sent to) and the file download.
 */
export function ReplayTools({
  replay,
  shareUrl,
  children,
}: {
  replay: ReplayFile;
  /** The address that shows this replay to others (`replayShareUrl`), or null: none does. */
  shareUrl: string | null;
  children?: ReactNode;
}) {
  return (
    <div className="replay-tools">
      {children}
      {shareUrl ? (
        <CopyField label="Share this replay" value={shareUrl} testId="replay-share" />
      ) : null}
      <button type="button" onClick={() => downloadReplay(replay)} data-testid="replay-export">
        Download the replay file
      </button>
    </div>
  );
}
