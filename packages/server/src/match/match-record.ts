import { ENGINE_VERSION, type MatchConfig, type SeatConfig } from '@cardtable/engine';
import type { MatchMetadata, PublicSeat } from '@cardtable/sdk/protocol';
import type { MatchRecord, SeatRecord } from '../store/event-store.ts';

/** The seat `userId` holds in a match, or null (a spectator). */
export function seatOfUser(record: MatchRecord, userId: string): number | null {
  const index = record.seats.findIndex((seat) => seat.userId === userId);
  return index === -1 ? null : index;
}

/** The engine's match config: the seats as the game sees them (no user ids). */
export function matchConfig(record: MatchRecord): MatchConfig<unknown> {
  return {
    options: record.options,
    seats: record.seats.map((seat): SeatConfig =>
      seat.kind === 'cpu'
        ? { kind: 'cpu', profile: seat.profile ?? '', ...(seat.name ? { name: seat.name } : {}) }
        : { kind: 'human', ...(seat.name ? { name: seat.name } : {}) },
    ),
    seed: record.seed,
  };
}

export function metadataOf(
  record: MatchRecord,
  seats: PublicSeat[],
  yourSeat: number | null,
): MatchMetadata {
  return {
    matchId: record.id,
    game: record.game,
    rulesetVersion: record.rulesetVersion,
    engineVersion: record.engineVersion || ENGINE_VERSION,
    options: record.options,
    seats,
    status: record.status,
    version: record.version,
    ...(yourSeat !== null ? { code: record.code } : {}),
    yourSeat,
    turnTimeLimitMs: record.turnTimeLimitMs,
    createdAt: record.createdAt,
    endedAt: record.endedAt,
    result: record.result,
    rematchId: record.rematchId ?? null,
    ...(yourSeat !== null ? { stops: record.seats[yourSeat]?.stops ?? [] } : {}),
    replayPrivacy: record.replayPrivacy,
    ...(yourSeat !== null && record.replayLink ? { replayLink: record.replayLink } : {}),
    approveJoins: record.approveJoins,
    listed: record.listed,
    rated: record.rated,
  };
}

/** Who is here, for a match in memory; a match not loaded has nobody connected. */
export interface SeatPresence {
  connected(seat: number): boolean;
  away(seat: number): boolean;
}

const NOBODY: SeatPresence = { connected: () => false, away: () => false };

/** The seats as everyone may see them. */
export function publicSeatsOf(
  seats: readonly SeatRecord[],
  presence: SeatPresence = NOBODY,
): PublicSeat[] {
  return seats.map((seat, index) => ({
    seat: index,
    kind: seat.kind,
    ...(seat.name ? { name: seat.name } : {}),
    ...(seat.profile ? { profile: seat.profile } : {}),
    taken: seat.kind === 'cpu' || !!seat.userId,
    connected: seat.kind === 'cpu' || presence.connected(index),
    away: !!seat.left || presence.away(index),
    surrendered: !!seat.surrendered,
    ...(seat.rematch ? { rematch: true } : {}),
    ...(seat.pending ? { pending: true } : {}),
    ...(seat.ready ? { ready: true } : {}),
  }));
}
