import { createRng } from '@cardtable/engine';
import type { HostRandom } from '../vm-core.ts';

/**
 * `random(a, b)` for dry runs and tooling, drawn from the kernel's seeded RNG so a creator's
 * try-out is reproducible. In a match the hosting game passes its own RNG, keyed by the log.
 */
export function createSeededRandom(seed: string): HostRandom {
  const rng = createRng(seed);
  return (min, max) => rng.int(min, max);
}
