import type { ErrorBody } from '@cardtable/sdk/protocol';
import type { EventStore } from '../store/event-store.ts';
import type { ActionOutcome } from './context.ts';

/** Rejections remembered per match, so a retried bad action gets the same answer. */
const REMEMBERED_REJECTIONS = 1000;

/**
 * Idempotency by actionId: what each action id got (the version it made, or the rejection), so
 * a retry is answered the same and never applied twice.
 */
export class ActionLedger {
  private readonly rejected = new Map<string, { seat: number; error: ErrorBody }>();

  private constructor(private readonly accepted: Map<string, { seat: number; version: number }>) {}

  static async load(store: EventStore, matchId: string): Promise<ActionLedger> {
    const actions = await store.actions(matchId);
    return new ActionLedger(
      new Map(actions.map((a) => [a.actionId, { seat: a.seat, version: a.version }])),
    );
  }

  /** The earlier answer to this id, 'taken' when another seat used it, null when it is new. */
  earlier(seat: number, actionId: string): ActionOutcome | 'taken' | null {
    const seen = this.accepted.get(actionId);
    if (seen) return seen.seat === seat ? { ok: true, version: seen.version } : 'taken';
    const refused = this.rejected.get(actionId);
    if (refused) return refused.seat === seat ? { ok: false, error: refused.error } : 'taken';
    return null;
  }

  accept(seat: number, actionId: string, version: number): void {
    this.accepted.set(actionId, { seat, version });
  }

  /** Remembers a refusal; transient ones (a retry after the server is back should work) are not. */
  reject(seat: number, actionId: string, error: ErrorBody): void {
    if (error.code === 'SHUTTING_DOWN' || error.code === 'INTERNAL') return;
    if (this.rejected.size >= REMEMBERED_REJECTIONS) {
      this.rejected.delete(this.rejected.keys().next().value as string);
    }
    this.rejected.set(actionId, { seat, error });
  }
}
