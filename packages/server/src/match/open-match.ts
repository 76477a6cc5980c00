import { ENGINE_VERSION } from '@cardtable/engine';
import type { ErrorBody } from '@cardtable/sdk/protocol';
import type { ContentLibrary } from '../content/library.ts';
import type { MatchSetup } from '../content/match-setup.ts';
import { ApiError } from '../errors.ts';
import { newId, newRoomCode, newSeed } from '../ids.ts';
import { isUniqueViolation } from '../store/database.ts';
import type { EventStore, SeatRecord } from '../store/event-store.ts';
import type { MatchRegistry } from './registry.ts';

export interface OpenMatchRequest {
  setup: Pick<MatchSetup, 'hosted' | 'pin'>;
  /** Options the game already parsed. */
  options: unknown;
  seats: SeatRecord[];
  hostUserId: string;
  turnTimeLimitMs: number | null;
  creatorIp?: string;
  rated?: boolean;
}

/** Runs the insert when the creator's quotas allow it (see `MatchQuotas.admit`). */
export type Admit = (
  insert: () => Promise<void>,
) => Promise<{ ok: true; value: void } | { ok: false; error: ErrorBody }>;

/**
 * Stores a new match (a fresh room code on the rare collision), pins its content version, loads
 * its actor and starts it at once when every seat is taken.
 */
export async function openMatch(
  deps: { store: EventStore; registry: MatchRegistry; content: ContentLibrary },
  request: OpenMatchRequest,
  admit: Admit = async (insert) => ({ ok: true, value: await insert() }),
): Promise<{ matchId: string; code: string }> {
  const { store, registry, content } = deps;
  const { game } = request.setup.hosted;
  const id = newId('m');
  for (let attempt = 0; ; attempt++) {
    const code = newRoomCode();
    try {
      const admitted = await admit(() =>
        store.createMatch({
          id,
          game: game.name,
          rulesetVersion: game.version,
          engineVersion: ENGINE_VERSION,
          options: request.options,
          seats: request.seats,
          status: 'waiting',
          seed: newSeed(),
          code,
          hostUserId: request.hostUserId,
          turnTimeLimitMs: request.turnTimeLimitMs,
          ...(request.creatorIp ? { creatorIp: request.creatorIp } : {}),
          ...(request.rated ? { rated: true } : {}),
        }),
      );
      if (!admitted.ok) throw new ApiError(admitted.error);
      const pin = request.setup.pin;
      if (pin) await content.store.pinMatch(id, pin.gameId, pin.version, pin.contentHash);
      await store.updateSeats(id, request.seats);
      const record = await store.getMatch(id);
      const actor = await registry.adopt(record as NonNullable<typeof record>);
      const started = await actor.startWhenFull();
      if ('code' in started) throw new ApiError(started);
      return { matchId: id, code };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}
