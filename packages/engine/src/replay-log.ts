import type { GameAction, GameEvent } from './game.ts';
import type { Resolution } from './match.ts';
import type { ReplayAction, ReplayEvent } from './replay.ts';

/** The log entries of one resolution: its steps as events, and the action that caused it. */
export function logEntries<S, A extends GameAction, E extends GameEvent>(
  resolution: Resolution<S, A, E>,
): { events: ReplayEvent[]; action: ReplayAction | null } {
  const events = resolution.steps.map((step) => ({ ...step }));
  const { cause } = resolution;
  const action =
    cause.kind === 'action'
      ? {
          version: resolution.version,
          seat: cause.seat,
          actionId: cause.actionId,
          type: cause.action.type,
          payload: cause.action.payload,
        }
      : null;
  return { events, action };
}

/** Accumulates resolutions into the `events` and `actions` lists of a replay file. */
export class ReplayLog {
  readonly events: ReplayEvent[] = [];
  readonly actions: ReplayAction[] = [];

  append<S, A extends GameAction, E extends GameEvent>(resolution: Resolution<S, A, E>): void {
    const { events, action } = logEntries(resolution);
    this.events.push(...events);
    if (action) this.actions.push(action);
  }
}
