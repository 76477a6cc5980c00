import { applyAction, isServerAction, type GameAction } from '@cardtable/engine';
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
    const fromClient = source === 'player';
    // Only a client's actions are remembered (per seat); the server's moves never collide.
    const refuse = (code: ErrorBody['code'], message: string, details?: Record<string, unknown>) =>
      this.refuseWith(
        fromClient ? seat : null,
        actionId,
        body.type,
        errorBody(code, message, details),
      );
    if (fromClient) {
      const earlier = this.ledger.earlier(seat, actionId, body.type);
      if (earlier === 'reused') {
        return refuse('DUPLICATE_ACTION_ID', 'You used that actionId for another action.');
      }
      if (earlier) return earlier;
    }
    if (live.draining) return this.refuse(actionId, 'SHUTTING_DOWN', 'The server is restarting.');
    const match = live.match;
    if (live.record.status === 'waiting' || !match) {
      return refuse('MATCH_NOT_STARTED', 'The match has not started yet.');
    }
    if (live.record.status === 'over') return refuse('MATCH_OVER', 'The match is over.');
    const seatRecord = live.seat(seat);
    if (fromClient && (seatRecord?.left || seatRecord?.surrendered)) {
      return refuse('NOT_A_PLAYER', 'You left this match.');
    }
    if (fromClient && isServerAction(live.game, body.type)) {
      return refuse('FORBIDDEN', `Only the server plays "${body.type}".`, { type: body.type });
    }
    if (body.knownVersion !== undefined && body.knownVersion > match.version) {
      return refuse('INVALID_PAYLOAD', 'knownVersion is ahead of the match.', {
        knownVersion: body.knownVersion,
        version: match.version,
      });
    }
    const parsed = live.game.parseAction({ type: body.type, payload: body.payload });
    if (!parsed.ok) {
      const error = fromRuleError(parsed.error, 'INVALID_PAYLOAD');
      return this.refuseWith(fromClient ? seat : null, actionId, body.type, error);
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
      return this.refuseWith(fromClient ? seat : null, actionId, body.type, error);
    }
    const { match: next, resolution } = applied.value;
    const action = {
      actionId,
      seat,
      source: fromClient ? ('client' as const) : ('server' as const),
      version: next.version,
      type: body.type,
      payload: (parsed.value as GameAction).payload,
    };
    const stored = await this.writer.write(next, resolution, action, undefined, onCommitted);
    if (!stored.ok) return stored;
    if (fromClient) this.ledger.accept(seat, actionId, body.type, next.version);
    this.log.debug(
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

  /** Refuses an action that never reached a seat's turn (a spectator's, or while draining). */
  refuse(actionId: string, code: ErrorBody['code'], message: string): ActionOutcome {
    return this.refuseWith(null, actionId, '', errorBody(code, message));
  }

  /** A typed refusal, remembered for the seat (when given) so a retry gets the same answer. */
  private refuseWith(
    seat: number | null,
    actionId: string,
    type: string,
    error: ErrorBody,
  ): ActionOutcome {
    this.metrics.rejectedActions.inc({ code: error.code });
    if (seat !== null) this.ledger.refuse(seat, actionId, type, error);
    return { ok: false, error };
  }
}
