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
import type { Viewer } from '../auth/roles.ts';
import { maySeeFinished, noSuchMatch } from '../match/visibility.ts';
import { eventIdOf } from '@cardtable/sdk/protocol';
import type { ExportedReplay } from '../content/replay-content.ts';

/**
 * A match as a replay file. Once over: every event unprojected, the actions, the seed and the
 * final state hash, so it can be re-executed and verified, for whoever `maySeeFinished` (anyone
 * else finds no such match). Before that: only a participant may export, and gets the log in
 * their own projection, without the seed or the actions. Each file is built once per version
 * (the actor caches it).
 */
export function exportMatch(
  actor: MatchActor,
  library: ContentLibrary,
  store: EventStore,
  viewer: Viewer,
  link?: string,
): Promise<ExportedReplay> {
  const final = actor.finalState();
  const seat = actor.seatOf(viewer.userId);
  if (final) {
    if (!maySeeFinished(actor, viewer, link)) return Promise.reject(noSuchMatch());
    return actor.cachedExport('full', () => fullExport(actor, final, library, store));
  }
  if (seat === null) {
    return Promise.reject(
      apiError('FORBIDDEN', 'Until the match is over only its players may export it.'),
    );
  }
  return actor.cachedExport(`seat:${seat}`, () => seatExport(actor, seat, library, store));
}

type FinalState = NonNullable<ReturnType<MatchActor['finalState']>>;

/** A finished match: every event unprojected, the actions, the seed and the final state hash. */
async function fullExport(
  actor: MatchActor,
  final: FinalState,
  library: ContentLibrary,
  store: EventStore,
): Promise<ExportedReplay> {
  const record = actor.matchRecord;
  const [{ header, embedded }, stored, actions] = await Promise.all([
    headerOf(actor, library),
    store.events(record.id),
    store.actions(record.id),
  ]);
  return {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    match: { ...header, seed: final.seed, finalStateHash: final.stateHash },
    events: stored.map((event): ReplayEvent => ({
      eventId: eventIdOf(record.id, event.version, event.step),
      matchId: record.id,
      ...event,
    })),
    actions: actions.map((a) => ({
      version: a.version,
      seat: a.seat,
      actionId: a.actionId,
      type: a.type,
      payload: a.payload,
    })),
    ...embedded,
  };
}

/** A live match, for one of its players: the log in their projection, no seed, no actions. */
async function seatExport(
  actor: MatchActor,
  seat: number,
  library: ContentLibrary,
  store: EventStore,
): Promise<ExportedReplay> {
  const record = actor.matchRecord;
  const [{ header, embedded }, stored] = await Promise.all([
    headerOf(actor, library),
    store.events(record.id),
  ]);
  const { game } = actor;
  const initial = game.initialState(matchConfig(record));
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
    ...embedded,
  };
}

/** The match header every export carries, and the pinned content it embeds (if any). */
async function headerOf(actor: MatchActor, library: ContentLibrary) {
  const record = actor.matchRecord;
  const pinned = await library.store.matchContent(record.id);
  const files = pinned ? await library.store.pinnedFiles(pinned) : null;
  const header = {
    matchId: record.id,
    game: record.game,
    rulesetVersion: record.rulesetVersion,
    engineVersion: record.engineVersion,
    options: record.options,
    seats: matchConfig(record).seats,
    status: record.status,
    result: record.result,
    createdAt: record.createdAt,
    endedAt: record.endedAt,
    ...(pinned ? { content: toMatchContent(pinned) } : {}),
  };
  const embedded = pinned && files ? { content: { contentHash: pinned.contentHash, files } } : {};
  return { header, embedded };
}
