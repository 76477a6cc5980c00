import type { LuaHeap } from './heap.ts';
import { LUA_REGISTRYINDEX } from './lua/lua-constants.ts';

/** Registry reference to the prelude's write refusal (a Lua function, so errors get a line). */
export interface ReadOnlyRefs {
  roNewindex: number;
}

/** The metatable marker of read-only proxies; natives look for it to find the backing table. */
export const READ_ONLY = 'read-only';

/** Field names interned as C strings per heap; names beyond this go through the scratch. */
const MAX_INTERNED_KEYS = 4096;

/**
 * Pushes a host value (already checked by `checkHostValue`) as Lua data that scripts can read
 * but not change: every table is an empty proxy whose metatable reads from the backing table
 * and refuses writes, exactly as the prelude builds its own read-only tables. Must run inside a
 * protected call: only memory errors can happen, and they unwind as Lua errors.
 */
export class ReadOnlyPusher {
  // Stack slots of the pieces every proxy's metatable shares, pushed once per push().
  private newindex = 0;
  private len = 0;
  private marker = 0;
  private readonly names: { index: number; newindex: number; len: number; metatable: number };

  constructor(
    private readonly heap: LuaHeap,
    private readonly refs: ReadOnlyRefs,
    /** The read-only `__len` (a C function pointer). */
    private readonly lenFn: number,
    /** Raises a Lua error; called when the stack cannot grow (pushing on would corrupt it). */
    private readonly raise: (L: number) => void,
  ) {
    const { memory } = heap;
    this.names = {
      index: memory.cString('__index'),
      newindex: memory.cString('__newindex'),
      len: memory.cString('__len'),
      metatable: memory.cString('__metatable'),
    };
  }

  /** Pushes one value on top of L's stack. */
  push(L: number, value: unknown): void {
    const { api, memory } = this.heap;
    const base = api.lua_gettop(L);
    this.reserve(L, 8);
    api.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(this.refs.roNewindex));
    api.lua_pushcclosure(L, this.lenFn, 0);
    api.lua_pushlstring(L, memory.cString(READ_ONLY), READ_ONLY.length);
    this.newindex = base + 1;
    this.len = base + 2;
    this.marker = base + 3;
    this.pushAny(L, value);
    api.lua_rotate(L, base + 1, 1);
    api.lua_settop(L, base + 1);
  }

  private pushAny(L: number, value: unknown): void {
    const { api, memory } = this.heap;
    if (value === null || value === undefined) {
      api.lua_pushnil(L);
    } else if (typeof value === 'boolean') {
      api.lua_pushboolean(L, value ? 1 : 0);
    } else if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) api.lua_pushinteger(L, BigInt(value));
      else api.lua_pushnumber(L, value);
    } else if (typeof value === 'string') {
      const [ptr, len] = memory.writeScratch(value);
      api.lua_pushlstring(L, ptr, len);
    } else if (Array.isArray(value)) {
      this.reserve(L, 8);
      api.lua_createtable(L, value.length, 0);
      for (let i = 0; i < value.length; i++) {
        this.pushAny(L, value[i]);
        api.lua_rawseti(L, -2, BigInt(i + 1));
      }
      this.wrap(L);
    } else {
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object);
      this.reserve(L, 8);
      api.lua_createtable(L, 0, keys.length);
      for (const key of keys) {
        const item = object[key];
        if (item !== null && item !== undefined) this.setField(L, key, item);
      }
      this.wrap(L);
    }
  }

  private reserve(L: number, slots: number): void {
    if (!this.heap.api.lua_checkstack(L, slots)) this.raise(L);
  }

  private setField(L: number, key: string, item: unknown): void {
    const { api, memory } = this.heap;
    if (memory.cStringCount < MAX_INTERNED_KEYS && !key.includes('\0')) {
      this.pushAny(L, item);
      api.lua_setfield(L, -2, memory.cString(key));
    } else {
      const [ptr, len] = memory.writeScratch(key);
      api.lua_pushlstring(L, ptr, len);
      this.pushAny(L, item);
      api.lua_rawset(L, -3);
    }
  }

  /** Replaces the backing table on top of the stack with its read-only proxy. */
  private wrap(L: number): void {
    const { api } = this.heap;
    const { names } = this;
    const backing = api.lua_gettop(L);
    api.lua_createtable(L, 0, 0);
    api.lua_createtable(L, 0, 4);
    api.lua_pushvalue(L, backing);
    api.lua_setfield(L, -2, names.index);
    api.lua_pushvalue(L, this.newindex);
    api.lua_setfield(L, -2, names.newindex);
    api.lua_pushvalue(L, this.len);
    api.lua_setfield(L, -2, names.len);
    api.lua_pushvalue(L, this.marker);
    api.lua_setfield(L, -2, names.metatable);
    api.lua_setmetatable(L, backing + 1);
    api.lua_rotate(L, backing, 1);
    api.lua_settop(L, backing);
  }
}
