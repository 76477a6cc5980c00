import type { Result } from '@cardtable/engine';

/** What a Lua ability is called with: a read-only picture of the game from the ability's side. */
export interface ScriptCall {
  module: string;
  entry: string;
  /** Plain JSON: the state as the ability sees it (see README, "Lua abilities"). */
  context: ScriptContext;
  /** The command's seeded random source: an integer in [min, max]. */
  random(min: number, max: number): number;
}

export interface ScriptContext {
  self: string | null;
  controller: number;
  [key: string]: unknown;
}

/** What a script asked for: effect nodes (plain JSON, unchecked) and the objects they name. */
export interface ScriptOutput {
  effects: unknown[];
  /** Bindings the effects refer to as `$name` (each a concrete object a script picked). */
  bindings: Record<string, string[]>;
  /** The script's `log(...)`/`print(...)` lines, for tooling: a match keeps none of them. */
  logs?: string[];
}

/**
 * Runs Lua abilities. It returns effect nodes, which the engine validates and applies exactly
 * like data effects: a script decides what happens, never how.
 */
export interface ScriptHost {
  /** The sandbox's engine id (Lua, wasmoon, rules, prelude hash), recorded in every match. */
  readonly engine: string;
  run(call: ScriptCall): Result<ScriptOutput>;
  /** What the last `run` cost in the sandbox (tooling: dry runs show it), when the host knows. */
  lastUsage?(): ScriptUsage | null;
}

export interface ScriptUsage {
  instructions: number;
  memoryBytes: number;
}
