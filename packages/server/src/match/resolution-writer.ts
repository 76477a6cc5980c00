import { withConcessions, type MatchState, type Outcome, type Resolution } from '@cardtable/engine';
import type { Logger } from 'pino';
import { errorBody } from '../errors.ts';
import { VersionConflict, type SeatRecord, type StoredAction } from '../store/event-store.ts';
import type { ActionOutcome, ActorContext } from './context.ts';
import type { LiveMatch } from './live-match.ts';
import { concededSeats } from './concessions.ts';

/** A resolution just stored and committed in memory. */
export interface Committed {
  /** The state the resolution applies to. */
  before: unknown;
  resolution: Resolution<unknown>;
  ts: string;
  /** It started the match. */
  started: boolean;
  /** It ended the match. */
  ended: boolean;
  /** The action that made it (null for the start). */
  action: StoredAction | null;
}

export interface WriterHooks {
  /** Runs right after the in-memory commit, with no await in between (fan-out, timers). */
  committed(committed: Committed): void;
  /** Another writer stored this version first: take the store's log as the truth. */
  conflict(): Promise<void>;
}

/**
 * Stores a resolution, then commits it in memory and hands it on, all without an await between
 * commit and fan-out, so a connection never sees a state that is not stored. Nothing is
 * committed or sent when the store refuses it.
 */
export class ResolutionWriter {
  constructor(
    private readonly live: LiveMatch,
    private readonly ctx: ActorContext,
    private readonly log: Logger,
    private readonly hooks: WriterHooks,
  ) {}

  async write(
    next: MatchState<unknown>,
    resolution: Resolution<unknown>,
    action: StoredAction | null,
    seats?: SeatRecord[],
    onCommitted?: (version: number) => void,
  ): Promise<ActionOutcome> {
    const live = this.live;
    const ruled = live.game.outcome(next.state) as Outcome | null;
    const conceded = concededSeats(seats ?? live.record.seats);
    const outcome = ruled && conceded.length > 0 ? withConcessions(ruled, conceded) : ruled;
    const status = outcome ? 'over' : 'active';
    const ts = new Date().toISOString();
    try {
      await this.ctx.store.appendResolution({
        matchId: live.id,
        version: next.version,
        resolutionId: resolution.resolutionId,
        ts,
        steps: resolution.steps.map((s) => ({
          step: s.step,
          type: s.type,
          data: s.data,
          requiresAck: s.requiresAck,
        })),
        action,
        status,
        result: outcome,
        ...(seats ? { seats } : {}),
        // Stored with the resolution: no commit of its own.
        ...(next.version % this.ctx.settings.snapshotEvery === 0 ? { snapshot: next.state } : {}),
      });
    } catch (error) {
      return this.refused(error, next.version);
    }
    this.ctx.metrics.persistedEvents.inc(resolution.steps.length);

    const before = live.match ? live.match.state : live.game.initialState(next.config);
    const started = live.record.status === 'waiting';
    live.match = next;
    live.lastStep = resolution.steps.length;
    live.record = {
      ...live.record,
      version: next.version,
      status,
      result: outcome,
      endedAt: outcome ? ts : null,
      seats: seats ?? live.record.seats,
    };
    onCommitted?.(next.version);
    this.hooks.committed({ before, resolution, ts, started, ended: outcome !== null, action });
    return { ok: true, version: next.version };
  }

  private async refused(error: unknown, version: number): Promise<ActionOutcome> {
    if (error instanceof VersionConflict) {
      this.log.warn({ version }, 'another writer stored this version; catching up');
      await this.hooks
        .conflict()
        .catch((reload: unknown) =>
          this.log.error({ err: reload }, 'catching up with the store failed'),
        );
      return {
        ok: false,
        error: errorBody('CONFLICT', 'The match moved on elsewhere; act again on the new state.'),
      };
    }
    this.log.error({ err: error }, 'persisting a resolution failed');
    return { ok: false, error: errorBody('INTERNAL', 'The action could not be stored; retry.') };
  }
}
