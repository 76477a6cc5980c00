import { ABILITY_CHUNK, splitPosition } from '../error-position.ts';
import { failure, type Failure } from '../errors.ts';
import type { LuaHeap } from '../heap.ts';
import { LUA_ERRMEM, LUA_OK } from '../lua/lua-constants.ts';
import { MemoryMeter } from '../memory-meter.ts';

export type SyntaxResult = { ok: true } | Failure;

/**
 * Compiles `source` with Lua's own parser in a bare state (no libraries, nothing runs), so the
 * verdict and the message are exactly what loading the ability would give.
 */
export function checkSyntax(heap: LuaHeap, source: string, memoryBytes: number): SyntaxResult {
  if (source.startsWith('\x1b'))
    return failure('FORBIDDEN', 'bytecode is not accepted: load source text');
  const { api, memory, natives } = heap;
  const meter = new MemoryMeter(memoryBytes, memoryBytes, () => undefined);
  const meterId = heap.addMeter(meter);
  const L = api.lua_newstate(natives.alloc, meterId);
  if (!L) {
    heap.removeMeter(meterId);
    return failure('MEMORY_EXCEEDED', 'could not create a Lua state');
  }
  try {
    api.lua_atpanic(L, natives.panic);
    const [ptr, len] = memory.writeScratch(source);
    const status = api.luaL_loadbufferx(
      L,
      ptr,
      len,
      memory.cString(ABILITY_CHUNK),
      memory.cString('t'),
    );
    if (status === LUA_OK) return { ok: true };
    if (status === LUA_ERRMEM) return failure('MEMORY_EXCEEDED', 'not enough memory to compile');
    const text = memory.readString(
      api.lua_tolstring(L, -1, memory.outPtr),
      memory.readI32(memory.outPtr),
    );
    const { message, line } = splitPosition(text);
    return failure('SYNTAX', message, line);
  } finally {
    api.lua_close(L);
    heap.removeMeter(meterId);
  }
}
