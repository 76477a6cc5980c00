import type { Effect } from './effects/effect-spec.ts';
import { ABILITY_CHUNK } from './error-position.ts';
import { failure, type Failure, type SandboxError } from './errors.ts';
import { LUA_ERRMEM, LUA_ERRSYNTAX, LUA_OK, LUA_REGISTRYINDEX } from './lua/lua-constants.ts';
import { guardCoercions } from './guard-coercions.ts';
import { checkHostValue, type JsonValue } from './values.ts';
import type { VmCore } from './vm-core.ts';

/** Per-call values: the card whose ability runs (`self`) and the trigger's arguments (`args`). */
export interface CallInput {
  self?: JsonValue;
  args?: JsonValue;
}

/** What one ability call did. Instructions and memory are reported even when it failed. */
export type CallResult =
  | { ok: true; effects: Effect[]; instructions: number; memoryBytes: number }
  | { ok: false; error: SandboxError; instructions: number; memoryBytes: number };

export type LoadResult = { ok: true } | Failure;
export type ActionResult = { ok: true; memoryBytes: number } | Failure;

/**
 * One Lua VM for one match. Load abilities once; per action, load the state once with
 * `beginAction`, then `call` abilities; `dispose` when the match ends. All methods are
 * synchronous and return errors as values; none of them throws for anything a script does.
 */
export class SandboxVm {
  private readonly abilities = new Map<string, number>();
  private actionInstructions = 0;
  private disposed = false;

  /** @internal created by SandboxRuntime */
  constructor(
    private readonly core: VmCore,
    private readonly onDispose: () => void,
  ) {}

  /** Instructions used by the calls of the current action. */
  get instructionsThisAction(): number {
    return this.actionInstructions;
  }

  /** Bytes the VM holds now. */
  get memoryBytes(): number {
    return this.core.meter.used;
  }

  get abilityIds(): string[] {
    return [...this.abilities.keys()];
  }

  /** Compiles an ability from source text (never bytecode) and keeps it under `abilityId`. */
  load(abilityId: string, source: string): LoadResult {
    const unusable = this.unusable();
    if (unusable) return unusable;
    const { limits } = this.core.config;
    const bytes = new TextEncoder().encode(source).length;
    if (bytes > limits.maxSourceBytes) {
      return failure(
        'LIMIT_EXCEEDED',
        `source is ${bytes} bytes, over the limit of ${limits.maxSourceBytes}`,
      );
    }
    if (source.startsWith('\x1b')) {
      return failure('FORBIDDEN', 'bytecode is not accepted: load source text');
    }
    const guarded = guardCoercions(source);
    if (!guarded.ok) {
      // Lua's own verdict first: a script the analyser rejects usually does not compile either.
      const compiled = this.compile(source);
      if (!compiled.ok) return compiled;
      this.core.heap.api.luaL_unref(this.core.L, LUA_REGISTRYINDEX, compiled.ref);
      return failure('SYNTAX', guarded.message, guarded.line);
    }
    const compiled = this.compile(guarded.source);
    if (!compiled.ok) return compiled;
    const { api } = this.core.heap;
    const previous = this.abilities.get(abilityId);
    if (previous !== undefined) api.luaL_unref(this.core.L, LUA_REGISTRYINDEX, previous);
    this.abilities.set(abilityId, compiled.ref);
    return { ok: true };
  }

  /** Compiles text (mode "t": binary chunks are refused) and keeps the function in the registry. */
  private compile(source: string): { ok: true; ref: number } | Failure {
    const { api, memory } = this.core.heap;
    const core = this.core;
    core.beginEpisode();
    const compiled = { status: LUA_OK, ref: -1 };
    const run = core.runProtected((L) => {
      const [ptr, len] = memory.writeScratch(source);
      compiled.status = api.luaL_loadbufferx(
        L,
        ptr,
        len,
        memory.cString(ABILITY_CHUNK),
        memory.cString('t'),
      );
      if (compiled.status !== LUA_OK) return api.lua_error(L);
      compiled.ref = api.luaL_ref(L, LUA_REGISTRYINDEX);
      return 0;
    });
    const error = core.outcomeOf(run);
    if (error) {
      if (compiled.status === LUA_ERRSYNTAX)
        return { ok: false, error: { ...error, code: 'SYNTAX' } };
      if (compiled.status === LUA_ERRMEM && error.code === 'RUNTIME') {
        return failure('MEMORY_EXCEEDED', error.message);
      }
      return { ok: false, error };
    }
    return { ok: true, ref: compiled.ref };
  }

  /** Loads the state of the match once for the action that follows, and resets its budget. */
  beginAction(state: JsonValue): ActionResult {
    const unusable = this.unusable();
    if (unusable) return unusable;
    const problem = checkHostValue(state, this.core.config.limits.maxValueDepth, 'state');
    if (problem) return failure('INVALID_INPUT', problem);
    const core = this.core;
    const { api, memory } = core.heap;
    this.actionInstructions = 0;
    core.beginEpisode();
    const run = core.runProtected((L) => {
      api.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(core.refs.api));
      core.pusher.push(L, state);
      api.lua_setfield(L, -2, memory.cString('state'));
      return 0;
    });
    const error = core.outcomeOf(run);
    if (error) return { ok: false, error };
    return { ok: true, memoryBytes: core.meter.used };
  }

  /** Runs one ability against the current state; returns its effects or why it stopped. */
  call(abilityId: string, input: CallInput = {}): CallResult {
    const core = this.core;
    const unusable = this.unusable();
    if (unusable) return { ...unusable, instructions: 0, memoryBytes: core.meter.used };
    const ref = this.abilities.get(abilityId);
    if (ref === undefined) {
      return {
        ...failure('UNKNOWN_ABILITY', `no ability "${abilityId}" is loaded`),
        instructions: 0,
        memoryBytes: core.meter.used,
      };
    }
    const { limits } = core.config;
    for (const [name, value] of Object.entries(input)) {
      const problem = checkHostValue(value, limits.maxValueDepth, name);
      if (problem)
        return {
          ...failure('INVALID_INPUT', problem),
          instructions: 0,
          memoryBytes: core.meter.used,
        };
    }
    const remaining = limits.instructionsPerAction - this.actionInstructions;
    core.budgetScope = remaining < limits.instructionsPerCall ? 'action' : 'call';
    if (remaining <= 0) {
      const message = `instruction budget exceeded: ${limits.instructionsPerAction} instructions per action`;
      return {
        ...failure('BUDGET_EXCEEDED', message),
        instructions: 0,
        memoryBytes: core.meter.used,
      };
    }

    const { api, memory } = core.heap;
    core.beginEpisode();
    core.instructions.start(Math.min(limits.instructionsPerCall, remaining));
    core.armWatchdog();
    const run = core.runProtected((L) => {
      api.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(ref));
      api.lua_createtable(L, 0, 2);
      api.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(core.refs.envMeta));
      api.lua_setmetatable(L, -2);
      if (input.self !== undefined) {
        core.pusher.push(L, input.self);
        api.lua_setfield(L, -2, memory.cString('self'));
      }
      if (input.args !== undefined) {
        core.pusher.push(L, input.args);
        api.lua_setfield(L, -2, memory.cString('args'));
      }
      api.lua_setupvalue(L, -2, 1); // a fresh _ENV: globals never outlive the call
      api.lua_callk(L, 0, 0, 0, 0);
      return 0;
    });
    const instructions = core.instructions.stop();
    core.disarmWatchdog();
    this.actionInstructions += instructions;
    const memoryBytes = core.meter.peak;
    const error = core.outcomeOf(run);
    if (error) return { ok: false, error, instructions, memoryBytes };
    return { ok: true, effects: core.effects, instructions, memoryBytes };
  }

  /** Closes the Lua state and gives its place on the heap back. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    if (this.core.busy) throw new Error('A VM cannot be disposed from inside its own call');
    this.disposed = true;
    this.core.close();
    this.onDispose();
  }

  private unusable(): Failure | undefined {
    if (this.disposed) return failure('VM_UNAVAILABLE', 'the VM was disposed');
    if (this.core.busy) {
      return failure('VM_UNAVAILABLE', 'the VM is running a call (a host callback re-entered it)');
    }
    if (this.core.fault)
      return failure('VM_UNAVAILABLE', `the VM had an internal fault: ${this.core.fault}`);
    if (this.core.heap.poisoned)
      return failure('VM_UNAVAILABLE', `the VM's heap had an internal fault`);
    return undefined;
  }
}
