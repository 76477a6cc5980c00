import type { EffectSpec } from './effect-spec.ts';

/** `log(...)` (and `print`) is built in: scripts always have it and hosts cannot replace it. */
export const LOG_EFFECT: EffectSpec = {
  name: 'log',
  params: [{ name: 'message', type: 'string' }],
  summary: 'log(...): a debug line in the match log (arguments joined by spaces)',
};
