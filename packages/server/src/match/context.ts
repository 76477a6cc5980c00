import type { ErrorBody } from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import type { EventStore } from '../store/event-store.ts';

export interface ActorSettings {
  snapshotEvery: number;
  ackTimeoutMs: number;
  cpuThinkMs: { min: number; max: number };
  disconnectGraceMs: number;
  tallyPauseMs: number;
  resumeMaxSteps: number;
  maxConnectionsPerMatch: number;
  /** Waiting tables others host that one user may sit at at once (0: no limit). */
  joinedTablesPerUser: number;
}

/** What every match actor of a process shares. */
export interface ActorContext {
  store: EventStore;
  settings: ActorSettings;
  metrics: Metrics;
  log: Logger;
  /** The host removed `userId` before the start: the match's chat lets go of them too. */
  barred(matchId: string, userId: string): void;
}

export type ActionOutcome = { ok: true; version: number } | { ok: false; error: ErrorBody };

/**
 * Who plays an action: a client, or the server for a seat: a CPU, the timeout rule when the
 * seat's turn clock ran out (`timeout`), for a seat whose player left or is away (`absent`), or
 * a formality the game plays at once, such as a pass nobody could answer (`auto`).
 */
export type ActionSource = 'player' | 'cpu' | 'timeout' | 'absent' | 'auto';
