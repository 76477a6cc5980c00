import { SandboxRuntime } from '../runtime.ts';
import type { CallResult } from '../vm.ts';
import { checkAbility, type CheckResult } from './check.ts';
import { dryRunAbility, type DryRunOptions } from './dry-run.ts';

let shared: SandboxRuntime | undefined;

/** One small runtime (one heap) for command-line tooling, made on first use. */
function toolingRuntime(): SandboxRuntime {
  shared ??= new SandboxRuntime({ heaps: 1 });
  return shared;
}

/** `cardtable lua check`: syntax and lint of one script. */
export function checkScript(source: string): Promise<CheckResult> {
  return checkAbility(toolingRuntime(), source);
}

/** `cardtable lua run`: a dry run of one script as an ability. */
export function dryRunScript(source: string, options: DryRunOptions = {}): Promise<CallResult> {
  return dryRunAbility(toolingRuntime(), source, options);
}
