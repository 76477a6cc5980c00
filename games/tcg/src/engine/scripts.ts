import type { Result } from '@cardtable/engine';

/** What a Lua ability is called with: a read-only picture of the game from the ability's side. */
export interface ScriptCall {
  module: string;
  entry: string;
  /** Plain JSON: the state as the ability sees it (see README, "Lua abilities"). */
  context: unknown;
  /** The seeded random source of this command: `random(n)` returns 1..n. */
  random(n: number): number;
  instructionLimit: number;
}

/**
 * Runs Lua abilities. It returns effect nodes as plain JSON, which the engine validates and
 * applies exactly like data effects: a script decides what happens, never how.
 */
export interface ScriptHost {
  /** Loads the content's modules (checked for syntax); called once per content before play. */
  load(modules: Readonly<Record<string, string>>): Result<void>;
  run(call: ScriptCall): Result<unknown>;
}
