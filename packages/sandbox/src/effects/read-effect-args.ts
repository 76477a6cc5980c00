import type { LuaHeap } from '../heap.ts';
import {
  LUA_TBOOLEAN,
  LUA_TNIL,
  LUA_TNONE,
  LUA_TNUMBER,
  LUA_TSTRING,
  LUA_TTABLE,
  LUA_TYPE_NAMES,
} from '../lua/lua-constants.ts';
import type { EffectSpec, EffectValue, ParamSpec } from './effect-spec.ts';

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const DEFAULT_STRING_BYTES = 1024;
const DEFAULT_LIST_ITEMS = 256;

/**
 * Reads and validates the arguments of an effect function from the Lua stack (1..nargs). Runs
 * inside the C function the script called; metamethods (`#`, `.id`) may run script code, and a
 * Lua error there unwinds through here, which is fine: nothing is recorded until the end.
 */
export function readEffectArgs(
  heap: LuaHeap,
  L: number,
  spec: EffectSpec,
  maxStringBytes: number,
): Read<Record<string, EffectValue>> {
  const nargs = heap.api.lua_gettop(L);
  if (nargs > spec.params.length) {
    return fail(`takes at most ${spec.params.length} arguments, got ${nargs}`);
  }
  const args: Record<string, EffectValue> = {};
  for (let i = 0; i < spec.params.length; i++) {
    const param = spec.params[i] as ParamSpec;
    const index = i + 1;
    const type = heap.api.lua_type(L, index);
    if (type === LUA_TNIL || type === LUA_TNONE) {
      if (param.optional) continue;
      return fail(`argument #${index} (${param.name}) is missing`);
    }
    const read = readParam(heap, L, index, param, maxStringBytes);
    if (!read.ok) return fail(`argument #${index} (${param.name}) ${read.message}`);
    args[param.name] = read.value;
  }
  return { ok: true, value: args };
}

function readParam(
  heap: LuaHeap,
  L: number,
  index: number,
  param: ParamSpec,
  maxStringBytes: number,
): Read<EffectValue> {
  switch (param.type) {
    case 'integer': {
      const read = readInteger(heap, L, index);
      if (!read.ok) return read;
      if (param.min !== undefined && read.value < param.min) {
        return fail(`must be at least ${param.min}, got ${read.value}`);
      }
      if (param.max !== undefined && read.value > param.max) {
        return fail(`must be at most ${param.max}, got ${read.value}`);
      }
      return read;
    }
    case 'string': {
      const read = readString(
        heap,
        L,
        index,
        Math.min(param.maxBytes ?? DEFAULT_STRING_BYTES, maxStringBytes),
      );
      if (!read.ok) return read;
      if (param.oneOf && !param.oneOf.includes(read.value)) {
        return fail(`must be one of ${param.oneOf.join(', ')}, got "${read.value}"`);
      }
      return read;
    }
    case 'boolean':
      return heap.api.lua_type(L, index) === LUA_TBOOLEAN
        ? { ok: true, value: heap.api.lua_toboolean(L, index) !== 0 }
        : fail(`must be a boolean, got ${describe(heap, L, index)}`);
    case 'ref':
      return readRef(heap, L, index);
    case 'list':
      return readList(heap, L, index, param, maxStringBytes);
  }
}

/** An integer, or a float with an exact integer value; never NaN, infinities or fractions. */
function readInteger(heap: LuaHeap, L: number, index: number): Read<number> {
  const { api } = heap;
  if (api.lua_type(L, index) !== LUA_TNUMBER) {
    return fail(`must be an integer, got ${describe(heap, L, index)}`);
  }
  if (api.lua_isinteger(L, index)) {
    const value = api.lua_tointegerx(L, index, 0);
    if (value > MAX_SAFE || value < -MAX_SAFE) return fail(`is out of range (${value})`);
    return { ok: true, value: Number(value) };
  }
  const value = api.lua_tonumberx(L, index, 0);
  if (!Number.isSafeInteger(value))
    return fail(`must be an integer, got ${describe(heap, L, index)}`);
  return { ok: true, value };
}

function readString(heap: LuaHeap, L: number, index: number, maxBytes: number): Read<string> {
  const { api, memory } = heap;
  if (api.lua_type(L, index) !== LUA_TSTRING) {
    return fail(`must be a string, got ${describe(heap, L, index)}`);
  }
  const ptr = api.lua_tolstring(L, index, memory.outPtr);
  const len = memory.readI32(memory.outPtr);
  if (len > maxBytes) return fail(`is longer than ${maxBytes} bytes`);
  const text = memory.readStrictString(ptr, len);
  return text === undefined ? fail('is not valid UTF-8') : { ok: true, value: text };
}

/** An entity id: a string, an integer, or a table carrying one in its `id` field. */
function readRef(heap: LuaHeap, L: number, index: number): Read<string | number> {
  const { api, memory } = heap;
  const type = api.lua_type(L, index);
  if (type === LUA_TSTRING) return readString(heap, L, index, 256);
  if (type === LUA_TNUMBER) return readInteger(heap, L, index);
  if (type !== LUA_TTABLE) {
    return fail(
      `must be an id (string or integer) or a table with an id, got ${describe(heap, L, index)}`,
    );
  }
  api.lua_getfield(L, index, memory.cString('id'));
  const top = api.lua_gettop(L);
  const idType = api.lua_type(L, top);
  const read =
    idType === LUA_TSTRING || idType === LUA_TNUMBER
      ? readRef(heap, L, top)
      : fail(`is a table without an id (string or integer) field`);
  api.lua_settop(L, top - 1);
  return read;
}

function readList(
  heap: LuaHeap,
  L: number,
  index: number,
  param: Extract<ParamSpec, { type: 'list' }>,
  maxStringBytes: number,
): Read<EffectValue[]> {
  const { api } = heap;
  if (api.lua_type(L, index) !== LUA_TTABLE)
    return fail(`must be a list, got ${describe(heap, L, index)}`);
  const length = Number(api.luaL_len(L, index));
  const maxItems = param.maxItems ?? DEFAULT_LIST_ITEMS;
  if (length > maxItems) return fail(`has ${length} items, more than ${maxItems}`);
  const minItems = param.minItems ?? 0;
  if (length < minItems) return fail(`has ${length} items, fewer than ${minItems}`);
  const items: EffectValue[] = [];
  for (let i = 1; i <= length; i++) {
    api.lua_geti(L, index, BigInt(i));
    const top = api.lua_gettop(L);
    const item =
      param.of === 'ref'
        ? readRef(heap, L, top)
        : param.of === 'integer'
          ? readInteger(heap, L, top)
          : readString(heap, L, top, maxStringBytes);
    api.lua_settop(L, top - 1);
    if (!item.ok) return fail(`item ${i} ${item.message}`);
    items.push(item.value);
  }
  return { ok: true, value: items };
}

function describe(heap: LuaHeap, L: number, index: number): string {
  const { api } = heap;
  const type = api.lua_type(L, index);
  if (type !== LUA_TNUMBER) return LUA_TYPE_NAMES[type] ?? 'a value';
  if (api.lua_isinteger(L, index)) return String(api.lua_tointegerx(L, index, 0));
  const value = api.lua_tonumberx(L, index, 0);
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}
