import type { ErrorBody } from '@cardtable/sdk/protocol';
import type { StoredAction } from '../store/event-store.ts';
import type { ActionOutcome } from './context.ts';

/** Refusals remembered per seat, so a retried bad action gets the same answer. */
const REMEMBERED_REFUSALS_PER_SEAT = 256;

interface Answer {
  type: string;
  outcome: ActionOutcome;
}

/**
 * Idempotency of the actions clients send, per seat: what each of a seat's action ids got (the
 * version it made, or its refusal), so a retry is answered the same and never applied twice. A
 * seat's ids never collide with another seat's, and the server's own moves are not in here at
 * all (they are stored with `source = 'server'`), so no client can claim or block them.
 */
export class ActionLedger {
  private readonly accepted = new Map<number, Map<string, Answer>>();
  private readonly refused = new Map<number, Map<string, Answer>>();

  /** The ledger of a match's stored actions (the clients' are remembered). */
  static of(actions: readonly StoredAction[]): ActionLedger {
    const ledger = new ActionLedger();
    for (const action of actions) {
      if (action.source !== 'client') continue;
      ledger.accept(action.seat, action.actionId, action.type, action.version);
    }
    return ledger;
  }

  /**
   * The earlier answer to this seat's id; 'reused' when the seat used the id for another kind
   * of action; null when the id is new.
   */
  earlier(seat: number, actionId: string, type: string): ActionOutcome | 'reused' | null {
    const answer = this.accepted.get(seat)?.get(actionId) ?? this.refused.get(seat)?.get(actionId);
    if (!answer) return null;
    return answer.type === type ? answer.outcome : 'reused';
  }

  accept(seat: number, actionId: string, type: string, version: number): void {
    bucket(this.accepted, seat).set(actionId, { type, outcome: { ok: true, version } });
    this.refused.get(seat)?.delete(actionId);
  }

  /** Remembers a refusal; transient ones (a retry after the server is back should work) are not. */
  refuse(seat: number, actionId: string, type: string, error: ErrorBody): void {
    if (error.code === 'SHUTTING_DOWN' || error.code === 'INTERNAL') return;
    const refused = bucket(this.refused, seat);
    if (refused.size >= REMEMBERED_REFUSALS_PER_SEAT) {
      refused.delete(refused.keys().next().value as string);
    }
    refused.set(actionId, { type, outcome: { ok: false, error } });
  }
}

function bucket(bySeat: Map<number, Map<string, Answer>>, seat: number): Map<string, Answer> {
  let answers = bySeat.get(seat);
  if (!answers) {
    answers = new Map();
    bySeat.set(seat, answers);
  }
  return answers;
}
