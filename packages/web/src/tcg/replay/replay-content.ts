import { fail, ok, type Result } from '@cardtable/engine';
import type { ApiResult } from '@cardtable/sdk';
import type { EmbeddedContent, MatchContent } from '@cardtable/sdk/content';
import { contentSourceOfFiles, type ContentSource } from '@cardtable/tcg/replay';
import { builtInContent } from './built-in-content.ts';

/** Fetches a published version's package files (the content API's `versionFiles`). */
export type PublishedFiles = (slug: string, version: number) => Promise<ApiResult<EmbeddedContent>>;

/** What a replay file says about its content, read without trusting it. */
interface ContentFields {
  match?: { game?: unknown; content?: Partial<MatchContent>; options?: { version?: unknown } };
  content?: { files?: Record<string, unknown> };
}

/**
 * The content a card game replay folds with: the files it embeds; else, for a published game,
 * the pinned version's files from the content API (refused unless they hash to the pinned
 * hash); else, for a built-in game, the set shipped with the app, at the version the match
 * recorded.
 */
export async function replayContent(
  raw: unknown,
  published: PublishedFiles,
): Promise<Result<ContentSource>> {
  const fields = (typeof raw === 'object' && raw !== null ? raw : {}) as ContentFields;
  const embedded = fields.content?.files;
  if (embedded) return contentSourceOfFiles(embedded);
  const pinned = fields.match?.content;
  if (pinned && typeof pinned.slug === 'string' && typeof pinned.version === 'number') {
    const label = `${pinned.name ?? pinned.slug} version ${pinned.version}`;
    const fetched = await published(pinned.slug, pinned.version);
    if (!fetched.ok)
      return fail(
        'UNKNOWN_CONTENT',
        `This replay was played with ${label}, which could not be loaded: ${fetched.error.message}`,
      );
    if (fetched.value.contentHash !== pinned.contentHash)
      return fail(
        'CONTENT_MISMATCH',
        `${label} is not the content this replay was played with (its hash differs).`,
      );
    return contentSourceOfFiles(fetched.value.files);
  }
  const game = typeof fields.match?.game === 'string' ? fields.match.game : '';
  const version = fields.match?.options?.version;
  const builtIn = builtInContent(game, typeof version === 'string' ? version : undefined);
  if (builtIn) return ok(await builtIn);
  return fail('UNKNOWN_CONTENT', 'This replay does not include the content it was played with.');
}
