import { eventOf } from '@cardtable/engine';
import type { ErrorBody, ResumeMessage } from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
import { errorBody } from '../errors.ts';
import { compare, type Connection } from './connection.ts';
import type { ActorContext } from './context.ts';
import { projectAfter, rebuildResolutions } from './history.ts';
import type { LiveMatch } from './live-match.ts';
import { matchConfig } from './match-record.ts';
import type { MatchStream } from './stream.ts';

/**
 * RESUME: streams the steps the client missed between its last step and its WELCOME, ahead of
 * everything queued since. A gap that is too long, a history that does not match, or a stream
 * that already went past the WELCOME gets a fresh WELCOME instead.
 */
export async function resume(
  live: LiveMatch,
  stream: MatchStream,
  ctx: ActorContext,
  log: Logger,
  connection: Connection,
  message: ResumeMessage,
): Promise<ErrorBody | null> {
  const from = { version: message.lastVersion, step: message.lastStep };
  const to = connection.welcomedAt;
  if (compare(from, to) > 0) {
    return errorBody('BAD_MESSAGE', 'RESUME names a step after the match position.', { ...to });
  }
  const idMatches =
    message.lastResolutionId === undefined ||
    from.version === 0 ||
    message.lastResolutionId === `r${from.version}`;
  if (
    connection.sentLive ||
    !idMatches ||
    to.version - from.version > ctx.settings.resumeMaxSteps
  ) {
    stream.restart(connection);
    return null;
  }
  if (compare(from, to) === 0) return null;
  const generation = connection.pause();
  try {
    const firstVersion = Math.max(1, from.version);
    const before = await stateAt(live, ctx, firstVersion - 1);
    const stored = await ctx.store.events(live.id, firstVersion - 1, to.version);
    const missed = projectAfter(
      live.game,
      live.id,
      before,
      rebuildResolutions(live.game, before, stored),
      connection.identity.viewer,
      from,
    );
    if (missed.length > ctx.settings.resumeMaxSteps) {
      stream.restart(connection);
      return null;
    }
    connection.resumeWith(
      generation,
      missed.map((event) => ({ type: 'EVENT', event })),
    );
  } catch (error) {
    log.error({ err: error }, 'resume failed; sending a fresh WELCOME');
    stream.restart(connection);
  }
  return null;
}

/** The state after `version`: the latest snapshot at or before it plus the events after it. */
async function stateAt(live: LiveMatch, ctx: ActorContext, version: number): Promise<unknown> {
  const config = matchConfig(live.record);
  if (version === 0) return live.game.initialState(config);
  const snapshot = await ctx.store.latestSnapshot(live.id, version);
  let state = snapshot ? snapshot.state : live.game.initialState(config);
  for (const event of await ctx.store.events(live.id, snapshot?.version ?? 0, version)) {
    state = live.game.evolve(state, eventOf(event));
  }
  return state;
}
