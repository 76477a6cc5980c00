import type { ScriptFailure } from '../engine/events.ts';

/** The Lua failures of one card over a batch of matches. */
export interface LuaFailureCount {
  card: string;
  count: number;
  /** Failures by code (`RUNTIME`, `BUDGET_EXCEEDED`, `INVALID_EFFECTS`, ...). */
  codes: Record<string, number>;
  /** The first one seen, with the sandbox's own message: where to start looking. */
  first: { game: number } & Pick<
    ScriptFailure,
    'ability' | 'module' | 'entry' | 'line' | 'code' | 'detail'
  >;
}

/** Counts `scriptFailed` events per card, in the order cards first failed. */
export class LuaFailureTally {
  private readonly byCard = new Map<string, LuaFailureCount>();

  record(game: number, events: Iterable<{ type: string; data: unknown }>): void {
    for (const event of events) {
      if (event.type !== 'scriptFailed') continue;
      const failure = event.data as ScriptFailure;
      let entry = this.byCard.get(failure.card);
      if (!entry) {
        const { ability, module, entry: fn, line, code, detail } = failure;
        entry = {
          card: failure.card,
          count: 0,
          codes: {},
          first: { game, ability, module, entry: fn, line, code, detail },
        };
        this.byCard.set(failure.card, entry);
      }
      entry.count++;
      entry.codes[failure.code] = (entry.codes[failure.code] ?? 0) + 1;
    }
  }

  /** Most failures first. */
  report(): LuaFailureCount[] {
    return [...this.byCard.values()].sort(
      (a, b) => b.count - a.count || (a.card < b.card ? -1 : 1),
    );
  }
}
