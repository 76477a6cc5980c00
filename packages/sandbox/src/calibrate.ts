import {
  LUA_DEBUG_CURRENTLINE_OFFSET,
  LUA_DEBUG_SOURCE_OFFSET,
  LUA_MASKCOUNT,
  LUA_OK,
} from './lua/lua-constants.ts';
import type { LuaApi } from './lua/lua-api.ts';
import type { WasmMemory } from './lua/wasm-memory.ts';
import { MemoryMeter } from './memory-meter.ts';
import type { NativePointers, NativeTarget } from './natives.ts';

/** What calibration uses of a heap (a `LuaHeap` while it is being created). */
export interface CalibrationTarget {
  readonly api: LuaApi;
  readonly memory: WasmMemory;
  readonly natives: NativePointers;
  readonly debugPtr: number;
  addMeter(meter: MemoryMeter): number;
  removeMeter(id: number): void;
  attach(L: number, target: NativeTarget): void;
  detach(L: number): void;
}

export interface Calibration {
  /** Byte offset of `int hookcount` inside `lua_State`. */
  hookcountOffset: number;
}

const MAGIC = 0x2f1d3b;
const PROBE_SOURCE = 'local s = 0\nfor i = 1, 7 do s = s + i end\nreturn s';

/**
 * Finds `lua_State.hookcount` in this build and proves the exact-count method on it: a probe
 * chunk run with the hook firing at every instruction must count the same number of
 * instructions as the countdown shows. Also checks the `lua_Debug` offsets used for error lines.
 * A heap that fails this is unusable: budgets could not be exact.
 */
export function calibrate(heap: CalibrationTarget): Calibration {
  const { api, memory, natives } = heap;
  const meter = new MemoryMeter(64 * 1024 * 1024, 1024 * 1024, () => undefined);
  const meterId = heap.addMeter(meter);
  const L = api.lua_newstate(natives.alloc, meterId);
  if (!L) throw new Error('calibration: lua_newstate failed');
  api.lua_atpanic(L, natives.panic);

  let fired = 0;
  const lines: number[] = [];
  const sources = new Set<string>();
  heap.attach(L, {
    runJob: () => 0,
    onError: () => undefined,
    emitEffect: () => 0,
    random: () => 0,
    forbid: () => 0,
    charge: () => 0,
    stopped: () => 0,
    sortedKeys: () => 0,
    roLen: () => 0,
    where: () => 0,
    onCountHook: (state) => {
      fired++;
      if (api.lua_getstack(state, 0, heap.debugPtr)) {
        api.lua_getinfo(state, memory.cString('Sl'), heap.debugPtr);
        const source = memory.readI32(heap.debugPtr + LUA_DEBUG_SOURCE_OFFSET);
        sources.add(memory.readCString(source, 64));
        lines.push(memory.readI32(heap.debugPtr + LUA_DEBUG_CURRENTLINE_OFFSET));
      }
    },
  });

  try {
    api.lua_sethook(L, natives.hook, LUA_MASKCOUNT, MAGIC);
    const hits: number[] = [];
    for (let i = 0; i < 64; i++) if (memory.readI32(L + i * 4) === MAGIC) hits.push(i * 4);
    if (hits.length !== 2 || hits[1] !== (hits[0] ?? 0) + 4) {
      throw new Error(`calibration: hookcount not found (matches at ${hits.join(',')})`);
    }
    const hookcountOffset = hits[1] as number;

    const runProbe = (count: number): void => {
      api.lua_sethook(L, natives.hook, LUA_MASKCOUNT, count);
      const [ptr, len] = memory.writeScratch(PROBE_SOURCE);
      const loaded = api.luaL_loadbufferx(
        L,
        ptr,
        len,
        memory.cString('=ability'),
        memory.cString('t'),
      );
      if (loaded !== LUA_OK || api.lua_pcallk(L, 0, 0, 0, 0, 0) !== LUA_OK) {
        throw new Error('calibration: probe chunk failed');
      }
      api.lua_settop(L, 0);
    };
    runProbe(1);
    const exact = fired;
    const big = 1_000_000;
    runProbe(big);
    const countdown = big - memory.readI32(L + hookcountOffset);
    api.lua_sethook(L, 0, 0, 0);
    if (exact < 10 || countdown !== exact) {
      throw new Error(`calibration: hook counted ${exact}, countdown ${countdown}`);
    }
    if (sources.size !== 1 || !sources.has('=ability')) {
      throw new Error(`calibration: lua_Debug.source reads ${[...sources].join(',')}`);
    }
    if (lines.some((line) => line < 1 || line > 3) || !lines.includes(2)) {
      throw new Error(`calibration: lua_Debug.currentline reads ${lines.join(',')}`);
    }
    return { hookcountOffset };
  } finally {
    api.lua_close(L);
    heap.detach(L);
    heap.removeMeter(meterId);
  }
}
