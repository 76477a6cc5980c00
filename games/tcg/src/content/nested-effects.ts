import type { Effect } from './ast.ts';

/** One list of effects an effect holds, with its key as a path writes it (`then`, `options[1].effects`). */
export interface NestedEffects {
  key: string;
  effects: readonly Effect[];
}

/**
 * The effect lists a compound effect (`if`, `choose`, `may`, `repeat`, `forEach`, `flip`) holds,
 * in the order they are written; none for a leaf. The one definition of the effect tree's shape
 * for the walks that look for something anywhere in it (Lua calls, for instance).
 */
export function nestedEffects(effect: Effect): NestedEffects[] {
  switch (effect.do) {
    case 'if':
      return [
        { key: 'then', effects: effect.then },
        ...(effect.else ? [{ key: 'else', effects: effect.else }] : []),
      ];
    case 'choose':
      return effect.options.map((option, i) => ({
        key: `options[${i}].effects`,
        effects: option.effects,
      }));
    case 'may':
    case 'repeat':
    case 'forEach':
      return [{ key: 'effects', effects: effect.effects }];
    case 'flip':
      return [
        ...(effect.heads ? [{ key: 'heads', effects: effect.heads }] : []),
        ...(effect.tails ? [{ key: 'tails', effects: effect.tails }] : []),
      ];
    default:
      return [];
  }
}
