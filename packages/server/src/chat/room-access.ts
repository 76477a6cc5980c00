import { CHAT_ROOM_PATTERN } from '@cardtable/sdk/chat';
import type { ContentLibrary } from '../content/library.ts';
import type { MatchFacts, MatchRegistry } from '../match/registry.ts';
import type { Viewer } from '../auth/roles.ts';
import { maySeeMatch } from '../match/visibility.ts';
import type { RoomAccess } from './chat-service.ts';

const ROOM = new RegExp(CHAT_ROOM_PATTERN);

export type AccessRefusal = { code: 'NOT_FOUND' | 'FORBIDDEN'; message: string };

/**
 * Who `userId` is in `room`.
 * - `lobby:<game>` (a hosted game): everyone signed in reads and writes its one channel.
 * - `match:<id>`: seat holders are players: they write the players' channel and send emotes.
 *   Everyone else is a spectator: they read the players' channel and write their own, which
 *   players never read, so nothing a spectator sees reaches a player through chat.
 * - Once the match is over, nothing can be passed on any more: both channels are read by
 *   whoever may see its replay (`maySeeFinished`: its players and host, anyone with the link,
 *   moderators), and anyone else finds no such match, so its chat is as private as its replay.
 */
export async function roomAccess(
  room: string,
  viewer: Viewer,
  deps: { registry: MatchRegistry; content: ContentLibrary },
  link?: string,
): Promise<RoomAccess | AccessRefusal> {
  if (!ROOM.test(room)) return { code: 'NOT_FOUND', message: 'No such chat room.' };
  const [kind, id] = splitRoom(room);
  if (kind === 'lobby') {
    if (!(await deps.content.hasPublicGame(id)))
      return { code: 'NOT_FOUND', message: 'No such game.' };
    return { role: 'member', seat: null, reads: ['lobby'], writes: ['lobby'], emotes: false };
  }
  const access = await deps.registry.facts(id, (actor) =>
    actor ? matchAccess(actor, viewer, link) : NO_SUCH_MATCH,
  );
  const { userId } = viewer;
  if ('code' in access) return access;
  const seat = access.seat;
  const seatNow = () => deps.registry.facts(id, (actor) => actor?.seatOf(userId) ?? null);
  return seat === null
    ? { ...access, stillSpectating: async () => (await seatNow()) === null }
    : { ...access, stillSeated: async () => (await seatNow()) === seat };
}

const NO_SUCH_MATCH: AccessRefusal = { code: 'NOT_FOUND', message: 'No such match.' };

export function matchAccess(
  actor: MatchFacts,
  viewer: Viewer,
  link?: string,
): RoomAccess | AccessRefusal {
  if (!maySeeMatch(actor, viewer, link)) return NO_SUCH_MATCH;
  const seat = actor.seatOf(viewer.userId);
  const role = seat === null ? 'spectator' : 'player';
  const writes = seat === null ? (['spectators'] as const) : (['players'] as const);
  if (actor.status !== 'over') {
    const reads = seat === null ? (['players', 'spectators'] as const) : (['players'] as const);
    return { role, seat, reads, writes, emotes: seat !== null };
  }
  return { role, seat, reads: ['players', 'spectators'], writes, emotes: seat !== null };
}

function splitRoom(room: string): ['match' | 'lobby', string] {
  const at = room.indexOf(':');
  return [room.slice(0, at) as 'match' | 'lobby', room.slice(at + 1)];
}
