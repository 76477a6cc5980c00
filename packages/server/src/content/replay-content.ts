import { gameForContent, type ContentGame } from '@cardtable/games';
import type { ReplayFile } from '@cardtable/engine';
import type { EmbeddedContent, MatchContent } from '@cardtable/sdk/content';
import { contentHashOf, rulesFiles, type StoredFiles } from './package.ts';
import { validatePackage, type CheckRequester } from './validate.ts';

/** A replay file with the content version it was played with, pinned by hash and embedded. */
export type ExportedReplay = ReplayFile & {
  match: ReplayFile['match'] & { content?: MatchContent };
  content?: EmbeddedContent;
};

/** What a replay says about its content: the pinned version, and maybe the content itself. */
export type ReplayContentFields = Pick<ExportedReplay, 'content'> & {
  match: { content?: MatchContent };
};

export type ContentGameResult =
  | { ok: true; game: ContentGame }
  | {
      ok: false;
      code: 'UNKNOWN_CONTENT' | 'CONTENT_MISMATCH' | 'CONTENT_INVALID';
      message: string;
    };

/**
 * The game that plays a replay's pinned content, from `files` (a folder the user named) or else
 * the content embedded in the replay. The files must hash to the pinned hash: a replay is only
 * ever re-executed against exactly the content it was played with.
 */
export async function gameForEmbeddedContent(
  replay: ReplayContentFields,
  /** Who asks (a user and their address, or the CLI): validatePackage bounds their checks. */
  requester: CheckRequester,
  files: StoredFiles | undefined = replay.content?.files,
): Promise<ContentGameResult> {
  const pinned = replay.match.content;
  const label = pinned ? `${contentLabel(pinned)} (${pinned.contentHash})` : 'its content';
  if (!pinned || !files)
    return {
      ok: false,
      code: 'UNKNOWN_CONTENT',
      message: `Unknown content: this replay was played with ${label}, which is neither embedded in the file nor given (--content DIR).`,
    };
  const hash = contentHashOf(files);
  if (hash !== pinned.contentHash)
    return {
      ok: false,
      code: 'CONTENT_MISMATCH',
      message: `The content given hashes to ${hash}, not to ${pinned.contentHash}: it is not the content this match was played with (${contentLabel(pinned)}).`,
    };
  const report = await validatePackage(rulesFiles(files), requester);
  if (!report.content)
    return {
      ok: false,
      code: 'CONTENT_INVALID',
      message: `The content of ${label} does not load: ${report.errors.map((e) => e.message).join('; ')}`,
    };
  return { ok: true, game: await gameForContent(report.content) };
}

/** "Tidepool version 2", or for a playtest "Tidepool playtest (draft revision 7)". */
const contentLabel = (pinned: MatchContent): string =>
  pinned.version === null
    ? `${pinned.name} playtest (draft revision ${pinned.draftRevision ?? '?'})`
    : `${pinned.name} version ${pinned.version}`;
