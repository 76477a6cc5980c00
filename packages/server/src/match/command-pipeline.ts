import { applyAction, type GameAction } from '@cardtable/engine';
import type { ActionBody, ErrorBody } from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
import { errorBody, fromRuleError } from '../errors.ts';
import type { Metrics } from '../metrics.ts';
import type { ActionLedger } from './action-ledger.ts';
import type { ActionOutcome, ActionSource } from './context.ts';
import type { LiveMatch } from './live-match.ts';
import type { ResolutionWriter } from './resolution-writer.ts';

/**
 * One action, from whoever plays it (a client or the server for a seat), through every check
 * in order: idempotency, match status, seat, shape, the game's rules; then the store.
 */
export class CommandPipeline {
  constructor(
    private readonly live: LiveMatch,
    public ledger: ActionLedger,
    private readonly writer: ResolutionWriter,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {}

  async execute(
    seat: number,
    body: ActionBody,
    source: ActionSource,
    onCommitted?: (version: number) => void,
  ): Promise<ActionOutcome> {
    const startedAt = performance.now();
    const { actionId } = body;
    const live = this.live;
    const earlier = this.ledger.earlier(seat, actionId);
    if (earlier === 'taken') {
      return this.refuse(seat, actionId, 'DUPLICATE_ACTION_ID', 'That actionId is taken.');
    }
    if (earlier) return earlier;
    if (live.draining) {
      return this.refuse(null, actionId, 'SHUTTING_DOWN', 'The server is restarting.');
    }
    const match = live.match;
    if (live.record.status === 'waiting' || !match) {
      return this.refuse(seat, actionId, 'MATCH_NOT_STARTED', 'The match has not started yet.');
    }
    if (live.record.status === 'over') {
      return this.refuse(seat, actionId, 'MATCH_OVER', 'The match is over.');
    }
    const seatRecord = live.seat(seat);
    if (source === 'player' && (seatRecord?.left || seatRecord?.surrendered)) {
      return this.refuse(seat, actionId, 'NOT_A_PLAYER', 'You left this match.');
    }
    if (body.knownVersion !== undefined && body.knownVersion > match.version) {
      return this.refuse(seat, actionId, 'INVALID_PAYLOAD', 'knownVersion is ahead of the match.', {
        knownVersion: body.knownVersion,
        version: match.version,
      });
    }
    const parsed = live.game.parseAction({ type: body.type, payload: body.payload });
    if (!parsed.ok) {
      return this.refuseWith(seat, actionId, fromRuleError(parsed.error, 'INVALID_PAYLOAD'));
    }
    const applied = applyAction(live.game, match, seat, parsed.value as GameAction, actionId);
    if (!applied.ok) {
      const stale = body.knownVersion !== undefined && body.knownVersion < match.version;
      const error = stale
        ? errorBody('STALE_VERSION', 'The match moved on since the version you acted on.', {
            knownVersion: body.knownVersion,
            version: match.version,
            cause: applied.error.code,
          })
        : fromRuleError(applied.error);
      return this.refuseWith(seat, actionId, error);
    }
    const { match: next, resolution } = applied.value;
    const action = {
      actionId,
      seat,
      version: next.version,
      type: body.type,
      payload: (parsed.value as GameAction).payload,
    };
    const stored = await this.writer.write(next, resolution, action, undefined, onCommitted);
    if (!stored.ok) return stored;
    this.ledger.accept(seat, actionId, next.version);
    this.log.info(
      {
        resolutionId: resolution.resolutionId,
        version: next.version,
        steps: resolution.steps.length,
        seat,
        source,
        type: body.type,
        latencyMs: Math.round((performance.now() - startedAt) * 100) / 100,
      },
      'resolution',
    );
    return stored;
  }

  /** Refuses an action with a typed error (remembered for the seat, so a retry gets the same). */
  refuse(
    seat: number | null,
    actionId: string,
    code: ErrorBody['code'],
    message: string,
    details?: Record<string, unknown>,
  ): ActionOutcome {
    return this.refuseWith(seat, actionId, errorBody(code, message, details));
  }

  private refuseWith(seat: number | null, actionId: string, error: ErrorBody): ActionOutcome {
    this.metrics.rejectedActions.inc({ code: error.code });
    if (seat !== null) this.ledger.reject(seat, actionId, error);
    return { ok: false, error };
  }
}
