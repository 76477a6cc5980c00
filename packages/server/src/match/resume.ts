import type { ErrorBody, ResumeMessage } from '@cardtable/sdk/protocol';
import { errorBody } from '../errors.ts';
import { compare, type Connection } from './connection.ts';
import type { RecentHistory } from './recent-history.ts';
import type { MatchStream } from './stream.ts';

/** RESUMEs one connection may send; a client needs one per socket. */
export const MAX_RESUMES_PER_CONNECTION = 3;

/**
 * RESUME: puts the steps the client missed between its last step and its WELCOME ahead of
 * everything queued since, from the recent history's projections (no store read, no fold). A
 * client further behind than the history keeps, a history that does not match, or a stream
 * that already went past the WELCOME gets a fresh WELCOME instead. Synchronous, so no live step
 * can slip in between.
 */
export function resume(
  history: RecentHistory,
  stream: MatchStream,
  connection: Connection,
  message: Omit<ResumeMessage, 'type'>,
): ErrorBody | null {
  const from = { version: message.lastVersion, step: message.lastStep };
  const to = connection.welcomedAt;
  if (compare(from, to) > 0) {
    return errorBody('BAD_MESSAGE', 'RESUME names a step after the match position.', { ...to });
  }
  // Counted once it may cost something (a refused position costs nothing).
  if (connection.resumes >= MAX_RESUMES_PER_CONNECTION) {
    return errorBody(
      'RATE_LIMITED',
      `At most ${MAX_RESUMES_PER_CONNECTION} RESUMEs per connection: reconnect instead.`,
    );
  }
  connection.resumes++;
  const idMatches =
    message.lastResolutionId === undefined ||
    from.version === 0 ||
    message.lastResolutionId === `r${from.version}`;
  if (connection.sentLive || !idMatches) {
    stream.restart(connection);
    return null;
  }
  if (compare(from, to) === 0) return null;
  const missed = history.between(from, to, connection.identity.viewer);
  if (missed === null) stream.restart(connection);
  else connection.resumeWith(missed);
  return null;
}
