import type { SandboxLimits } from '../limits.ts';
import type { SandboxRuntime } from '../runtime.ts';
import type { JsonValue } from '../values.ts';
import type { HostRandom } from '../vm-core.ts';
import type { CallResult } from '../vm.ts';
import { createSeededRandom } from './seeded-random.ts';

export interface DryRunOptions {
  /** The state the ability reads (the game's own shape); default `{}`. */
  state?: JsonValue;
  /** The ability's own card; default none. */
  self?: JsonValue;
  args?: JsonValue;
  /** The RNG behind `random(a, b)`; default a seeded one (see `seed`). */
  random?: HostRandom;
  /** Seed of the default RNG; default "dry-run". */
  seed?: string;
  limits?: Partial<SandboxLimits>;
}

/**
 * Runs `source` once as an ability in a fresh VM against a state: the effects it emits,
 * the instructions it used and the VM's peak memory, or the error with the creator's line.
 */
export async function dryRunAbility(
  runtime: SandboxRuntime,
  source: string,
  options: DryRunOptions = {},
): Promise<CallResult> {
  const vm = await runtime.createVm({
    random: options.random ?? createSeededRandom(options.seed ?? 'dry-run'),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  try {
    const loaded = vm.load('dry-run', source);
    if (!loaded.ok) return { ...loaded, instructions: 0, memoryBytes: vm.memoryBytes };
    const action = vm.beginAction(options.state ?? {});
    if (!action.ok) return { ...action, instructions: 0, memoryBytes: vm.memoryBytes };
    return vm.call('dry-run', {
      ...(options.self === undefined ? {} : { self: options.self }),
      ...(options.args === undefined ? {} : { args: options.args }),
    });
  } finally {
    vm.dispose();
  }
}
