import type { LoadedLuaModule } from './lua/load-module.ts';
import type { MemoryMeter } from './memory-meter.ts';

/** What a VM implements for the C functions and hooks that call back into JS. */
export interface NativeTarget {
  /** Runs the JS job queued by a protected call; returns the number of results. */
  runJob(L: number): number;
  onCountHook(L: number): void;
  /** The message handler of protected calls: notes where the error happened. */
  onError(L: number): void;
  emitEffect(L: number): number;
  random(L: number): number;
  forbid(L: number): number;
  charge(L: number): number;
  /** Pushes a new array of a table's keys in sorted order (for pairs). */
  sortedKeys(L: number): number;
  /** Pushes "ability:LINE: " for the innermost creator frame (or ""), like luaL_where. */
  where(L: number): number;
  /** `__len` of read-only proxies: the length of the backing table. */
  roLen(L: number): number;
  /** Pushes whether the running call is being stopped (a fatal condition is set). */
  stopped(L: number): number;
}

export interface NativeLookup {
  meter(ud: number): MemoryMeter | undefined;
  target(L: number): NativeTarget | undefined;
}

/** Pointers (wasm function-table indexes) of the JS functions Lua calls. */
export interface NativePointers {
  alloc: number;
  hook: number;
  panic: number;
  runner: number;
  messageHandler: number;
  emitEffect: number;
  random: number;
  forbid: number;
  charge: number;
  stopped: number;
  sortedKeys: number;
  roLen: number;
  where: number;
}

/**
 * Registers the callbacks once per heap; each dispatches on the lua_State (or the allocator's
 * user data) to the VM it belongs to. A callback must never let a JS exception escape into wasm
 * unless the heap is meant to be abandoned: only Lua's own error unwinding may pass through.
 */
export function registerNatives(module: LoadedLuaModule, lookup: NativeLookup): NativePointers {
  const { api } = module;
  const missing = (L: number): never => {
    throw new Error(`Lua state ${L} has no VM attached`);
  };
  const cfunction = (call: (target: NativeTarget, L: number) => number): number =>
    module.addFunction((L: number) => call(lookup.target(L) ?? missing(L), L), 'ii');

  const alloc = module.addFunction((ud: number, ptr: number, osize: number, nsize: number) => {
    const meter = lookup.meter(ud);
    if (nsize === 0) {
      if (ptr !== 0) {
        api.free(ptr);
        meter?.release(osize);
      }
      return 0;
    }
    const oldSize = ptr === 0 ? 0 : osize;
    if (meter && !meter.admit(ptr === 0 ? osize : -1, nsize, nsize - oldSize)) return 0;
    const out = api.realloc(ptr, nsize);
    if (out === 0) {
      meter?.heapExhausted(nsize);
      return 0;
    }
    meter?.commit(nsize - oldSize);
    return out;
  }, 'iiiii');

  const hook = module.addFunction((L: number) => {
    lookup.target(L)?.onCountHook(L);
  }, 'vii');

  // Lua calls this for an error outside any protected call, then aborts. We never make such
  // calls; if one happens anyway, throwing unwinds out of wasm and the heap is abandoned.
  const panic = module.addFunction(() => {
    throw new Error('Lua panic: an error escaped every protected call');
  }, 'ii');

  return {
    alloc,
    hook,
    panic,
    runner: cfunction((t, L) => t.runJob(L)),
    messageHandler: cfunction((t, L) => {
      t.onError(L);
      return 1;
    }),
    emitEffect: cfunction((t, L) => t.emitEffect(L)),
    random: cfunction((t, L) => t.random(L)),
    forbid: cfunction((t, L) => t.forbid(L)),
    charge: cfunction((t, L) => t.charge(L)),
    stopped: cfunction((t, L) => t.stopped(L)),
    sortedKeys: cfunction((t, L) => t.sortedKeys(L)),
    roLen: cfunction((t, L) => t.roLen(L)),
    where: cfunction((t, L) => t.where(L)),
  };
}
