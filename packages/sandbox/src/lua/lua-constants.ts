/** Constants of the Lua 5.4 C API, as compiled into wasmoon's glue.wasm (wasm32). */

export const LUA_OK = 0;
export const LUA_YIELD = 1;
export const LUA_ERRRUN = 2;
export const LUA_ERRSYNTAX = 3;
export const LUA_ERRMEM = 4;
export const LUA_ERRERR = 5;

export const LUA_TNONE = -1;
export const LUA_TNIL = 0;
export const LUA_TBOOLEAN = 1;
export const LUA_TLIGHTUSERDATA = 2;
export const LUA_TNUMBER = 3;
export const LUA_TSTRING = 4;
export const LUA_TTABLE = 5;
export const LUA_TFUNCTION = 6;
export const LUA_TUSERDATA = 7;
export const LUA_TTHREAD = 8;

export const LUA_TYPE_NAMES: Readonly<Record<number, string>> = {
  [LUA_TNONE]: 'no value',
  [LUA_TNIL]: 'nil',
  [LUA_TBOOLEAN]: 'boolean',
  [LUA_TLIGHTUSERDATA]: 'userdata',
  [LUA_TNUMBER]: 'number',
  [LUA_TSTRING]: 'string',
  [LUA_TTABLE]: 'table',
  [LUA_TFUNCTION]: 'function',
  [LUA_TUSERDATA]: 'userdata',
  [LUA_TTHREAD]: 'thread',
};

export const LUA_MULTRET = -1;
/** -LUAI_MAXSTACK - 1000 with LUAI_MAXSTACK = 1,000,000. */
export const LUA_REGISTRYINDEX = -1_001_000;
export const luaUpvalueIndex = (i: number): number => LUA_REGISTRYINDEX - i;

export const LUA_MASKCOUNT = 1 << 3;

/** Offsets in `lua_Debug` on wasm32 (int event; 4 pointers; size_t srclen; int currentline). */
export const LUA_DEBUG_SOURCE_OFFSET = 16;
export const LUA_DEBUG_CURRENTLINE_OFFSET = 24;
export const LUA_DEBUG_SIZE = 256;
