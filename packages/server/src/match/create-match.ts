import type { AddressKey } from '../address-key.ts';
import { ENGINE_VERSION, type AnyGame } from '@cardtable/engine';
import type { ContentLibrary } from '../content/library.ts';
import type { ContentPin } from '../content/store.ts';
import { ApiError } from '../errors.ts';
import { newId, newRoomCode, newSecret, newSeed } from '../ids.ts';
import type { EventStore, NewMatch, ReplayPrivacy, SeatRecord } from '../store/event-store.ts';
import { isUniqueViolation } from '../store/database.ts';
import type { ErrorBody } from '@cardtable/sdk/protocol';
import { nameCpuSeats } from './cpu-names.ts';
import type { MatchQuotas } from './quotas.ts';
import type { MatchRegistry } from './registry.ts';

export interface MatchCreationDeps {
  content: ContentLibrary;
  store: EventStore;
  registry: MatchRegistry;
  quotas: MatchQuotas;
  /** A fixed seed for every match (`MATCH_SEED`, tests only); null for a random one. */
  matchSeed: string | null;
}

/** Everything a new match is made of, already checked against its game. */
export interface MatchPlan {
  game: AnyGame;
  /** Parsed options (the game's `parseOptions` output). */
  options: unknown;
  seats: SeatRecord[];
  hostUserId: string;
  turnTimeLimitMs: number | null;
  /** The address key of the person who asked for it (counted by the quotas); null: the server's own (matchmaking). */
  ip: AddressKey | null;
  /** The creator's content it plays: a published version or a playtest snapshot (null: built in). */
  pin: ContentPin | null;
  /** Counted by the ratings projection (the rated queue, or the host's choice). */
  rated?: boolean;
  /** An open table: listed in the lobby, started once everyone seated is ready. */
  listed?: boolean;
  /** Who may export it once over (a 'link' match gets a fresh unguessable link). */
  replayPrivacy?: ReplayPrivacy;
  /** Joins wait for the host's approval. */
  approveJoins?: boolean;
}

/**
 * Stores a new match under a fresh id, seed and room code (counted against the quotas of the
 * person who asked for it), names its CPU seats, loads its actor and starts it at once when no
 * human seat is free. Every way a match is made goes through here: the create route, rematches
 * and matchmaking.
 */
export async function createMatch(
  deps: MatchCreationDeps,
  plan: MatchPlan,
): Promise<{ matchId: string; code: string }> {
  const { content, store, registry, quotas } = deps;
  const id = newId('m');
  const seats = nameCpuSeats(plan.seats, plan.game.cpu?.names, id);
  for (let attempt = 0; ; attempt++) {
    const code = newRoomCode();
    try {
      const match: NewMatch = {
        id,
        game: plan.game.name,
        rulesetVersion: plan.game.version,
        engineVersion: ENGINE_VERSION,
        options: plan.options,
        seats,
        status: 'waiting',
        seed: deps.matchSeed ?? newSeed(),
        code,
        hostUserId: plan.hostUserId,
        turnTimeLimitMs: plan.turnTimeLimitMs,
        ...(plan.rated ? { rated: true } : {}),
        ...(plan.listed ? { listed: true } : {}),
        replayPrivacy: plan.replayPrivacy ?? 'private',
        replayLink: plan.replayPrivacy === 'link' ? newSecret() : null,
        approveJoins: plan.approveJoins ?? false,
      };
      if (plan.ip === null) await store.createMatch(match);
      else {
        const admitted = await quotas.admit({ ...match, creatorIp: plan.ip });
        if (!admitted.ok) throw new ApiError(admitted.error);
      }
      const { pin } = plan;
      if (pin) await content.store.pinMatch(id, pin);
      await store.updateSeats(id, seats);
      const record = await store.getMatch(id);
      const actor = await registry.adopt(record as NonNullable<typeof record>);
      const started = await actor.startWhenFull();
      if ('code' in started) throw new ApiError(started as ErrorBody);
      return { matchId: id, code };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}
