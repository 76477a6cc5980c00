import type { ScriptFailure } from '../engine/events.ts';
import type { MatchRecord } from './balance-plan.ts';

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

/** Counts the failures of match records (in the order given) per card, most failures first. */
export function luaFailureCounts(records: readonly MatchRecord[]): LuaFailureCount[] {
  const byCard = new Map<string, LuaFailureCount>();
  for (const record of records)
    for (const failure of record.scriptFailures) {
      let entry = byCard.get(failure.card);
      if (!entry) {
        const { ability, module, entry: fn, line, code, detail } = failure;
        entry = {
          card: failure.card,
          count: 0,
          codes: {},
          first: { game: record.index, ability, module, entry: fn, line, code, detail },
        };
        byCard.set(failure.card, entry);
      }
      entry.count++;
      entry.codes[failure.code] = (entry.codes[failure.code] ?? 0) + 1;
    }
  return [...byCard.values()].sort((a, b) => b.count - a.count || (a.card < b.card ? -1 : 1));
}
