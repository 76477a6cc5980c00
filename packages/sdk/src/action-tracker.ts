import { randomId } from './ids.ts';
import type { ErrorCode } from './protocol.ts';

/** What a client asks for: a complete `{type, payload}`, as listed in `legal`. */
export interface ActionRequest {
  type: string;
  payload: unknown;
}

/** The ACTION frame's `action`, as sent (and resent, unchanged, after a reconnect). */
export interface OutgoingAction extends ActionRequest {
  actionId: string;
  clientSeq: number;
  knownVersion?: number;
}

/** Codes the client itself gives, when no ACTION_RESULT can come any more. */
export type ClientErrorCode = 'CONNECTION_CLOSED' | 'RECONNECT_FAILED';

export interface ActionError {
  code: ErrorCode | ClientErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** How an action ended: the server's ACTION_RESULT, or a client-side failure code. */
export type ActionOutcome =
  | { ok: true; actionId: string; version: number }
  | { ok: false; actionId: string; error: ActionError };

interface Pending {
  action: OutgoingAction;
  settle(outcome: ActionOutcome): void;
}

/**
 * Actions awaiting their ACTION_RESULT. Each gets a fresh `actionId` and the next `clientSeq`
 * once, and keeps both for life, so resending after a reconnect can never apply it twice: the
 * server answers a repeated `actionId` with the result it already gave.
 */
export class ActionTracker {
  private readonly pending = new Map<string, Pending>();
  private seq = 0;

  constructor(private readonly newId: () => string = randomId) {}

  get inFlight(): number {
    return this.pending.size;
  }

  create(request: ActionRequest, knownVersion?: number) {
    const action: OutgoingAction = {
      actionId: this.newId(),
      type: request.type,
      payload: request.payload,
      clientSeq: ++this.seq,
      ...(knownVersion === undefined ? {} : { knownVersion }),
    };
    const result = new Promise<ActionOutcome>((settle) => {
      this.pending.set(action.actionId, { action, settle });
    });
    return { action, result };
  }

  /** Settles the action an ACTION_RESULT names; false when none is pending (a late repeat). */
  settle(outcome: ActionOutcome): boolean {
    const entry = this.pending.get(outcome.actionId);
    if (!entry) return false;
    this.pending.delete(outcome.actionId);
    entry.settle(outcome);
    return true;
  }

  /** The actions still waiting for a result, in the order they were made. */
  unsettled(): OutgoingAction[] {
    return [...this.pending.values()].map((entry) => entry.action);
  }

  /** Ends every pending action with a client-side error (the connection was closed for good). */
  failAll(error: ActionError): void {
    for (const [actionId, entry] of [...this.pending]) {
      this.pending.delete(actionId);
      entry.settle({ ok: false, actionId, error });
    }
  }
}
