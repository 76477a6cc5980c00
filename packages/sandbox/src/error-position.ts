import type { LuaHeap } from './heap.ts';
import { LUA_DEBUG_CURRENTLINE_OFFSET, LUA_DEBUG_SOURCE_OFFSET } from './lua/lua-constants.ts';

/** Chunk name of creator code. Errors are reported against it; the prelude is `=sandbox`. */
export const ABILITY_CHUNK = '=ability';
export const PRELUDE_CHUNK = '=sandbox';

const ABILITY_BYTES = new TextEncoder().encode(ABILITY_CHUNK);
const MAX_LEVELS = 250;

/**
 * The line of the innermost creator frame on the Lua stack, starting at `level` (0 is the
 * running function). Frames of the prelude and of C functions are skipped, so an error inside
 * a library wrapper is reported where the creator called it.
 */
export function creatorLine(heap: LuaHeap, L: number, level = 0): number | undefined {
  const { api, memory, debugPtr } = heap;
  const what = memory.cString('Sl');
  for (let depth = level; depth < MAX_LEVELS; depth++) {
    if (!api.lua_getstack(L, depth, debugPtr)) return undefined;
    api.lua_getinfo(L, what, debugPtr);
    if (isAbilitySource(heap, memory.readI32(debugPtr + LUA_DEBUG_SOURCE_OFFSET))) {
      const line = memory.readI32(debugPtr + LUA_DEBUG_CURRENTLINE_OFFSET);
      return line > 0 ? line : undefined;
    }
  }
  return undefined;
}

function isAbilitySource(heap: LuaHeap, ptr: number): boolean {
  if (!ptr) return false;
  const bytes = heap.memory.bytes();
  for (let i = 0; i < ABILITY_BYTES.length; i++) {
    if (bytes[ptr + i] !== ABILITY_BYTES[i]) return false;
  }
  return bytes[ptr + ABILITY_BYTES.length] === 0;
}

const POSITION = /^(ability|sandbox):(\d+): /;

/**
 * Splits Lua's "chunk:line: " prefix off a message. A prefix naming the ability gives the line;
 * a prelude prefix is dropped (the caller falls back to the stack walk).
 */
export function splitPosition(message: string): { message: string; line?: number } {
  const match = POSITION.exec(message);
  if (!match) return { message };
  const rest = message.slice(match[0].length);
  return match[1] === 'ability' ? { message: rest, line: Number(match[2]) } : { message: rest };
}
