import type { CpuPlayers } from '@cardtable/engine';
import type { TcgAction } from '../engine/actions.ts';
import type { TcgGame } from '../engine/game.ts';
import type { TcgView } from '../engine/view.ts';
import { CPU_NAMES } from './names.ts';
import { CPU_PROFILES, search } from './search.ts';

export { CPU_PROFILES, type CpuProfile } from './search.ts';
export { determinize } from './determinize.ts';
export { evaluate } from './evaluate.ts';
export { CPU_NAMES } from './names.ts';

/**
 * The CPU players of a TCG game (any ruleset): profiles `easy` and `hard`. They decide from
 * their seat's view and legal actions only, deterministically given the Rng they are handed.
 */
export function tcgCpu(game: TcgGame): CpuPlayers<TcgView, TcgAction> {
  return {
    profiles: Object.keys(CPU_PROFILES),
    names: CPU_NAMES,
    choose({ view, legal, seat, profile, rng }) {
      const settings = CPU_PROFILES[profile];
      if (!settings)
        throw new Error(
          `Unknown CPU profile "${profile}" (known: ${Object.keys(CPU_PROFILES).join(', ')}).`,
        );
      const content = game.contentOf(view);
      return search({
        view,
        legal,
        seat,
        profile: settings,
        rng,
        content,
        scripts: game.scriptsFor(content),
      });
    },
  };
}
