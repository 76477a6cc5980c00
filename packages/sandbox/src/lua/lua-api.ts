/**
 * The slice of the Lua 5.4 C API the sandbox uses, as raw WebAssembly exports. Pointers and
 * `size_t` are 32-bit numbers; `lua_Integer` is a 64-bit BigInt (wasm32 with WASM_BIGINT).
 */
export interface LuaApi {
  malloc(size: number): number;
  free(ptr: number): void;
  realloc(ptr: number, size: number): number;

  lua_newstate(allocFn: number, ud: number): number;
  lua_close(L: number): void;
  lua_atpanic(L: number, panicFn: number): number;
  lua_sethook(L: number, hookFn: number, mask: number, count: number): void;

  luaL_loadbufferx(L: number, buf: number, size: number, name: number, mode: number): number;
  lua_pcallk(
    L: number,
    nargs: number,
    nresults: number,
    errfunc: number,
    ctx: number,
    k: number,
  ): number;
  lua_callk(L: number, nargs: number, nresults: number, ctx: number, k: number): void;
  lua_error(L: number): number;
  luaL_where(L: number, level: number): void;
  lua_concat(L: number, n: number): void;

  lua_gettop(L: number): number;
  lua_settop(L: number, idx: number): void;
  lua_pushvalue(L: number, idx: number): void;
  lua_rotate(L: number, idx: number, n: number): void;
  lua_checkstack(L: number, n: number): number;

  lua_type(L: number, idx: number): number;
  lua_isinteger(L: number, idx: number): number;
  lua_tointegerx(L: number, idx: number, isnum: number): bigint;
  lua_tonumberx(L: number, idx: number, isnum: number): number;
  lua_toboolean(L: number, idx: number): number;
  lua_tolstring(L: number, idx: number, lenPtr: number): number;
  lua_topointer(L: number, idx: number): number;
  lua_rawlen(L: number, idx: number): number;
  lua_next(L: number, idx: number): number;
  luaL_len(L: number, idx: number): bigint;

  lua_pushnil(L: number): void;
  lua_pushinteger(L: number, n: bigint): void;
  lua_pushnumber(L: number, n: number): void;
  lua_pushlstring(L: number, s: number, len: number): number;
  lua_pushboolean(L: number, b: number): void;
  lua_pushcclosure(L: number, fn: number, n: number): void;

  lua_createtable(L: number, narr: number, nrec: number): void;
  lua_getfield(L: number, idx: number, k: number): number;
  lua_setfield(L: number, idx: number, k: number): void;
  lua_geti(L: number, idx: number, n: bigint): number;
  lua_rawget(L: number, idx: number): number;
  lua_rawset(L: number, idx: number): void;
  lua_rawgeti(L: number, idx: number, n: bigint): number;
  lua_rawseti(L: number, idx: number, n: bigint): void;
  lua_setmetatable(L: number, idx: number): number;
  lua_getmetatable(L: number, idx: number): number;
  lua_setupvalue(L: number, funcIdx: number, n: number): number;
  lua_getglobal(L: number, name: number): number;
  lua_setglobal(L: number, name: number): void;
  luaL_ref(L: number, t: number): number;
  luaL_unref(L: number, t: number, ref: number): void;

  lua_getstack(L: number, level: number, ar: number): number;
  lua_getinfo(L: number, what: number, ar: number): number;

  luaopen_base(L: number): number;
  luaopen_string(L: number): number;
  luaopen_table(L: number): number;
  luaopen_math(L: number): number;
}

export const LUA_API_NAMES: readonly (keyof LuaApi)[] = [
  'malloc',
  'free',
  'realloc',
  'lua_newstate',
  'lua_close',
  'lua_atpanic',
  'lua_sethook',
  'luaL_loadbufferx',
  'lua_pcallk',
  'lua_callk',
  'lua_error',
  'luaL_where',
  'lua_concat',
  'lua_gettop',
  'lua_settop',
  'lua_pushvalue',
  'lua_rotate',
  'lua_checkstack',
  'lua_type',
  'lua_isinteger',
  'lua_tointegerx',
  'lua_tonumberx',
  'lua_toboolean',
  'lua_tolstring',
  'lua_topointer',
  'lua_rawlen',
  'lua_next',
  'luaL_len',
  'lua_pushnil',
  'lua_pushinteger',
  'lua_pushnumber',
  'lua_pushlstring',
  'lua_pushboolean',
  'lua_pushcclosure',
  'lua_createtable',
  'lua_getfield',
  'lua_setfield',
  'lua_geti',
  'lua_rawget',
  'lua_rawset',
  'lua_rawgeti',
  'lua_rawseti',
  'lua_setmetatable',
  'lua_getmetatable',
  'lua_setupvalue',
  'lua_getglobal',
  'lua_setglobal',
  'luaL_ref',
  'luaL_unref',
  'lua_getstack',
  'lua_getinfo',
  'luaopen_base',
  'luaopen_string',
  'luaopen_table',
  'luaopen_math',
];
