import {
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  seatViewer,
  type ReplayEvent,
} from '@cardtable/engine';
import { apiError } from '../errors.ts';
import { toMatchContent, type ContentLibrary } from '../content/library.ts';
import { matchConfig, type MatchActor } from '../match/actor.ts';
import { projectAfter, rebuildResolutions } from '../match/history.ts';
import type { EventStore } from '../store/event-store.ts';
import { eventIdOf } from '@cardtable/sdk/protocol';
import type { ExportedReplay } from '../content/replay-content.ts';

/**
 * A match as a replay file. Once over: every event unprojected, the actions, the seed and the
 * final state hash, so anyone can re-execute and verify it. Before that: only a participant may
 * export, and gets the log in their own projection, without the seed or the actions.
 */
export async function exportMatch(
  actor: MatchActor,
  library: ContentLibrary,
  store: EventStore,
  userId: string,
): Promise<ExportedReplay> {
  const record = actor.matchRecord;
  const config = matchConfig(record);
  const pinned = await library.store.matchContent(record.id);
  const files = pinned ? await library.store.files(pinned.gameId, pinned.version) : null;
  const header = {
    matchId: record.id,
    game: record.game,
    rulesetVersion: record.rulesetVersion,
    engineVersion: record.engineVersion,
    options: record.options,
    seats: config.seats,
    status: record.status,
    result: record.result,
    createdAt: record.createdAt,
    endedAt: record.endedAt,
    ...(pinned
      ? {
          content: toMatchContent(pinned),
        }
      : {}),
  };
  const withEmbedded =
    pinned && files ? { content: { contentHash: pinned.contentHash, files } } : {};
  const stored = await store.events(record.id);
  const final = actor.finalState();
  if (final) {
    const events: ReplayEvent[] = stored.map((event) => ({
      eventId: eventIdOf(record.id, event.version, event.step),
      matchId: record.id,
      ...event,
    }));
    const actions = (await store.actions(record.id)).map((a) => ({
      version: a.version,
      seat: a.seat,
      actionId: a.actionId,
      type: a.type,
      payload: a.payload,
    }));
    return {
      format: REPLAY_FORMAT,
      formatVersion: REPLAY_FORMAT_VERSION,
      match: { ...header, seed: final.seed, finalStateHash: final.stateHash },
      events,
      actions,
      ...withEmbedded,
    };
  }
  const seat = actor.seatOf(userId);
  if (seat === null) {
    throw apiError('FORBIDDEN', 'Until the match is over only its players may export it.');
  }
  const hosted = await library.hostedFor(record);
  if (!hosted) throw apiError('NOT_FOUND', `Game ${record.game} is not hosted here.`);
  const { game } = hosted;
  const initial = game.initialState(config);
  const events = projectAfter(
    game,
    record.id,
    initial,
    rebuildResolutions(game, initial, stored),
    seatViewer(seat),
    { version: 0, step: 0 },
  );
  return {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    match: header,
    events,
    actions: [],
    ...withEmbedded,
  };
}
