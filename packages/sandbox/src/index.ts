export { SandboxRuntime, type SandboxRuntimeOptions, type CreateVmOptions } from './runtime.ts';
export {
  SandboxVm,
  type CallInput,
  type CallResult,
  type LoadResult,
  type ActionResult,
} from './vm.ts';
export type { HostRandom } from './vm-core.ts';
export { DEFAULT_LIMITS, resolveLimits, type SandboxLimits } from './limits.ts';
export {
  UNCATCHABLE_CODES,
  type Failure,
  type SandboxError,
  type SandboxErrorCode,
} from './errors.ts';
export type { Effect, EffectSpec, EffectValue, ParamSpec } from './effects/effect-spec.ts';
export { LOG_EFFECT } from './effects/log-effect.ts';
export { ENGINE_INFO, type EngineInfo } from './engine-info.ts';
export type { JsonValue } from './values.ts';
export type { HeapStats } from './heap-pool.ts';
export { checkAbility, type CheckResult } from './tooling/check.ts';
export { dryRunAbility, type DryRunOptions } from './tooling/dry-run.ts';
export {
  lintScript,
  scanScript,
  type ScriptScan,
  type EffectCall,
  type LiteralValue,
  type LintDiagnostic,
  type LintCode,
  type LintOptions,
} from './tooling/lint.ts';
export type { SyntaxResult } from './tooling/syntax-check.ts';
export { createSeededRandom } from './tooling/seeded-random.ts';
export {
  BASE_GLOBALS,
  CONTEXT_GLOBALS,
  LIBRARY_MEMBERS,
  FORBIDDEN_GLOBALS,
  FORBIDDEN_MEMBERS,
  type StateField,
} from './script-api.ts';
