import type { LuaHeap } from './heap.ts';
import { LUA_TNUMBER, LUA_TSTRING, LUA_TTABLE, LUA_TYPE_NAMES } from './lua/lua-constants.ts';
import { READ_ONLY } from './readonly-push.ts';

type Key = { slot: number; number?: number; bytes?: Uint8Array };

/**
 * For pairs: pushes an array of the keys of the table at index 1, numbers first (by value), then
 * strings (by bytes, as Lua compares them). Returns the count to charge, or an error message.
 * Lua's raw order depends on the per-process string hash seed; this order and this cost do not.
 */
export function collectSortedKeys(heap: LuaHeap, L: number): number | string {
  const { api, memory } = heap;
  api.lua_settop(L, 1);
  pushBacking(heap, L, 1);
  api.lua_rotate(L, 1, 1);
  api.lua_settop(L, 1); // 1: the table whose keys are listed (a proxy's backing table)
  api.lua_createtable(L, 0, 0); // 2: keys in raw order
  const keys: Key[] = [];
  api.lua_pushnil(L);
  while (api.lua_next(L, 1)) {
    api.lua_settop(L, -2); // drop the value, keep the key for lua_next
    const type = api.lua_type(L, -1);
    const slot = keys.length + 1;
    if (type === LUA_TNUMBER) {
      const number = api.lua_isinteger(L, -1)
        ? Number(api.lua_tointegerx(L, -1, 0))
        : api.lua_tonumberx(L, -1, 0);
      keys.push({ slot, number });
    } else if (type === LUA_TSTRING) {
      const ptr = api.lua_tolstring(L, -1, memory.outPtr);
      const len = memory.readI32(memory.outPtr);
      keys.push({ slot, bytes: memory.bytes().slice(ptr, ptr + len) });
    } else {
      api.lua_settop(L, 2);
      return `pairs: keys must be numbers or strings to keep a fixed order (got a ${LUA_TYPE_NAMES[type] ?? '?'} key)`;
    }
    api.lua_pushvalue(L, -1);
    api.lua_rawseti(L, 2, BigInt(slot));
  }
  keys.sort(compareKeys);
  api.lua_createtable(L, keys.length, 0); // 3: the result
  keys.forEach((key, index) => {
    api.lua_rawgeti(L, 2, BigInt(key.slot));
    api.lua_rawseti(L, 3, BigInt(index + 1));
  });
  return keys.length;
}

/**
 * Pushes the table at `index`, or, for a read-only proxy, its backing table. The C API reads a
 * metatable even when `__metatable` hides it from scripts.
 */
export function pushBacking(heap: LuaHeap, L: number, index: number): void {
  const { api, memory } = heap;
  if (api.lua_getmetatable(L, index)) {
    const marker = api.lua_getfield(L, -1, memory.cString('__metatable'));
    const isReadOnly =
      marker === LUA_TSTRING &&
      memory.readString(api.lua_tolstring(L, -1, memory.outPtr), memory.readI32(memory.outPtr)) ===
        READ_ONLY;
    api.lua_settop(L, -2);
    if (isReadOnly && api.lua_getfield(L, -1, memory.cString('__index')) === LUA_TTABLE) {
      api.lua_rotate(L, -2, 1);
      api.lua_settop(L, -2);
      return;
    }
    api.lua_settop(L, isReadOnly ? -3 : -2);
  }
  api.lua_pushvalue(L, index);
}

function compareKeys(a: Key, b: Key): number {
  if (a.number !== undefined) return b.number !== undefined ? a.number - b.number : -1;
  if (b.number !== undefined) return 1;
  const x = a.bytes as Uint8Array;
  const y = b.bytes as Uint8Array;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
