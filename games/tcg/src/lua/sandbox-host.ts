import { fail, ok, type Result } from '@cardtable/engine';
import {
  SandboxRuntime,
  scanScript,
  type Effect as Command,
  type SandboxVm,
} from '@cardtable/sandbox';
import type { Duration, Effect, PlayerRef } from '../content/ast.ts';
import type { ScriptCall, ScriptHost, ScriptOutput, ScriptUsage } from '../engine/scripts.ts';
import { CONTENT_LIMITS } from '../package/limits.ts';
import { TCG_SCRIPT_EFFECTS, TCG_SCRIPT_STATE } from './script-effects.ts';

export { TCG_SCRIPT_EFFECTS, TCG_SCRIPT_STATE };

/**
 * A ScriptHost on the ability sandbox: one VM, every module loaded once (syntax errors surface
 * here, before any match). Calls are synchronous; `random` goes to the current command's RNG.
 */
export async function createSandboxScriptHost(
  modules: Readonly<Record<string, string>>,
  options: { instructionsPerCall: number; runtime?: SandboxRuntime },
): Promise<Result<ScriptHost & { dispose(): void }>> {
  const plan = loadPlan(modules);
  if (!plan.ok) return plan;
  const runtime = options.runtime ?? sharedRuntime();
  const { instructionsPerCall } = options;
  let current: ((min: number, max: number) => number) | null = null;
  const vm: SandboxVm = await runtime.createVm({
    random: (min, max) => {
      if (!current) throw new Error('random outside a script call');
      return current(min, max);
    },
    limits: { instructionsPerCall, instructionsPerAction: instructionsPerCall },
  });
  const loaded = new Set<string>();
  for (const { name, source, entries } of plan.value) {
    // Each module's entry functions are called by name: `<module>.<entry>` ends with the call.
    for (const entry of entries) {
      const result = vm.load(`${name}.${entry}`, `${source}\n${entry}()\n`);
      if (!result.ok) {
        vm.dispose();
        const { code, message, line } = result.error;
        return fail('LUA_LOAD_FAILED', `Lua module "${name}": ${message}`, {
          module: name,
          code,
          ...(line === undefined ? {} : { line }),
        });
      }
      loaded.add(`${name}.${entry}`);
    }
  }
  let usage: ScriptUsage | null = null;
  return ok({
    engine: runtime.engine.id,
    lastUsage: () => usage,
    run(call: ScriptCall): Result<ScriptOutput> {
      usage = null;
      const id = `${call.module}.${call.entry}`;
      if (!loaded.has(id))
        return fail(
          'LUA_UNKNOWN_ENTRY',
          `No Lua function ${call.entry} in module "${call.module}".`,
        );
      const begun = vm.beginAction(call.context as never);
      if (!begun.ok) return fail(begun.error.code, begun.error.message);
      current = call.random;
      try {
        const result = vm.call(id, { self: call.context.self ?? '' });
        usage = { instructions: result.instructions, memoryBytes: result.memoryBytes };
        if (!result.ok) {
          const { code, message, line } = result.error;
          return fail(code, message, line === undefined ? undefined : { line });
        }
        return toEffects(result.effects, call.context.controller);
      } finally {
        current = null;
      }
    },
    dispose: () => vm.dispose(),
  });
}

let shared: SandboxRuntime | null = null;
let sharedWasmUrl: string | undefined;
/** One runtime per process (its WASM heaps are shared by every VM it creates). */
export function sharedRuntime(): SandboxRuntime {
  shared ??= new SandboxRuntime({
    effects: TCG_SCRIPT_EFFECTS,
    state: TCG_SCRIPT_STATE,
    heaps: 1,
    ...(sharedWasmUrl === undefined ? {} : { wasmUrl: sharedWasmUrl }),
  });
  return shared;
}

/**
 * Where the shared runtime loads wasmoon's glue.wasm from: browsers (the studio's workers) must
 * say, before the first use; Node finds it by itself.
 */
export function useSandboxWasmUrl(url: string): void {
  if (shared) throw new Error('The shared sandbox runtime is already running.');
  sharedWasmUrl = url;
}

interface ModuleLoad {
  name: string;
  source: string;
  bytes: number;
  entries: readonly string[];
}

/**
 * The modules in load order with their entry functions, or a refusal when loading them would
 * read more than `maxLuaLoadBytes`: a module is scanned once for its entries, then compiled
 * whole once per entry. The plain size is checked before any scan, so a refused package costs
 * nothing to refuse; the refusal names the costliest module.
 */
function loadPlan(modules: Readonly<Record<string, string>>): Result<ModuleLoad[]> {
  const max = CONTENT_LIMITS.maxLuaLoadBytes;
  const plan = Object.entries(modules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, source]) => ({
      name,
      source,
      bytes: new TextEncoder().encode(source).length,
      entries: [] as string[],
    }));
  const read = (load: ModuleLoad) => load.bytes * (load.entries.length + 1);
  // Before the scan only the plain sizes are known: the total is a lower bound then.
  const tooLarge = (scanned: boolean) => {
    const total = plan.reduce((sum, load) => sum + read(load), 0);
    if (total <= max) return null;
    const costliest = plan.reduce((a, b) => (read(b) > read(a) ? b : a));
    return fail(
      'LUA_LOAD_TOO_LARGE',
      `Loading the Lua modules reads ${total} bytes${scanned ? '' : ' or more'} (a module once, then once more for ` +
        `each global function it defines); at most ${max} are allowed. Make helpers local ` +
        `functions or split large modules: "${costliest.name}" alone reads ${read(costliest)}.`,
      { module: costliest.name, bytes: total, max },
    );
  };
  const unscanned = tooLarge(false);
  if (unscanned) return unscanned;
  for (const load of plan) load.entries = entriesOf(load.source);
  return tooLarge(true) ?? ok(plan);
}

/**
 * The global functions a module defines at its top level: its callable entries (the validator
 * reads the same list, so an entry it accepts is one the host loads).
 */
export const entriesOf = (source: string): string[] =>
  scanScript(source, { effects: TCG_SCRIPT_EFFECTS }).functions;

/** Turns a script's commands into effect nodes; the objects they name become bindings. */
export function toEffects(commands: readonly Command[], controller: number): Result<ScriptOutput> {
  const effects: Effect[] = [];
  const bindings: Record<string, string[]> = {};
  const logs: string[] = [];
  const bind = (value: unknown): string => {
    const name = `lua${Object.keys(bindings).length + 1}`;
    bindings[name] = [typeof value === 'number' ? `hero:${value}` : String(value)];
    return `$${name}`;
  };
  const player = (value: unknown): PlayerRef | null => {
    const seat = typeof value === 'number' ? value : /^hero:(\d)$/.exec(String(value))?.[1];
    if (seat === undefined || seat === null) return null;
    return Number(seat) === controller ? '$controller' : '$opponent';
  };
  for (const { type, args } of commands) {
    if (type === 'log') {
      logs.push(String(args.message));
      continue;
    }
    const who = 'player' in args ? player(args.player) : '$controller';
    if (who === null)
      return fail(
        'LUA_BAD_PLAYER',
        `${type}: "${String(args.player)}" is not a player (use a hero id).`,
      );
    const duration = (args.duration as Duration | undefined) ?? 'permanent';
    switch (type) {
      case 'damage':
      case 'heal':
        effects.push({ do: type, to: bind(args.target), amount: args.amount as number });
        break;
      case 'draw':
        effects.push({ do: 'draw', player: who, count: args.count as number });
        break;
      case 'discard':
        effects.push({ do: 'discard', player: who, count: args.count as number, pick: 'random' });
        break;
      case 'summon':
        effects.push({
          do: 'summon',
          card: String(args.card),
          count: (args.count as number | undefined) ?? 1,
          for: who,
        });
        break;
      case 'destroy':
        effects.push({ do: 'destroy', target: bind(args.target) });
        break;
      case 'buff': {
        const target = bind(args.target);
        if (args.attack)
          effects.push({
            do: 'modify',
            target,
            stat: 'attack',
            op: 'add',
            value: args.attack as number,
            duration,
          });
        if (args.health)
          effects.push({
            do: 'modify',
            target,
            stat: 'health',
            op: 'add',
            value: args.health as number,
            duration,
          });
        break;
      }
      case 'grant':
        effects.push({
          do: 'grant',
          target: bind(args.target),
          keywords: [String(args.keyword)],
          duration,
        });
        break;
      case 'gain':
        effects.push({ do: 'resource', player: who, op: 'gain', amount: args.amount as number });
        break;
      case 'spend':
        effects.push({ do: 'resource', player: who, op: 'spend', amount: args.amount as number });
        break;
      case 'steal':
        effects.push({ do: 'steal', from: who, amount: args.amount as number });
        break;
      case 'move':
        effects.push({ do: 'move', cards: bind(args.card), to: String(args.zone) });
        break;
      case 'shuffle':
        effects.push({
          do: 'shuffle',
          player: who,
          zone: (args.zone as string | undefined) ?? 'deck',
        });
        break;
      case 'reveal': {
        const to =
          args.to === 'opponent' ? '$opponent' : args.to === 'controller' ? '$controller' : 'all';
        effects.push({ do: 'reveal', cards: bind(args.card), to });
        break;
      }
      default:
        return fail('LUA_UNKNOWN_EFFECT', `Unknown script effect "${type}".`);
    }
  }
  return ok({ effects, bindings, ...(logs.length ? { logs } : {}) });
}
